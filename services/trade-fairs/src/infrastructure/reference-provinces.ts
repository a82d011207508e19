import { unitInForce } from '@kc/reference-data';
import type { RegionDirectory } from '../domain/booth-registration';
import type { ProvinceDirectory } from '../domain/trade-fair';

/** Provincial units from the reference data (the one rule: `unitInForce`). */
export const referenceProvinces: ProvinceDirectory & RegionDirectory = {
  isInForce: (code, date) => unitInForce(code, date) !== undefined,
  regionOf: (code, date) => unitInForce(code, date)?.regionCode,
};
