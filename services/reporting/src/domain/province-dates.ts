import { COVERAGE_START, findProvince, findProvinceUpTo, type IsoDate } from '@kc/reference-data';

/**
 * A province code means nothing without a date (15 was Yên Bái, is now Lào Cai). Projections keep each fact's
 * code as recorded together with the date to read it on; these rules choose that date.
 */

/** The first of `candidates` on which `code` names a unit, or undefined when none does (bad data). */
export function readingDate(code: string, candidates: readonly IsoDate[]): IsoDate | undefined {
  return candidates.find((date) => date >= COVERAGE_START && findProvince(code, date) !== undefined);
}

/**
 * For a fact that belongs to a year (plan, project, award round): the code is read on 1 January, else on
 * 31 December — the rule the plans service uses to accept a provincial plan, so both read a 2025 code alike.
 */
export function readingDateForYear(code: string, year: number): IsoDate | undefined {
  return readingDate(code, [`${year}-01-01`, `${year}-12-31`]);
}

/**
 * For a code recorded on a day the event does not give, only that it was no later than `date` (a result's
 * entrants, recorded on their day of entry; an artisan's nominating unit): the last day up to `date` on which
 * the code named a unit — `date` itself while it still does, else the last day of the unit it named before.
 */
export function lastReadingDateUpTo(code: string, date: IsoDate): IsoDate | undefined {
  if (date < COVERAGE_START) return undefined;
  const unit = findProvinceUpTo(code, date);
  if (!unit) return undefined;
  const lastDay = unit.validTo !== null && unit.validTo < date ? unit.validTo : date;
  return lastDay >= COVERAGE_START ? lastDay : undefined;
}

/** With grouping=historical a year is shown with the units in force on its 1 January (or when data starts). */
export function historicalUnitsDate(year: number): IsoDate {
  const firstDay = `${year}-01-01`;
  return firstDay < COVERAGE_START ? COVERAGE_START : firstDay;
}
