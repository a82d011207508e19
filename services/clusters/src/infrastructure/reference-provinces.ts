import { isValidProvinceCode } from '@kc/reference-data';
import type { ProvinceDirectory } from '../domain/industrial-cluster';

/** Provincial units from the reference data; a date outside its coverage names no unit. */
export const referenceProvinces: ProvinceDirectory = {
  isInForce(code, date) {
    try {
      return isValidProvinceCode(code, date);
    } catch {
      return false;
    }
  },
};
