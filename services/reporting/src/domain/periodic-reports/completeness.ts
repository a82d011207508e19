import type { Bilingual } from '@kc/errors';
import { provincesAsOf, type RegionCode } from '@kc/reference-data';
import { isPastDeadline, type Deadline } from './deadlines';
import type { ReviewLevel } from './form-definition';
import { periodWindow, type Period } from './periods';
import {
  progressReceiptsOf,
  reporterSubmission,
  type ProgressReceipt,
  type ProgressReceipts,
  type SubmissionChannel,
} from './progress-reports';
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
  /** The level a report awaiting review waits for (the province, then the agency); null otherwise. */
  awaiting: ReviewLevel | null;
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
 * A reporter's standing: timeliness from the submission that counts (the periodic report's, or the progress
 * report's for the implementing units' monthly form — see reporterSubmission), review from the periodic report.
 * A reporter known only through its progress report has review `none`: nobody reviews that in this workflow.
 */
function standingOf(
  report: PeriodicReport | undefined,
  receipt: ProgressReceipt | undefined,
  deadline: Deadline,
  overdue: boolean,
): Pick<ReporterStanding, 'timeliness' | 'daysLate' | 'review' | 'awaiting' | 'submittedVia'> {
  const submission = reporterSubmission(report, receipt, deadline);
  const reviewed = report && countedSubmission(report) ? report : null;
  const timeliness: Timeliness = submission
    ? submission.lateness.onTime
      ? 'on-time'
      : 'late'
    : overdue
      ? 'overdue'
      : 'not-yet-due';
  return {
    timeliness,
    daysLate: submission?.lateness.daysLate ?? 0,
    review: reviewed ? reviewState(reviewed) : 'none',
    awaiting: reviewed && reviewed.status === 'submitted' ? reviewed.awaiting : null,
    submittedVia: submission?.via ?? null,
  };
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
  /** Of those awaiting review, waiting for the province (two-level forms) and for the agency. */
  awaitingProvince: Share;
  awaitingAgency: Share;
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
    awaitingProvince: share(
      count((r) => r.awaiting === 'province'),
      n,
    ),
    awaitingAgency: share(
      count((r) => r.awaiting === 'agency'),
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
  /** The same counts per unit (one report each: a unit's counts are its own standing). */
  provinces: ProvinceCounts[];
  units: UnitStanding[];
}

/**
 * The completeness panel of a department's form, one report per unit: per region and for the nation from the
 * same unit rows (so regions add up to it) — the reporter panel with each unit as its own reporter. Every report
 * must belong to one of the units and no unit may have two: a report of an unknown unit would otherwise vanish
 * from the counts.
 */
export function completeness(
  units: readonly { code: string; regionCode: RegionCode }[],
  reports: readonly PeriodicReport[],
  deadline: Deadline,
  now: Instant,
): Completeness {
  const asReporters = units.map((u) => ({
    reporterId: u.code,
    provinceCode: u.code,
    regionCode: u.regionCode,
    name: u.code,
  }));
  const panel = reporterCompleteness(units, asReporters, reports, deadline, now);
  return {
    nation: panel.nation,
    regions: panel.regions,
    provinces: panel.provinces,
    units: panel.reporters.map(({ provinceCode, regionCode, timeliness, daysLate, review, awaiting }) => ({
      provinceCode,
      regionCode,
      timeliness,
      daysLate,
      review,
      awaiting,
    })),
  };
}

// ---- forms with many reporters per unit (implementing units, certificate holders) -----------------------------

/** One reporter expected for a period: a project's implementing unit, a certificate holder; placed in a unit. */
export interface ExpectedReporter {
  reporterId: string;
  /** The unit in force on the period's last day the reporter belongs to. */
  provinceCode: string;
  regionCode: RegionCode;
  /** What the reporter is called on screens: the project's code and title, the facility's name. */
  name: string;
}

export interface ReporterStanding extends UnitStanding {
  reporterId: string;
  name: string;
  /** The channel of the submission that counts; null while nothing counts. */
  submittedVia: SubmissionChannel | null;
}

export interface ProvinceCounts {
  provinceCode: string;
  regionCode: RegionCode;
  counts: CompletenessCounts;
}

export interface ReporterCompleteness {
  nation: CompletenessCounts;
  regions: Record<RegionCode, CompletenessCounts>;
  /** Every unit of the period (those with no reporter too, at zero), in code order. */
  provinces: ProvinceCounts[];
  reporters: ReporterStanding[];
}

/**
 * The reporters a period counts: those expected, plus any whose report came in although the platform no longer
 * expects them (a project stopped after its report for the month was sent): what came in is never dropped.
 * Drafts of reporters not expected are left out (nothing was sent).
 */
export function countedReporters(
  expected: readonly ExpectedReporter[],
  reports: readonly PeriodicReport[],
  regionOf: (provinceCode: string) => RegionCode,
): { reporters: ExpectedReporter[]; reports: PeriodicReport[] } {
  const known = new Set(expected.map((r) => r.reporterId));
  const extra = reports
    .filter((r) => !known.has(r.subject.reporterId) && countedSubmission(r) !== null)
    .map((r) => ({
      reporterId: r.subject.reporterId,
      provinceCode: r.subject.provinceCode,
      regionCode: regionOf(r.subject.provinceCode),
      name: r.subject.reporterId,
    }));
  const reporters = [...expected, ...extra];
  const counted = new Set(reporters.map((r) => r.reporterId));
  return { reporters, reports: reports.filter((r) => counted.has(r.subject.reporterId)) };
}

/**
 * Each reporter's standing at `now`. A report of a reporter not listed, or two
 * reports of one reporter, is an error (see countedReporters for reports that came in unexpectedly).
 * `progress`: for the implementing units' monthly form, the progress reports the projects service received —
 * those of the period's month count as submissions (progress-reports.ts). A receipt of a project not listed is
 * not counted: the projects service also takes a month's report from a project that owed none (signed after the
 * report day), and nothing was owed.
 */
export function reporterStandings(
  reporters: readonly ExpectedReporter[],
  reports: readonly PeriodicReport[],
  deadline: Deadline,
  now: Instant,
  progress?: ProgressReceipts,
): ReporterStanding[] {
  const byReporter = new Map<string, PeriodicReport>();
  const known = new Set(reporters.map((r) => r.reporterId));
  if (known.size !== reporters.length) throw new RangeError('a reporter is listed twice');
  for (const report of reports) {
    const id = report.subject.reporterId;
    if (!known.has(id))
      throw new RangeError(
        `a report belongs to ${id} of unit ${report.subject.provinceCode}, who does not report for this period`,
      );
    if (byReporter.has(id)) throw new RangeError(`${id} has more than one report for the period`);
    byReporter.set(id, report);
  }
  const receipts = progress
    ? progressReceiptsOf(progress.period, progress.receipts)
    : new Map<string, ProgressReceipt>();
  const overdue = isPastDeadline(deadline, now);
  return reporters.map(({ reporterId, name, provinceCode, regionCode }) => ({
    reporterId,
    name,
    provinceCode,
    regionCode,
    ...standingOf(byReporter.get(reporterId), receipts.get(reporterId), deadline, overdue),
  }));
}

/**
 * The panel of a form with many reporters per unit: counts per unit (how many reporters are expected, in on time
 * or late, overdue, not yet due; reviewed), per region and for the nation — all three from the same reporter
 * rows, so units add up to their region and regions to the nation. `units` are the period's units: one with no
 * reporter shows zeros; a reporter placed in another unit is an error. `progress`: see reporterStandings.
 */
export function reporterCompleteness(
  units: readonly { code: string; regionCode: RegionCode }[],
  reporters: readonly ExpectedReporter[],
  reports: readonly PeriodicReport[],
  deadline: Deadline,
  now: Instant,
  progress?: ProgressReceipts,
): ReporterCompleteness {
  const regionOfUnit = new Map(units.map((u) => [u.code, u.regionCode]));
  // A reporter takes its unit's region, so a unit's rows always fall in the region it is counted in.
  const placed = reporters.map((r) => {
    const regionCode = regionOfUnit.get(r.provinceCode);
    if (!regionCode)
      throw new RangeError(`${r.reporterId} is placed in unit ${r.provinceCode}, not a unit of the period`);
    return { ...r, regionCode };
  });
  const rows = reporterStandings(placed, reports, deadline, now, progress);
  const region = (code: RegionCode) => countsOf(rows.filter((r) => r.regionCode === code));
  return {
    nation: countsOf(rows),
    regions: { north: region('north'), central: region('central'), south: region('south') },
    provinces: [...units]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map(({ code, regionCode }) => ({
        provinceCode: code,
        regionCode,
        counts: countsOf(rows.filter((r) => r.provinceCode === code)),
      })),
    reporters: rows,
  };
}
