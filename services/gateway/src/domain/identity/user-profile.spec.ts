import type { Role } from '@kc/contracts';
import {
  assertNotSelfLockout,
  assertProfileFits,
  assertRoleChangeLeavesNoBindings,
  endsSessions,
  type UserProfile,
} from './user-profile';

const TODAY = '2026-03-02';
const profile = (role: Role, extra: Partial<UserProfile> = {}): UserProfile => ({
  role,
  provinceCode: null,
  facilityTaxCode: null,
  fairIds: [],
  disabled: false,
  ...extra,
});
const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    const { code, field } = error as { code: string; field: string };
    return { code, field };
  }
  return null;
};

describe('a user profile fits its role', () => {
  it('binds a province officer to one unit in force today, and nobody else to any', () => {
    expect(refusal(() => assertProfileFits(profile('province-officer', { provinceCode: '40' }), TODAY))).toBe(
      null,
    );
    expect(refusal(() => assertProfileFits(profile('province-officer'), TODAY))).toEqual({
      code: 'user.province-required',
      field: 'body.provinceCode',
    });
    // 30 Hải Dương went into 31 Hải Phòng on 2025-07-01.
    expect(
      refusal(() => assertProfileFits(profile('province-officer', { provinceCode: '30' }), TODAY)),
    ).toEqual({ code: 'user.province-not-in-force', field: 'body.provinceCode' });
    for (const role of ['central-admin', 'central-officer', 'viewer', 'juror', 'fair-organizer'] as const) {
      expect(refusal(() => assertProfileFits(profile(role, { provinceCode: '40' }), TODAY))).toEqual({
        code: 'user.province-not-allowed',
        field: 'body.provinceCode',
      });
    }
  });

  it('checks a unit for being in force only when it is given, so an officer of a merged unit can be disabled', () => {
    const merged = profile('province-officer', { provinceCode: '30', disabled: true });
    expect(refusal(() => assertProfileFits(merged, TODAY, false))).toBe(null);
  });

  it('binds a business, and only a business, to a facility', () => {
    expect(refusal(() => assertProfileFits(profile('business'), TODAY))).toEqual({
      code: 'user.facility-required',
      field: 'body.facilityTaxCode',
    });
    expect(
      refusal(() => assertProfileFits(profile('business', { facilityTaxCode: '0101234567-001' }), TODAY)),
    ).toBe(null);
    expect(
      refusal(() => assertProfileFits(profile('viewer', { facilityTaxCode: '0101234567' }), TODAY)),
    ).toEqual({ code: 'user.facility-not-allowed', field: 'body.facilityTaxCode' });
  });

  it('gives fairs to fair organisers only', () => {
    const fairs = { fairIds: ['f1'] };
    expect(refusal(() => assertProfileFits(profile('fair-organizer', fairs), TODAY))).toBe(null);
    expect(refusal(() => assertProfileFits(profile('juror', fairs), TODAY))).toEqual({
      code: 'user.fairs-not-allowed',
      field: 'body.fairIds',
    });
  });
});

describe('changing a user', () => {
  it('refuses a role change that would leave bindings behind', () => {
    const organiser = profile('fair-organizer', { fairIds: ['f1'] });
    expect(refusal(() => assertRoleChangeLeavesNoBindings(organiser, 'viewer'))).toEqual({
      code: 'user.has-fair-bindings',
      field: 'body.role',
    });
    expect(refusal(() => assertRoleChangeLeavesNoBindings(organiser, 'fair-organizer'))).toBe(null);
    expect(refusal(() => assertRoleChangeLeavesNoBindings(profile('fair-organizer'), 'viewer'))).toBe(null);
  });

  it('keeps an admin from disabling or demoting themselves, not others', () => {
    expect(refusal(() => assertNotSelfLockout('me', 'me', { disabled: true }))).toEqual({
      code: 'user.self-lockout',
      field: 'body.disabled',
    });
    expect(refusal(() => assertNotSelfLockout('me', 'me', { role: 'central-officer' }))).toEqual({
      code: 'user.self-lockout',
      field: 'body.role',
    });
    expect(refusal(() => assertNotSelfLockout('me', 'me', { role: 'central-admin', disabled: false }))).toBe(
      null,
    );
    expect(refusal(() => assertNotSelfLockout('me', 'other', { disabled: true }))).toBe(null);
  });

  it('ends sessions when the account is disabled or what its tokens carry changes, not for bindings', () => {
    const officer = profile('province-officer', { provinceCode: '40' });
    expect(endsSessions(officer, { ...officer, disabled: true })).toBe(true);
    expect(endsSessions(officer, { ...officer, provinceCode: '01' })).toBe(true);
    expect(endsSessions(officer, { ...officer, role: 'central-officer', provinceCode: null })).toBe(true);
    const business = profile('business', { facilityTaxCode: '0101234567' });
    expect(endsSessions(business, { ...business, facilityTaxCode: '0101234568' })).toBe(true);
    const organiser = profile('fair-organizer');
    expect(endsSessions(organiser, { ...organiser, fairIds: ['f1'] })).toBe(false);
    expect(endsSessions(officer, officer)).toBe(false);
  });
});
