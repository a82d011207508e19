import { isValidProvinceCode, regionOf } from '@kc/reference-data';
import type { RegionDirectory } from '../domain/booth-registration';
import type { ProvinceDirectory } from '../domain/trade-fair';

/** Provincial units from the reference data; a date outside its coverage (before 2008-08-01) names no unit. */
export const referenceProvinces: ProvinceDirectory & RegionDirectory = {
  isInForce(code, date) {
    try {
      return isValidProvinceCode(code, date);
    } catch {
      return false;
    }
  },
  regionOf(code, date) {
    return this.isInForce(code, date) ? regionOf(code, date) : undefined;
  },
};
