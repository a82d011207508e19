import type { Principal } from '@kc/contracts';

/** Nghệ An's provincial system: an API client bound to unit 40 that reads and files its reports. */
export const provincialSystem: Principal = {
  kind: 'client',
  id: '7c1e3a40-5d2b-4f40-9a40-000000000040',
  name: 'He thong SCT Nghe An',
  role: 'province-officer',
  provinceCode: '40',
  scopes: ['reports:read', 'reports:write'],
};

/** Thanh Hoá's, another unit's system. */
export const otherProvincialSystem: Principal = {
  ...provincialSystem,
  id: '7c1e3a38-5d2b-4f38-9a38-000000000038',
  name: 'He thong SCT Thanh Hoa',
  provinceCode: '38',
};
