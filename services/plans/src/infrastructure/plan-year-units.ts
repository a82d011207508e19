import { provincesAsOf, successorOf, unitInForce } from '@kc/reference-data';
import type { ExpectedUnit } from '../domain/registration-coverage';

/** The units that make up a plan's year (those in force on its first day), and what an older code counts for. */
export const planYearUnits = {
  of(year: number): ExpectedUnit[] {
    const day = `${year}-01-01`;
    if (!unitInForce('01', day)) return []; // outside the reference data's coverage
    return provincesAsOf(day).map((u) => ({ code: u.code, nameVi: u.nameVi }));
  },
  countsFor(code: string, year: number): string | undefined {
    if (unitInForce(code, `${year}-01-01`)) return code;
    try {
      return successorOf(code); // merged away in 2025: its report counts for the unit it went into
    } catch {
      return undefined;
    }
  },
};
