import type { Principal } from '@kc/contracts';
import { business, central, officer } from '@kc/testing';
import { assertIssuingAuthority, mayPrintCertificate, maySeeCertificate } from './certificate-access';

const refusal = (principal: Principal, scope: Parameters<typeof assertIssuingAuthority>[1]) => {
  try {
    assertIssuingAuthority(principal, scope, 'certificates[0].number');
  } catch (error) {
    const { kind, code, field } = error as { kind: string; code: string; field: string };
    return { kind, code, field };
  }
  return 'allowed';
};

describe('who records, withdraws, sees and prints award certificates', () => {
  it('lets the agency act on every level', () => {
    for (const scope of [
      { level: 'national' },
      { level: 'regional', regionCode: 'south' },
      { level: 'provincial', provinceCode: '01' },
      { level: 'commune', provinceCode: '40', localUnitCode: '17332' },
    ] as const) {
      expect(refusal(central, scope)).toBe('allowed');
    }
  });

  it("keeps a province officer to their unit's provincial and commune certificates, and its predecessors'", () => {
    expect(refusal(officer('40'), { level: 'provincial', provinceCode: '40' })).toBe('allowed');
    expect(refusal(officer('40'), { level: 'commune', provinceCode: '40', localUnitCode: '412' })).toBe(
      'allowed',
    );
    expect(refusal(officer('40'), { level: 'provincial', provinceCode: '01' })).toEqual({
      kind: 'forbidden',
      code: 'auth.other-province',
      field: 'certificates[0].number',
    });
    // Hải Phòng's department keeps what Hải Dương (30) issued before the 2025 merger; not the other way round.
    expect(refusal(officer('31'), { level: 'provincial', provinceCode: '30' })).toBe('allowed');
    expect(refusal(officer('30'), { level: 'provincial', provinceCode: '31' })).toMatchObject({
      code: 'auth.other-province',
    });
    for (const scope of [{ level: 'national' }, { level: 'regional', regionCode: 'north' }] as const) {
      expect(refusal(officer('40'), scope)).toEqual({
        kind: 'forbidden',
        code: 'certificate.agency-level',
        field: 'certificates[0].number',
      });
    }
  });

  it('shows staff the certificates of the facilities they oversee, and prints them for the holder too', () => {
    expect(maySeeCertificate(central, '01')).toBe(true);
    expect(maySeeCertificate(officer('31'), '30')).toBe(true);
    expect(maySeeCertificate(officer('40'), '01')).toBe(false);
    const holder = { provinceCode: '40', taxCode: '2900123456' };
    expect(mayPrintCertificate(officer('40'), holder)).toBe(true);
    expect(mayPrintCertificate(officer('01'), holder)).toBe(false);
    expect(mayPrintCertificate(business('2900123456'), holder)).toBe(true);
    expect(mayPrintCertificate(business('2900123457'), holder)).toBe(false);
  });
});
