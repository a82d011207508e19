import type { IsoDate } from './iso-date';
import { unitInForce, unitInForceDuring } from './province-lookup';
import type { RegionCode } from './regions';

/**
 * The reference data as the services' domains ask for it (each declares its own narrow ProvinceDirectory port and
 * takes this adapter), so every service reads "is this unit in force" by the same two rules: on a day,
 * `unitInForce`; for a year (a plan's, a round's), `unitInForceDuring` — its first or last day.
 */
export const referenceProvinces = {
  /** True if the code names a provincial unit in force on `date`. */
  isInForce: (code: string, date: IsoDate): boolean => unitInForce(code, date) !== undefined,
  /** True if the code names a provincial unit in force at some point of `year`. */
  inForceDuring: (code: string, year: number): boolean => unitInForceDuring(code, year) !== undefined,
  /** The unit's Vietnamese name if the code names a unit in force at some point of `year`. */
  nameDuring: (code: string, year: number): string | undefined => unitInForceDuring(code, year)?.nameVi,
  /** The region of the unit the code names on `date`, or undefined if none. */
  regionOf: (code: string, date: IsoDate): RegionCode | undefined => unitInForce(code, date)?.regionCode,
};
