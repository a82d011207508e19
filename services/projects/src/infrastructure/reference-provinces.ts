import { unitInForce } from '@kc/reference-data';

/** Provincial units from the reference data (the one rule: `unitInForce`). */
export const referenceUnits = {
  inForce: (code: string, on: string) => unitInForce(code, on) !== undefined,
};
