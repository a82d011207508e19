import { assertIsoDate, dayBefore, nextDay, type IsoDate } from './iso-date';
import { reorganisations, REORGANISATION_2025, type Reorganisation } from './lineage.data';
import {
  COVERAGE_START,
  provincialUnitRecords,
  type ProvincialUnitKind,
  type ProvincialUnitRecord,
} from './provinces.data';
import { isRegionCode, type RegionCode } from './regions';
import { foldDiacritics } from './text';

/** A unit as it stood on one date: name and kind resolved for that date. Its key is (code, validFrom). */
export interface ProvincialUnit {
  readonly code: string;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  readonly nameVi: string;
  readonly nameEn: string;
  /** "Tỉnh Sơn La", "Thành phố Hà Nội" */
  readonly fullNameVi: string;
  readonly kind: ProvincialUnitKind;
  readonly regionCode: RegionCode;
}

// Conventions: find* returns undefined for an unknown code; functions that map or classify a code throw a
// RangeError instead, so that a bad code cannot silently drop rows from a roll-up.

function assertCovered(date: unknown, parameter: string): asserts date is IsoDate {
  assertIsoDate(date, parameter);
  if (date < COVERAGE_START) {
    throw new RangeError(
      `${parameter} ${date} is before ${COVERAGE_START}, the earliest date the provincial data covers`,
    );
  }
}

function isInForce(record: ProvincialUnitRecord, date: IsoDate): boolean {
  return record.validFrom <= date && (record.validTo === null || date <= record.validTo);
}

function recordFor(code: string, date: IsoDate): ProvincialUnitRecord | undefined {
  return provincialUnitRecords.find((record) => record.code === code && isInForce(record, date));
}

function requireRecord(code: string, date: IsoDate): ProvincialUnitRecord {
  const record = recordFor(code, date);
  if (!record) throw new RangeError(`no provincial unit has code ${JSON.stringify(code)} on ${date}`);
  return record;
}

// hasOwn, not indexing: a code like "constructor" must not find Object.prototype members.
function successorIn(reorganisation: Reorganisation, oldCode: string): string | undefined {
  const successors = reorganisation.successorByOldCode;
  return Object.hasOwn(successors, oldCode) ? successors[oldCode] : undefined;
}

function resolve(record: ProvincialUnitRecord, date: IsoDate): ProvincialUnit {
  let { nameVi, nameEn, kind } = record;
  for (const change of record.changes) {
    if (change.from > date) break;
    nameVi = change.nameVi ?? nameVi;
    nameEn = change.nameEn ?? nameEn;
    kind = change.kind ?? kind;
  }
  const fullNameVi = `${kind === 'city' ? 'Thành phố' : 'Tỉnh'} ${nameVi}`;
  const { code, validFrom, validTo, regionCode } = record;
  return Object.freeze({ code, validFrom, validTo, nameVi, nameEn, fullNameVi, kind, regionCode });
}

/** The units in force on `date`, by code: 63 before 2025-07-01, 34 from then. */
export function provincesAsOf(date: IsoDate): ProvincialUnit[] {
  assertCovered(date, 'date');
  return provincialUnitRecords
    .filter((record) => isInForce(record, date))
    .map((record) => resolve(record, date))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** The unit that `code` named on `asOf`, or undefined if none did. */
export function findProvince(code: string, asOf: IsoDate): ProvincialUnit | undefined {
  assertCovered(asOf, 'asOf');
  const record = recordFor(code, asOf);
  return record && resolve(record, asOf);
}

/**
 * The unit that `code` named on `asOf` or, when it named none that day, the last unit it named before (ended,
 * resolved as on its last day); undefined when the code had named no unit by `asOf`.
 */
export function findProvinceUpTo(code: string, asOf: IsoDate): ProvincialUnit | undefined {
  assertCovered(asOf, 'asOf');
  const latest = provincialUnitRecords
    .filter((record) => record.code === code && record.validFrom <= asOf)
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom))
    .at(-1);
  if (!latest) return undefined;
  return resolve(latest, latest.validTo !== null && latest.validTo < asOf ? latest.validTo : asOf);
}

/** The units whose territory went into `unit` on the day it began (a reorganisation's); none otherwise. */
export function predecessorUnitsOf(unit: Pick<ProvincialUnit, 'code' | 'validFrom'>): ProvincialUnit[] {
  const reorganisation = reorganisations.find((candidate) => candidate.effectiveOn === unit.validFrom);
  if (!reorganisation) return [];
  const lastDay = dayBefore(unit.validFrom);
  return Object.entries(reorganisation.successorByOldCode)
    .filter(([, successor]) => successor === unit.code)
    .map(([oldCode]) => resolve(requireRecord(oldCode, lastDay), lastDay))
    .sort((a, b) => a.code.localeCompare(b.code));
}

export function isValidProvinceCode(code: string, asOf: IsoDate): boolean {
  return findProvince(code, asOf) !== undefined;
}

/**
 * The platform's one rule for a unit code given for a date: it names a unit only while that unit is in force
 * (30 Hải Dương until 2025-06-30, then 04 Hải Phòng); history keeps the old codes for their own dates. A date
 * outside the reference data's coverage names no unit. Every service checks codes with this or the year form.
 */
export function unitInForce(code: string, on: IsoDate): ProvincialUnit | undefined {
  try {
    return findProvince(code, on);
  } catch {
    return undefined;
  }
}

/** A code counts for a year (a plan's, a round's) when its unit is in force on the year's first or last day. */
export function unitInForceDuring(code: string, year: number): ProvincialUnit | undefined {
  return unitInForce(code, `${year}-01-01`) ?? unitInForce(code, `${year}-12-31`);
}

export function regionOf(code: string, asOf: IsoDate): RegionCode {
  assertCovered(asOf, 'asOf');
  return requireRecord(code, asOf).regionCode;
}

export function provincesOfRegion(region: RegionCode, asOf: IsoDate): ProvincialUnit[] {
  if (!isRegionCode(region)) throw new RangeError(`unknown region ${JSON.stringify(region)}`);
  return provincesAsOf(asOf).filter((unit) => unit.regionCode === region);
}

/** The code of the unit that an old (in force until 2025-06-30) unit went into on 2025-07-01. */
export function successorOf(oldCode: string): string {
  const successor = successorIn(REORGANISATION_2025, oldCode);
  if (successor === undefined) {
    throw new RangeError(
      `${JSON.stringify(oldCode)} is not the code of a provincial unit in force on 2025-06-30`,
    );
  }
  return successor;
}

/** The old codes whose units went into `newCode` on 2025-07-01, in code order (empty for an unknown code). */
export function predecessorsOf(newCode: string): string[] {
  return Object.entries(REORGANISATION_2025.successorByOldCode)
    .filter(([, successor]) => successor === newCode)
    .map(([oldCode]) => oldCode)
    .sort();
}

/**
 * Rolls a code recorded on `asOf` up to the unit holding its territory on `today` (e.g. 2018 data to today's 34
 * units). Identity when the unit is still in force. `today` is a parameter, not the clock, to keep this pure;
 * it may not precede `asOf`, because going back in time can split one unit into several.
 */
export function currentUnitFor(code: string, asOf: IsoDate, today: IsoDate): ProvincialUnit {
  assertCovered(asOf, 'asOf');
  assertIsoDate(today, 'today');
  if (today < asOf) throw new RangeError(`today (${today}) must not be before asOf (${asOf})`);

  let record = requireRecord(code, asOf);
  while (!isInForce(record, today)) {
    const ended = record.validTo as IsoDate; // not in force on a later date, so it has ended
    const reorganisation = reorganisations.find((candidate) => candidate.effectiveOn === nextDay(ended));
    const successor = reorganisation && successorIn(reorganisation, record.code);
    if (!reorganisation || successor === undefined) {
      throw new RangeError(`no successor is recorded for unit ${record.code} that ended on ${ended}`);
    }
    record = requireRecord(successor, reorganisation.effectiveOn);
  }
  return resolve(record, today);
}

/** Units in force on `asOf` whose code, Vietnamese or English name matches `query`, ignoring diacritics and case. */
export function searchProvinces(query: string, asOf: IsoDate): ProvincialUnit[] {
  const needle = foldDiacritics(query);
  if (needle === '') return [];
  return provincesAsOf(asOf).filter((unit) =>
    [unit.code, unit.nameVi, unit.nameEn].some((field) => foldDiacritics(field).includes(needle)),
  );
}
