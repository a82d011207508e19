import type { Bilingual } from '@kc/errors';
import { dayBefore, nextDay, type IsoDate, type WorkingDayCalendar } from '@kc/reference-data';
import { firstDayOfMonth, lastDayOfMonth, periodWindow, type Period } from './periods';
import { daysBetween, startOfVietnamDay, vietnamDayOf, type Instant } from './vietnam-time';

/**
 * When a period's report is due, counted from the month the period ends in: "by the 15th of the month after the
 * quarter" is `{ monthsAfterPeriodEnd: 1, day: 15, bound: 'on-or-before' }`; "before the 25th of every month"
 * is `{ monthsAfterPeriodEnd: 0, day: 25, bound: 'before' }`.
 */
export interface DeadlineRule {
  monthsAfterPeriodEnd: number;
  /** 1–28, or the month's last day: a fixed 29–31 would not exist in every month. */
  day: number | 'last';
  /** "đến hết ngày D" (D itself is on time) or "trước ngày D" (D is already late). */
  bound: 'on-or-before' | 'before';
  /**
   * What happens when the last on-time day is a weekend or public holiday. `next-working-day` follows the Civil
   * Code 2015, art. 148(5) as understood (not re-checked against the text): a term whose last day is a day off
   * ends with the next working day. `keep` is for a text that names a calendar date and is read literally (as
   * clusters read Circular 14/2024).
   */
  ifDayOff: 'keep' | 'next-working-day';
  /** The text the rule comes from, or why it was chosen. */
  basis: Bilingual;
  /** True when no legal text fixing this deadline was checked: the value is the platform's assumption. */
  assumption: boolean;
}

export interface Deadline {
  /** The day the rule names before any moving for a day off. */
  namedDay: IsoDate;
  /** The last Vietnamese calendar day on which a submission is on time. */
  lastOnTimeDay: IsoDate;
  /** The first instant that is late: 00:00 Vietnamese time on the day after `lastOnTimeDay`. */
  lateFrom: Instant;
  /** True when a day off moved the last on-time day. */
  moved: boolean;
  /** The working-day calendar version used, so the deadline can be recomputed with the same days off. */
  calendarVersion: string | null;
  basis: Bilingual;
  assumption: boolean;
}

export function assertDeadlineRule(rule: DeadlineRule): void {
  if (
    !Number.isInteger(rule.monthsAfterPeriodEnd) ||
    rule.monthsAfterPeriodEnd < 0 ||
    rule.monthsAfterPeriodEnd > 12
  ) {
    throw new RangeError(`monthsAfterPeriodEnd must be 0–12, got ${rule.monthsAfterPeriodEnd}`);
  }
  if (rule.day !== 'last' && (!Number.isInteger(rule.day) || rule.day < 1 || rule.day > 28)) {
    throw new RangeError(`a deadline day is 1–28 or 'last', got ${rule.day}`);
  }
}

/**
 * The deadline of `period` under `rule`. The calendar is needed only when the rule moves past days off; the
 * caller stores the result (with its calendar version) so that a holiday notice published later never moves a
 * deadline already announced.
 */
export function deadlineOf(period: Period, rule: DeadlineRule, calendar?: WorkingDayCalendar): Deadline {
  assertDeadlineRule(rule);
  const end = periodWindow(period).to;
  const monthStart = firstDayOfMonth(
    Number(end.slice(0, 4)),
    Number(end.slice(5, 7)),
    rule.monthsAfterPeriodEnd,
  );
  const [year, month] = [Number(monthStart.slice(0, 4)), Number(monthStart.slice(5, 7))];
  const namedDay =
    rule.day === 'last'
      ? lastDayOfMonth(year, month)
      : `${monthStart.slice(0, 8)}${String(rule.day).padStart(2, '0')}`;
  let lastOnTimeDay = rule.bound === 'before' ? dayBefore(namedDay) : namedDay;
  let moved = false;
  if (rule.ifDayOff === 'next-working-day') {
    if (!calendar) throw new RangeError('a deadline that moves past days off needs a working-day calendar');
    if (!calendar.isWorkingDay(lastOnTimeDay)) {
      lastOnTimeDay = calendar.addWorkingDays(lastOnTimeDay, 1);
      moved = true;
    }
  }
  return {
    namedDay,
    lastOnTimeDay,
    lateFrom: startOfVietnamDay(nextDay(lastOnTimeDay)),
    moved,
    calendarVersion: rule.ifDayOff === 'next-working-day' && calendar ? calendar.version.id : null,
    basis: rule.basis,
    assumption: rule.assumption,
  };
}

export interface Lateness {
  /** The Vietnamese calendar day of the submission. */
  submittedOn: IsoDate;
  onTime: boolean;
  /** Whole calendar days after the last on-time day; 0 when on time. */
  daysLate: number;
}

/**
 * Lateness is decided on the Vietnamese calendar day of the submission instant, whatever offset the instant was
 * written with: 23:59:59 on the last on-time day is on time, 00:00:00 the next day is one day late.
 */
export function latenessOf(deadline: Deadline, submittedAt: Instant): Lateness {
  const submittedOn = vietnamDayOf(submittedAt);
  const daysLate = Math.max(0, daysBetween(deadline.lastOnTimeDay, submittedOn));
  return { submittedOn, onTime: daysLate === 0, daysLate };
}

/** Whether the deadline has passed at `now` (from 00:00 Vietnamese time after the last on-time day). */
export const isPastDeadline = (deadline: Deadline, now: Instant): boolean =>
  vietnamDayOf(now) > deadline.lastOnTimeDay;
