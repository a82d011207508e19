import { isValidProvinceCode } from '@kc/reference-data';
import type { ProvinceDirectory } from '../domain/award-round';

/** Provincial units from the reference data: a code counts for a year if it was in force on its first or last day. */
export const referenceProvinces: ProvinceDirectory = {
  inForceDuring(code, year) {
    return [`${year}-01-01`, `${year}-12-31`].some((day) => {
      try {
        return isValidProvinceCode(code, day);
      } catch {
        return false; // Dates outside the reference data's coverage name no unit.
      }
    });
  },
};
