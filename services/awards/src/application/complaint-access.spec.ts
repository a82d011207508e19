import type { FileComplaintRequest, Principal } from '@kc/contracts';
import {
  assertIsAuthority,
  assertMayFile,
  complaintScope,
  inComplaintScope,
  mayReachRound,
} from './complaint-access';

const central: Principal = { kind: 'user', id: 'u1', name: 'cuc.canbo', role: 'central-officer', scopes: [] };
const officer = (provinceCode: string): Principal => ({
  kind: 'user',
  id: `u-${provinceCode}`,
  name: `sct.${provinceCode}`,
  role: 'province-officer',
  provinceCode,
  scopes: [],
});
const facility: Principal = {
  kind: 'user',
  id: 'u3',
  name: 'dn.2900123456',
  role: 'business',
  facilityTaxCode: '2900123456',
  scopes: [],
};
const national = { id: 'r1', provinceCode: null };
const haiDuong2024 = { id: 'r2', provinceCode: '30' };
const filing: FileComplaintRequest = {
  facilityTaxCode: '2900123456',
  facilityName: 'Hợp tác xã Gốm Nghệ An',
  provinceCode: '40',
  content: 'Đề nghị chấm lại',
};

const code = (act: () => unknown) => {
  try {
    act();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('complaint access', () => {
  it('shows the council every complaint, a province its own units’, a facility its own', () => {
    expect(complaintScope(central, national)).toEqual({ kind: 'all' });
    expect(complaintScope(officer('40'), national)).toEqual({ kind: 'provinces', codes: ['40'] });
    // Hải Phòng (31) took in Hải Dương (30): its department is the council of Hải Dương's old rounds.
    expect(complaintScope(officer('31'), haiDuong2024)).toEqual({ kind: 'all' });
    expect(complaintScope(officer('31'), national)).toEqual({ kind: 'provinces', codes: ['30', '31'] });
    expect(complaintScope(facility, national)).toEqual({ kind: 'facility', taxCode: '2900123456' });
    expect(code(() => complaintScope({ ...facility, facilityTaxCode: undefined }, national))).toBe(
      'complaint.no-access',
    );
  });

  it('matches complaints to a scope', () => {
    const complaint = { provinceCode: '30', facilityTaxCode: '0800123456' };
    expect(inComplaintScope({ kind: 'provinces', codes: ['30', '31'] }, complaint)).toBe(true);
    expect(inComplaintScope({ kind: 'provinces', codes: ['40'] }, complaint)).toBe(false);
    expect(inComplaintScope({ kind: 'facility', taxCode: '2900123456' }, complaint)).toBe(false);
  });

  it('lets a facility reach any round, and staff the rounds they see', () => {
    expect(mayReachRound(facility, haiDuong2024)).toBe(true);
    expect(mayReachRound(officer('40'), haiDuong2024)).toBe(false);
    expect(mayReachRound(officer('40'), national)).toBe(true);
  });

  it('takes a facility’s complaint for itself only, dated the day it files', () => {
    expect(code(() => assertMayFile(facility, filing))).toBeUndefined();
    expect(code(() => assertMayFile(facility, { ...filing, facilityTaxCode: '0100109106' }))).toBe(
      'complaint.other-facility',
    );
    expect(code(() => assertMayFile(facility, { ...filing, receivedOn: '2026-05-07' }))).toBe(
      'complaint.received-on-by-staff',
    );
    expect(code(() => assertMayFile(officer('40'), { ...filing, receivedOn: '2026-05-07' }))).toBeUndefined();
    expect(code(() => assertMayFile(officer('01'), filing))).toBe('auth.other-province');
  });

  it('leaves answers to the round’s council: the agency above the provinces, else the province', () => {
    expect(code(() => assertIsAuthority(central, national))).toBeUndefined();
    expect(code(() => assertIsAuthority(officer('40'), national))).toBe('complaint.not-the-authority');
    expect(code(() => assertIsAuthority(officer('31'), haiDuong2024))).toBeUndefined();
    expect(code(() => assertIsAuthority(central, haiDuong2024))).toBe('complaint.not-the-authority');
  });
});
