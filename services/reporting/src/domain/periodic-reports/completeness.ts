import type { Bilingual } from '@kc/errors';
import { provincesAsOf, type RegionCode } from '@kc/reference-data';
import { isPastDeadline, type Deadline } from './deadlines';
import { periodWindow, type Period } from './periods';
import { countedSubmission, type PeriodicReport } from './report-workflow';
import type { Instant } from './vietnam-time';

/** Where a unit stands on submitting: in on time, in late, not in and past the deadline, not in and not yet due. */
export type Timeliness = 'on-time' | 'late' | 'overdue' | 'not-yet-due';

/**
 * Where a unit stands on review. `reopened`: an approved report taken back for correction, whose approved
 * figures still count; `none`: nothing submitted (or the only submission withdrawn).
 */
export type ReviewState = 'awaiting-review' | 'returned' | 'approved' | 'reopened' | 'none';

export interface UnitStanding {
  provinceCode: string;
  regionCode: RegionCode;
  timeliness: Timeliness;
  daysLate: number;
  review: ReviewState;
}

/** The units that report for a period: the provincial units in force on its last day, with their regions. */
export function reportingUnits(period: Period): { code: string; regionCode: RegionCode }[] {
  return provincesAsOf(periodWindow(period).to).map(({ code, regionCode }) => ({ code, regionCode }));
}

function reviewState(report: PeriodicReport): ReviewState {
  if (report.status === 'approved') return 'approved';
  if (report.status === 'returned') return 'returned';
  if (report.status === 'submitted') return 'awaiting-review';
  return report.approvedVersion !== null ? 'reopened' : 'none';
}

/**
 * Each unit's standing at `now`. Every report must belong to one of the units and no unit may have two: a
 * report of an unknown unit would otherwise vanish from the counts.
 */
export function standings(
  units: readonly { code: string; regionCode: RegionCode }[],
  reports: readonly PeriodicReport[],
  deadline: Deadline,
  now: Instant,
): UnitStanding[] {
  const byUnit = new Map<string, PeriodicReport>();
  const known = new Set(units.map((u) => u.code));
  for (const report of reports) {
    const code = report.subject.provinceCode;
    if (!known.has(code))
      throw new RangeError(`a report belongs to unit ${code}, which does not report for this period`);
    if (byUnit.has(code)) throw new RangeError(`unit ${code} has more than one report for the period`);
    byUnit.set(code, report);
  }
  const overdue = isPastDeadline(deadline, now);
  return units.map(({ code, regionCode }) => {
    const report = byUnit.get(code);
    const counted = report ? countedSubmission(report) : null;
    const timeliness: Timeliness = counted
      ? counted.lateness.onTime
        ? 'on-time'
        : 'late'
      : overdue
        ? 'overdue'
        : 'not-yet-due';
    return {
      provinceCode: code,
      regionCode,
      timeliness,
      daysLate: counted?.lateness.daysLate ?? 0,
      review: report && counted ? reviewState(report) : 'none',
    };
  });
}

/** A share kept as its two counts; `percent` is for display only (one decimal, half up; null when 0 units). */
export interface Share {
  count: number;
  of: number;
  percent: Bilingual | null;
}

export function share(count: number, of: number): Share {
  if (of === 0) return { count, of, percent: null };
  const tenths = Math.floor((count * 2000 + of) / (2 * of));
  const [whole, tenth] = [Math.floor(tenths / 10), tenths % 10];
  return { count, of, percent: { vi: `${whole},${tenth}%`, en: `${whole}.${tenth}%` } };
}

export interface CompletenessCounts {
  units: number;
  submitted: Share;
  onTime: Share;
  late: Share;
  overdue: Share;
  notYetDue: Share;
  approved: Share;
  returned: Share;
  awaitingReview: Share;
  reopened: Share;
  /** Of the reports in, how many came on time. */
  onTimeOfSubmitted: Share;
}

function countsOf(rows: readonly UnitStanding[]): CompletenessCounts {
  const n = rows.length;
  const count = (pick: (r: UnitStanding) => boolean) => rows.filter(pick).length;
  const onTime = count((r) => r.timeliness === 'on-time');
  const submitted = onTime + count((r) => r.timeliness === 'late');
  return {
    units: n,
    submitted: share(submitted, n),
    onTime: share(onTime, n),
    late: share(submitted - onTime, n),
    overdue: share(
      count((r) => r.timeliness === 'overdue'),
      n,
    ),
    notYetDue: share(
      count((r) => r.timeliness === 'not-yet-due'),
      n,
    ),
    approved: share(
      count((r) => r.review === 'approved'),
      n,
    ),
    returned: share(
      count((r) => r.review === 'returned'),
      n,
    ),
    awaitingReview: share(
      count((r) => r.review === 'awaiting-review'),
      n,
    ),
    reopened: share(
      count((r) => r.review === 'reopened'),
      n,
    ),
    onTimeOfSubmitted: share(onTime, submitted),
  };
}

export interface Completeness {
  nation: CompletenessCounts;
  regions: Record<RegionCode, CompletenessCounts>;
  units: UnitStanding[];
}

/** The completeness panel: per region and for the nation, from the same unit rows (so regions add up to it). */
export function completeness(
  units: readonly { code: string; regionCode: RegionCode }[],
  reports: readonly PeriodicReport[],
  deadline: Deadline,
  now: Instant,
): Completeness {
  const rows = standings(units, reports, deadline, now);
  const region = (code: RegionCode) => countsOf(rows.filter((r) => r.regionCode === code));
  return {
    nation: countsOf(rows),
    regions: { north: region('north'), central: region('central'), south: region('south') },
    units: rows,
  };
}
