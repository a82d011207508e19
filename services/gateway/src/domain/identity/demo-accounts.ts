import type { Role } from '@kc/contracts';

/** A built-in account: what the app_user row holds besides its password. */
export interface AccountProfile {
  username: string;
  role: Role;
  provinceCode: string | null;
  fairIds: string[];
  facilityTaxCode: string | null;
}

const account = (username: string, role: Role, extra: Partial<AccountProfile> = {}): AccountProfile => ({
  username,
  role,
  provinceCode: null,
  fairIds: [],
  facilityTaxCode: null,
  ...extra,
});

/** The demo business: a rural facility used throughout the demo data. */
export const DEMO_FACILITY_TAX_CODE = '0101234567';

/** Jurors: a national council has 11 to 13 members, so the demo can seat one of its own accounts. */
export const DEMO_JUROR_COUNT = 13;

/**
 * The demo accounts of the README: the agency, one officer per provincial unit in force, a fair organiser,
 * a business, thirteen jurors and a viewer. The organiser starts bound to no fair.
 */
export function demoAccounts(provinceCodes: readonly string[]): AccountProfile[] {
  return [
    account('cuc.admin', 'central-admin'),
    account('cuc.canbo', 'central-officer'),
    ...provinceCodes.map((code) => account(`sct.${code}`, 'province-officer', { provinceCode: code })),
    account('btc.hoicho', 'fair-organizer'),
    account('dn.demo', 'business', { facilityTaxCode: DEMO_FACILITY_TAX_CODE }),
    ...Array.from({ length: DEMO_JUROR_COUNT }, (_, i) => account(`giamkhao.${i + 1}`, 'juror')),
    account('xem', 'viewer'),
  ];
}
