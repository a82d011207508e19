import type { IsoDate } from '@kc/reference-data';
import type { Deadline } from './deadlines';
import { addDays, daysBetween, instantMs, vietnamTime, type Instant } from './vietnam-time';

/**
 * When to remind a unit of a report: `daysBefore` the last on-time day (e.g. 7 and 2), on the day itself, then
 * every `overdueEvery` days after it until the report is in, at most `overdueMax` times.
 */
export interface ReminderPolicy {
  daysBefore: readonly number[];
  onTheDay: boolean;
  overdueEvery: number;
  overdueMax: number;
  /** Vietnamese time of day the notices go out, HH:MM (office hours, not midnight). */
  sendAt: string;
}

export const defaultReminderPolicy: ReminderPolicy = {
  daysBefore: [7, 2],
  onTheDay: true,
  overdueEvery: 3,
  overdueMax: 10,
  sendAt: '08:00',
};

export type NoticeKind = 'reminder' | 'due-today' | 'overdue';

export interface Notice {
  kind: NoticeKind;
  /** The Vietnamese calendar day it goes out. */
  day: IsoDate;
  sendAt: Instant;
  /** Days from the last on-time day: −7, −2, 0, 3, 6, … */
  offset: number;
  /**
   * One notice, one key: the scheduler records the key when it sends and skips a key it has seen, so a re-run,
   * a second scheduler or a recomputed schedule never sends the same notice twice.
   */
  key: string;
}

export interface NoticeTarget {
  formId: string;
  period: string;
  provinceCode: string;
  /**
   * The reporter inside the unit (a project, a facility) for forms with many reporters per unit; absent for the
   * department's own report, whose keys stay as they were.
   */
  reporterId?: string;
}

export function assertPolicy(policy: ReminderPolicy): void {
  const whole = (n: number, min: number) => Number.isInteger(n) && n >= min;
  if (
    !policy.daysBefore.every((d) => whole(d, 1)) ||
    new Set(policy.daysBefore).size !== policy.daysBefore.length
  ) {
    throw new RangeError('daysBefore must be distinct whole numbers of 1 or more');
  }
  if (!whole(policy.overdueEvery, 1) || !whole(policy.overdueMax, 0)) {
    throw new RangeError('overdueEvery must be 1 or more and overdueMax 0 or more');
  }
  vietnamTime('2026-01-01', policy.sendAt);
}

export const noticeKey = (target: NoticeTarget, kind: NoticeKind | string, day: IsoDate): string =>
  [
    'periodic-report',
    target.formId,
    target.period,
    target.provinceCode,
    ...(target.reporterId === undefined ? [] : [target.reporterId]),
    kind,
    day,
  ]
    .map(encodeURIComponent)
    .join(':');

/**
 * Every notice of `policy` for a unit and period, in time order, that is due by `through` (the scheduler's
 * today) and goes out before the report came in: a notice whose moment is at or after `submittedAt` is not sent.
 * Pure and repeatable: the same inputs give the same notices with the same keys.
 */
export function noticeSchedule(input: {
  deadline: Deadline;
  policy: ReminderPolicy;
  target: NoticeTarget;
  submittedAt: Instant | null;
  through: IsoDate;
}): Notice[] {
  const { deadline, policy, target } = input;
  assertPolicy(policy);
  const last = deadline.lastOnTimeDay;
  const planned: { kind: NoticeKind; offset: number }[] = [
    ...[...policy.daysBefore].sort((a, b) => b - a).map((d) => ({ kind: 'reminder' as const, offset: -d })),
    ...(policy.onTheDay ? [{ kind: 'due-today' as const, offset: 0 }] : []),
    ...Array.from({ length: policy.overdueMax }, (_, i) => ({
      kind: 'overdue' as const,
      offset: (i + 1) * policy.overdueEvery,
    })),
  ];
  const submittedMs =
    input.submittedAt === null ? Number.POSITIVE_INFINITY : instantMs(input.submittedAt, 'submittedAt');
  return planned.flatMap(({ kind, offset }) => {
    const day = addDays(last, offset);
    const sendAt = vietnamTime(day, policy.sendAt);
    if (day > input.through || instantMs(sendAt) >= submittedMs) return [];
    return [{ kind, day, sendAt, offset, key: noticeKey(target, kind, day) }];
  });
}

/** The notices of a schedule not yet sent: those whose key the delivery log does not hold. */
export const unsent = (notices: readonly Notice[], sentKeys: ReadonlySet<string>): Notice[] =>
  notices.filter((n) => !sentKeys.has(n.key));

/** Days left until the last on-time day (negative once overdue), for the calendar of what is due. */
export const daysLeft = (deadline: Deadline, today: IsoDate): number =>
  daysBetween(today, deadline.lastOnTimeDay);
