import { unitInForceDuring } from '@kc/reference-data';
import type { ProvinceDirectory } from '../domain/award-round';

/** Provincial units from the reference data: a code counts for a year if it was in force on its first or last day. */
export const referenceProvinces: ProvinceDirectory = {
  inForceDuring: (code, year) => unitInForceDuring(code, year) !== undefined,
};
