import type { Principal } from '@kc/contracts';

/** The callers the integration tests act as (tokens for them come from the harness's stand-in issuer). */
export const central: Principal = {
  kind: 'user',
  id: 'u-central',
  name: 'cuc.canbo',
  role: 'central-officer',
  scopes: [],
};

export const officer = (provinceCode: string): Principal => ({
  kind: 'user',
  id: `u-sct-${provinceCode}`,
  name: `sct.${provinceCode}`,
  role: 'province-officer',
  provinceCode,
  scopes: [],
});

export const business = (facilityTaxCode: string): Principal => ({
  kind: 'user',
  id: `u-dn-${facilityTaxCode}`,
  name: `dn.${facilityTaxCode}`,
  role: 'business',
  facilityTaxCode,
  scopes: [],
});

export const organizer = (fairIds: string[]): Principal => ({
  kind: 'user',
  id: `u-btc-${fairIds.join('-')}`,
  name: 'btc.hoicho',
  role: 'fair-organizer',
  fairIds,
  scopes: [],
});
