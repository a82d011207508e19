/**
 * Working days of Vietnamese state offices (weekly rest on Saturday and Sunday), for deadlines counted in
 * working days: an award round's complaint window, periodic report deadlines. A calendar is one version of the
 * holiday data; a schedule stores `calendar.version.id` so that it can be recomputed with the same days.
 */
import { assertIsoDate, nextDay, type IsoDate } from '../iso-date';
import { CALENDAR_COVERAGE, calendarVersions, type CalendarVersion } from './holidays.data';
import { isWeekend, occasionYear, type PublicHoliday } from './public-holidays';

export interface WorkingDayCalendar {
  readonly version: CalendarVersion;
  /** The dates it answers for; any other date is a RangeError rather than a guess. */
  readonly coverage: { readonly from: IsoDate; readonly to: IsoDate };
  isWorkingDay(date: IsoDate): boolean;
  /** The n-th working day after `date` (day 1 is the first working day after it); `date` itself for n = 0. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Working days after `from` up to and including `to`: the inverse of addWorkingDays. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** Every day off that the holidays give in `year`, in date order, with its name and basis. */
  holidaysOf(year: number): readonly PublicHoliday[];
}

interface YearTable {
  daysOff: Map<IsoDate, PublicHoliday>;
  makeUpDays: Set<IsoDate>;
}

const FIRST_YEAR = Number(CALENDAR_COVERAGE.from.slice(0, 4));
const LAST_YEAR = Number(CALENDAR_COVERAGE.to.slice(0, 4));

class VersionedCalendar implements WorkingDayCalendar {
  readonly coverage = CALENDAR_COVERAGE;
  private readonly years = new Map<number, YearTable>();

  constructor(readonly version: CalendarVersion) {}

  isWorkingDay(date: IsoDate): boolean {
    this.assertCovered(date, 'date');
    return this.works(date);
  }

  addWorkingDays(date: IsoDate, n: number): IsoDate {
    this.assertCovered(date, 'date');
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(`n must be a whole number of working days, 0 or more, got ${n}`);
    }
    let day = date;
    for (let counted = 0; counted < n; ) {
      day = nextDay(day);
      if (day > this.coverage.to) {
        throw new RangeError(
          `${n} working days after ${date} run past ${this.coverage.to}, the end of the working-day calendar`,
        );
      }
      if (this.works(day)) counted++;
    }
    return day;
  }

  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    this.assertCovered(from, 'from');
    this.assertCovered(to, 'to');
    if (to < from) throw new RangeError(`to (${to}) must not be before from (${from})`);
    let count = 0;
    for (let day = nextDay(from); day <= to; day = nextDay(day)) if (this.works(day)) count++;
    return count;
  }

  holidaysOf(year: number): readonly PublicHoliday[] {
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
      throw new RangeError(`year must be from ${FIRST_YEAR} to ${LAST_YEAR}, got ${year}`);
    }
    return [...this.table(year).daysOff.values()];
  }

  private works(date: IsoDate): boolean {
    const table = this.table(Number(date.slice(0, 4)));
    if (table.daysOff.has(date)) return false;
    return table.makeUpDays.has(date) || !isWeekend(date);
  }

  private table(year: number): YearTable {
    let table = this.years.get(year);
    if (!table) {
      // A year's days come from its own occasions and, for a New Year swap in late December, the next year's.
      const sources = year < LAST_YEAR ? [year, year + 1] : [year];
      const inYear = (date: IsoDate) => date.startsWith(`${year}-`);
      const occasions = sources.map((y) => occasionYear(y, this.version));
      table = {
        daysOff: new Map(
          occasions
            .flatMap((o) => o.daysOff)
            .filter((h) => inYear(h.date))
            .sort((a, b) => a.date.localeCompare(b.date))
            .map((h) => [h.date, Object.freeze(h)]),
        ),
        makeUpDays: new Set(occasions.flatMap((o) => o.makeUpDays).filter(inYear)),
      };
      this.years.set(year, table);
    }
    return table;
  }

  private assertCovered(date: IsoDate, parameter: string): void {
    assertIsoDate(date, parameter);
    if (date < this.coverage.from || date > this.coverage.to) {
      throw new RangeError(
        `${parameter} (${date}) is outside the working-day calendar, which covers ${this.coverage.from} to ${this.coverage.to}`,
      );
    }
  }
}

const calendars = new Map<string, WorkingDayCalendar>();

/** The calendar of a version by id; the current version when none is named. */
export function workingDayCalendar(versionId?: string): WorkingDayCalendar {
  const version =
    versionId === undefined
      ? calendarVersions.find((v) => v.effectiveTo === null)
      : calendarVersions.find((v) => v.id === versionId);
  if (!version) {
    const known = calendarVersions.map((v) => v.id).join(', ');
    throw new RangeError(
      `unknown working-day calendar version ${JSON.stringify(versionId)} (known: ${known})`,
    );
  }
  let calendar = calendars.get(version.id);
  if (!calendar) {
    calendar = calendarOfVersion(version);
    calendars.set(version.id, calendar);
  }
  return calendar;
}

/** A calendar over the data as a given version cut it: how older versions keep their answers. */
export const calendarOfVersion = (version: CalendarVersion): WorkingDayCalendar =>
  new VersionedCalendar(version);
