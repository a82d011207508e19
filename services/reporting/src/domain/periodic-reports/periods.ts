import type { Bilingual } from '@kc/errors';
import { dayBefore, type IsoDate } from '@kc/reference-data';

/** How often a form is reported. */
export type Frequency = 'month' | 'quarter' | 'half-year' | 'year';

export const frequencies: readonly Frequency[] = ['month', 'quarter', 'half-year', 'year'];

/**
 * One reporting period. Its identifier is `2026-M03`, `2026-Q1`, `2026-H1` or `2026-Y`: fixed width per kind,
 * so identifiers of one frequency sort in time order as plain strings.
 */
export type Period =
  | { frequency: 'month'; year: number; month: number }
  | { frequency: 'quarter'; year: number; quarter: number }
  | { frequency: 'half-year'; year: number; half: number }
  | { frequency: 'year'; year: number };

// The working-day calendar covers 2018–2100; a period outside it could not get a deadline.
const FIRST_YEAR = 2018;
const LAST_YEAR = 2100;

const PERIOD_ID = /^(\d{4})-(?:M(\d{2})|Q(\d)|H(\d)|(Y))$/;

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new RangeError(
      `a period's year must be a whole year from ${FIRST_YEAR} to ${LAST_YEAR}, got ${year}`,
    );
  }
}

function assertIndex(value: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new RangeError(`${what} must be a whole number from 1 to ${max}, got ${value}`);
  }
}

/** Checks a period built in code; the same checks `parsePeriod` applies to an identifier. */
export function assertPeriod(period: Period): void {
  assertYear(period.year);
  if (period.frequency === 'month') assertIndex(period.month, 12, 'month');
  if (period.frequency === 'quarter') assertIndex(period.quarter, 4, 'quarter');
  if (period.frequency === 'half-year') assertIndex(period.half, 2, 'half');
}

export function parsePeriod(id: string): Period {
  const match = PERIOD_ID.exec(id);
  if (!match) {
    throw new RangeError(
      `a period is written 2026-M03, 2026-Q1, 2026-H1 or 2026-Y, got ${JSON.stringify(id)}`,
    );
  }
  const [, y, m, q, h] = match;
  const year = Number(y);
  const period: Period =
    m !== undefined
      ? { frequency: 'month', year, month: Number(m) }
      : q !== undefined
        ? { frequency: 'quarter', year, quarter: Number(q) }
        : h !== undefined
          ? { frequency: 'half-year', year, half: Number(h) }
          : { frequency: 'year', year };
  assertPeriod(period);
  return period;
}

export function periodId(period: Period): string {
  assertPeriod(period);
  switch (period.frequency) {
    case 'month':
      return `${period.year}-M${String(period.month).padStart(2, '0')}`;
    case 'quarter':
      return `${period.year}-Q${period.quarter}`;
    case 'half-year':
      return `${period.year}-H${period.half}`;
    case 'year':
      return `${period.year}-Y`;
  }
}

/** First and last month (1–12) of a period. */
function monthSpan(period: Period): { first: number; last: number } {
  switch (period.frequency) {
    case 'month':
      return { first: period.month, last: period.month };
    case 'quarter':
      return { first: period.quarter * 3 - 2, last: period.quarter * 3 };
    case 'half-year':
      return { first: period.half * 6 - 5, last: period.half * 6 };
    case 'year':
      return { first: 1, last: 12 };
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The first day of the month `months` after (year, month); months may run into the next years. */
export function firstDayOfMonth(year: number, month: number, months = 0): IsoDate {
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}-01`;
}

export const lastDayOfMonth = (year: number, month: number): IsoDate =>
  dayBefore(firstDayOfMonth(year, month, 1));

/**
 * The calendar days a period covers, both ends included. These are the calendar months, not the data cut-offs
 * of Decree 09/2019/NĐ-CP (15th to 14th), because the programme's figures (plans, money, projects) are
 * kept by calendar month and year; a form that needs a cut-off says so in its own version.
 */
export function periodWindow(period: Period): { from: IsoDate; to: IsoDate } {
  assertPeriod(period);
  const { first, last } = monthSpan(period);
  return { from: firstDayOfMonth(period.year, first), to: lastDayOfMonth(period.year, last) };
}

/** The period of `frequency` that contains `date`. */
export function periodContaining(frequency: Frequency, date: IsoDate): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const period: Period =
    frequency === 'month'
      ? { frequency, year, month }
      : frequency === 'quarter'
        ? { frequency, year, quarter: Math.ceil(month / 3) }
        : frequency === 'half-year'
          ? { frequency, year, half: month <= 6 ? 1 : 2 }
          : { frequency, year };
  assertPeriod(period);
  return period;
}

/** The period right after `period`, of the same frequency. */
export function nextPeriod(period: Period): Period {
  const { to } = periodWindow(period);
  return periodContaining(
    period.frequency,
    firstDayOfMonth(Number(to.slice(0, 4)), Number(to.slice(5, 7)), 1),
  );
}

const ROMAN = ['I', 'II', 'III', 'IV'];

export function periodLabel(period: Period): Bilingual {
  assertPeriod(period);
  switch (period.frequency) {
    case 'month':
      return { vi: `tháng ${pad2(period.month)}/${period.year}`, en: `${period.year}-${pad2(period.month)}` };
    case 'quarter':
      return {
        vi: `quý ${ROMAN[period.quarter - 1]} năm ${period.year}`,
        en: `Q${period.quarter} ${period.year}`,
      };
    case 'half-year':
      return period.half === 1
        ? { vi: `6 tháng đầu năm ${period.year}`, en: `the first half of ${period.year}` }
        : { vi: `6 tháng cuối năm ${period.year}`, en: `the second half of ${period.year}` };
    case 'year':
      return { vi: `năm ${period.year}`, en: `the year ${period.year}` };
  }
}
