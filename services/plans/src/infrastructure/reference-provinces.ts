import { findProvince } from '@kc/reference-data';
import type { ProvinceDirectory } from '../domain/annual-plan';

/** Provincial units from the reference data: a code counts for a year if it was in force on its first or last day. */
export const referenceProvinces: ProvinceDirectory = {
  nameDuring(code, year) {
    for (const day of [`${year}-01-01`, `${year}-12-31`]) {
      try {
        const unit = findProvince(code, day);
        if (unit) return unit.nameVi;
      } catch {
        // Dates outside the reference data's coverage name no unit.
      }
    }
    return undefined;
  },
};
