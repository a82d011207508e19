import { isIsoDate, vietnamDate, type IsoDate } from '@kc/reference-data';

/**
 * An instant as an ISO 8601 timestamp with an explicit offset (`Z` or `±hh:mm`). A timestamp without one is
 * refused: "10:00" means a different moment in Hà Nội and on a UTC server, and a deadline must not depend on
 * where the code runs.
 */
export type Instant = string;

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch of an instant; a RangeError for anything that is not a real one. */
export function instantMs(value: Instant, parameter = 'instant'): number {
  const match = INSTANT.exec(value);
  // Date.parse would accept 30 February (rolling it into March) and 24:00; a real date and clock time are required.
  const valid =
    match !== null &&
    isIsoDate(match[1]) &&
    Number(match[2]) <= 23 &&
    Number(match[3]) <= 59 &&
    Number(match[4] ?? 0) <= 59;
  const ms = valid ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new RangeError(
      `${parameter} must be an ISO 8601 timestamp with an offset (e.g. 2026-04-15T16:30:00+07:00), got ${JSON.stringify(value)}`,
    );
  }
  return ms;
}

/** The calendar day in Việt Nam at `instant`: what "submitted on" means for every deadline. */
export const vietnamDayOf = (instant: Instant): IsoDate => vietnamDate(new Date(instantMs(instant)));

/**
 * Midnight at the start of `date` in Việt Nam. Asia/Ho_Chi_Minh has been UTC+7 without daylight saving since
 * 1975, so the offset is written out; vietnam-time.spec checks it against the time-zone database.
 */
export const startOfVietnamDay = (date: IsoDate): Instant => `${date}T00:00:00+07:00`;

/** `date` at `hh:mm` Vietnamese time. */
export function vietnamTime(date: IsoDate, hhmm: string): Instant {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(hhmm)) throw new RangeError(`a time of day is HH:MM, got ${hhmm}`);
  return `${date}T${hhmm}:00+07:00`;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function addDays(date: IsoDate, days: number): IsoDate {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}
