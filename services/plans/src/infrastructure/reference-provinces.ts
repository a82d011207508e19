import { unitInForceDuring } from '@kc/reference-data';
import type { ProvinceDirectory } from '../domain/annual-plan';

/** Provincial units from the reference data: a code counts for a year if it was in force on its first or last day. */
export const referenceProvinces: ProvinceDirectory = {
  nameDuring: (code, year) => unitInForceDuring(code, year)?.nameVi,
};
