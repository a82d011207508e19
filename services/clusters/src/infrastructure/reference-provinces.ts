import { unitInForce } from '@kc/reference-data';
import type { ProvinceDirectory } from '../domain/industrial-cluster';

/** Provincial units from the reference data (the one rule: `unitInForce`). */
export const referenceProvinces: ProvinceDirectory = {
  isInForce: (code, date) => unitInForce(code, date) !== undefined,
};
