import { DomainError, RuleViolationError } from '@kc/errors';
import type { IsoDate } from '@kc/reference-data';
import { viDate } from './decision';
import {
  approveReport,
  editReport,
  openReport,
  returnReport,
  submitReport,
  type PeriodicReport,
  type ReportSubject,
} from './periodic-report';
import { dataWindow, periodLabel, type ReportPeriod } from './report-periods';

/** The review a version received on paper or in a legacy system. */
export type RecordedReview =
  | { outcome: 'returned'; on: IsoDate; by: string; reason: string }
  | { outcome: 'approved'; on: IsoDate; by: string };

/** One version as it was filed: the figures, the day and the submitter's name as written. */
export interface RecordedVersion<F> {
  figures: F;
  submittedOn: IsoDate;
  submittedBy: string;
  review?: RecordedReview;
}

/**
 * Re-raises a domain refusal naming the field of the record it came from (`versions[1].review.on`), so the
 * caller of an import hears which recorded day or name broke the rule.
 */
function naming<T>(field: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const Kind = error.constructor as new (m: DomainError['messages'], c: string, f?: string) => DomainError;
    throw new Kind(error.messages, error.code, field);
  }
}

/** A recorded day must lie inside what can have happened: from the period's data window to today in Việt Nam. */
function assertPlausible(period: ReportPeriod, on: IsoDate, today: IsoDate, field: string): void {
  if (on > today) {
    throw new RuleViolationError(
      {
        vi: `Ngày ${viDate(on)} là ngày trong tương lai (hôm nay ${viDate(today)}): chỉ ghi nhận việc đã xảy ra`,
        en: `${on} is in the future (today is ${today}): only what already happened can be recorded`,
      },
      'cluster-report.history-future-date',
      field,
    );
  }
  const { from } = dataWindow(period);
  if (on < from) {
    const label = periodLabel(period);
    throw new RuleViolationError(
      {
        vi: `Ngày ${viDate(on)} trước khi kỳ báo cáo ${label.vi} bắt đầu (số liệu tính từ ngày ${viDate(from)})`,
        en: `${on} predates the period ${label.en}, whose figures run from ${from}`,
      },
      'cluster-report.history-before-period',
      field,
    );
  }
}

const missingReturn = (at: string) =>
  new RuleViolationError(
    {
      vi: 'Phiên bản sau chỉ có khi phiên bản trước bị trả lại: phải ghi lần trả lại',
      en: 'A later version exists only if the one before was returned: record the return',
    },
    'cluster-report.history-missing-return',
    `${at}.review`,
  );

/**
 * A cluster's report of a past period rebuilt from its recorded history by the same rules as the live steps:
 * each version submitted on its day (the circular's deadline deciding its lateness, the cut-off refusing an
 * earlier day), then returned or approved on the review's day, every step after the one before it. Nothing is
 * taken on trust from the record but the days, names and figures it states.
 */
export function replayRecordedReport<F>(
  subject: ReportSubject & { kind: 'cluster' },
  period: ReportPeriod,
  versions: readonly RecordedVersion<F>[],
  today: IsoDate,
): PeriodicReport<F> {
  let report = naming('period', () => openReport<F>(subject, 'developer', period, versions[0].figures));
  versions.forEach((v, i) => {
    const at = `versions[${i}]`;
    if (i > 0) report = editReport(report, v.figures);
    assertPlausible(period, v.submittedOn, today, `${at}.submittedOn`);
    report = naming(`${at}.submittedOn`, () => submitReport(report, v.submittedBy, v.submittedOn));
    const review = v.review;
    if (!review) {
      if (i < versions.length - 1) throw missingReturn(at);
      return;
    }
    assertPlausible(period, review.on, today, `${at}.review.on`);
    if (review.outcome === 'returned') {
      report = naming(`${at}.review.on`, () => returnReport(report, review.by, review.on, review.reason));
    } else {
      if (i < versions.length - 1) throw missingReturn(at);
      report = naming(`${at}.review.on`, () => approveReport(report, review.by, review.on));
    }
  });
  return report;
}

/** Key order does not matter in stored figures (jsonb reorders them): compare them canonically. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
}

const sameFigures = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/**
 * Whether a report already held tells the same story as a recorded one: the same versions (figures, day,
 * submitter) and the same reviews. Re-sending an import is then a no-op; anything else is a different account
 * of the period and is refused rather than merged.
 */
export function sameHistory<F>(held: PeriodicReport<F>, recorded: PeriodicReport<F>): boolean {
  if (held.status !== recorded.status || held.approvedVersion !== recorded.approvedVersion) return false;
  if (held.versions.length !== recorded.versions.length || held.events.length !== recorded.events.length)
    return false;
  const versionsMatch = held.versions.every((v, i) => {
    const r = recorded.versions[i];
    return (
      v.version === r.version &&
      v.submittedOn === r.submittedOn &&
      v.submittedBy === r.submittedBy &&
      sameFigures(v.figures, r.figures)
    );
  });
  const eventsMatch = held.events.every((e, i) => {
    const r = recorded.events[i];
    if (e.kind !== r.kind || e.version !== r.version || e.on !== r.on) return false;
    if (e.kind === 'reopened' || r.kind === 'reopened') return false;
    if (e.by !== r.by) return false;
    return e.kind !== 'returned' || (r.kind === 'returned' && e.reason === r.reason);
  });
  return versionsMatch && eventsMatch && sameFigures(held.working, recorded.working);
}
