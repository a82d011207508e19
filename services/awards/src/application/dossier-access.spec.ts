import type { Principal } from '@kc/contracts';
import { isEntrySide } from './dossier-access';

const entry = { provinceCode: '40', facilityTaxCode: '2901234567' };
const user = (role: Principal['role'], extra: Partial<Principal> = {}): Principal => ({
  kind: 'user',
  id: `u-${role}`,
  name: role,
  role,
  scopes: [],
  ...extra,
});

describe('who stands behind an entry', () => {
  it('is the agency, the officer of its province and the facility itself', () => {
    expect(isEntrySide(user('central-admin'), entry)).toBe(true);
    expect(isEntrySide(user('province-officer', { provinceCode: '40' }), entry)).toBe(true);
    expect(isEntrySide(user('business', { facilityTaxCode: '2901234567' }), entry)).toBe(true);
  });

  it('is not another province, another facility, nor a juror (jurors read through their assignment)', () => {
    expect(isEntrySide(user('province-officer', { provinceCode: '01' }), entry)).toBe(false);
    expect(isEntrySide(user('business', { facilityTaxCode: '0101234567' }), entry)).toBe(false);
    expect(isEntrySide(user('juror'), entry)).toBe(false);
  });
});
