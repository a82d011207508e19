import { DomainError, RuleViolationError, RuleViolationsError } from '@kc/errors';
import type { WorkingDayCalendar } from '@kc/reference-data';
import type { FormDefinition } from './form-definition';
import type { Period } from './periods';
import type { Values } from './reconciliation';
import {
  approveReport,
  editReport,
  openReport,
  returnReport,
  submitReport,
  type Attachment,
  type PeriodicReport,
  type ReportSubject,
} from './report-workflow';
import { instantMs, type Instant } from './vietnam-time';

/** The review a recorded version received, at the instant it happened. */
export type RecordedReview =
  | { outcome: 'returned'; at: Instant; by: string; reason: string }
  | { outcome: 'approved'; at: Instant; by: string };

/** One version as it was really submitted (paper, e-mail, a legacy system), with its true instant and author. */
export interface RecordedVersion {
  /** The cells the unit filled in; a cell left out keeps the platform's figure, as a pre-filled draft does. */
  values: Values;
  explanations?: Readonly<Record<string, string>>;
  narratives: Readonly<Record<string, string>>;
  attachments?: readonly Attachment[];
  submittedAt: Instant;
  submittedBy: string;
  review?: RecordedReview;
}

export interface RecordedReport {
  form: FormDefinition;
  period: Period;
  subject: ReportSubject;
  /** The platform's figures for the unit and period, as the live opening would pre-fill them. */
  platform: Values;
  calendar: WorkingDayCalendar;
  versions: readonly RecordedVersion[];
  /** The service clock: nothing recorded may lie after it. */
  now: Instant;
}

/**
 * A past period's report rebuilt by the live rules on the instants it states: opened at its first submission,
 * each version checked and reconciled as a live submission is (unexplained differences and missing cells are
 * refused), its lateness computed by the deadline rule of the form version in force from the recorded submission
 * instant — never stated by the caller — then returned or approved as recorded. Only a form reviewed by one
 * level (the department's forms, reviewed by the agency) can be recorded this way: a record states one review
 * per version. Every refusal names the version (`versions[1].submittedAt`).
 */
export function replayRecordedReport(input: RecordedReport): PeriodicReport {
  const now = instantMs(input.now, 'now');
  const [first] = input.versions;
  if (!first) throw new RangeError('a recorded report has at least one version');
  let report: PeriodicReport | null = null;
  let previous = Number.NEGATIVE_INFINITY;
  for (const [i, recorded] of input.versions.entries()) {
    const steps: [string, Instant][] = [[`versions[${i}].submittedAt`, recorded.submittedAt]];
    if (recorded.review) steps.push([`versions[${i}].review.at`, recorded.review.at]);
    for (const [field, at] of steps) {
      const ms = instantMs(at, field);
      if (ms > now)
        throw new RuleViolationError(
          {
            vi: `Thời điểm ${at} ở tương lai: chỉ ghi nhận được việc đã xảy ra`,
            en: `${at} is in the future: only what already happened can be recorded`,
          },
          'periodic-report.history-in-future',
          field,
        );
      if (ms < previous)
        throw new RuleViolationError(
          {
            vi: `Thời điểm ${at} trước bước trước đó của báo cáo: các bước phải theo thứ tự thời gian`,
            en: `${at} is before the report's previous step: steps must be in time order`,
          },
          'periodic-report.time-out-of-order',
          field,
        );
      previous = ms;
    }
    if (i < input.versions.length - 1 && recorded.review?.outcome !== 'returned')
      throw new RuleViolationError(
        {
          vi: 'Chỉ có phiên bản sau khi phiên bản này bị trả lại: phải ghi lần trả lại',
          en: 'A later version exists only if this one was returned: record its return',
        },
        'periodic-report.returned-before-next-version',
        `versions[${i}].review`,
      );
    report = named(`versions[${i}]`, () => {
      let next =
        report ??
        openReport({
          form: input.form,
          period: input.period,
          subject: input.subject,
          platform: input.platform,
          calendar: input.calendar,
          by: recorded.submittedBy,
          at: recorded.submittedAt,
        });
      if (next.reviewChain.length !== 1)
        throw new RuleViolationError(
          {
            vi: 'Chỉ ghi nhận lịch sử được cho biểu mẫu có một cấp duyệt (báo cáo của Sở Công Thương)',
            en: 'History can be recorded only for forms reviewed by one level (the departments’ reports)',
          },
          'periodic-report.history-form',
          'formId',
        );
      next = editReport(next, input.form, {
        entered: { ...next.platform, ...recorded.values },
        explanations: recorded.explanations ?? {},
        narratives: recorded.narratives,
        attachments: recorded.attachments ?? [],
      });
      next = submitReport(next, input.form, { by: recorded.submittedBy, at: recorded.submittedAt });
      const review = recorded.review;
      if (review?.outcome === 'returned') next = returnReport(next, { ...review, level: next.awaiting! });
      else if (review?.outcome === 'approved')
        next = approveReport(next, { ...review, level: next.awaiting! });
      return next;
    });
  }
  return report as PeriodicReport;
}

/**
 * Whether a report held already tells the same story as a record (an import sent again): the same versions with
 * the same instants, authors, filled-in cells, narratives and attachments, and the same reviews. The platform's
 * column is left out: the projections move on between two sends.
 */
export function sameRecordedHistory(held: PeriodicReport, versions: readonly RecordedVersion[]): boolean {
  if (held.versions.length !== versions.length) return false;
  const reviews = held.events.filter((e) => e.kind === 'approved' || e.kind === 'returned');
  return versions.every((recorded, i) => {
    const version = held.versions[i];
    const sameValues = Object.entries(recorded.values).every(([k, v]) => version.content.entered[k] === v);
    const trimmed = (r: Readonly<Record<string, string>>) =>
      JSON.stringify(
        Object.entries(r)
          .map(([k, v]) => [k, v.normalize('NFC')])
          .sort(),
      );
    const sameFiles =
      JSON.stringify((recorded.attachments ?? []).map((a) => [a.slot, a.sha256]).sort()) ===
      JSON.stringify(version.content.attachments.map((a) => [a.slot, a.sha256]).sort());
    const review = reviews.find((e) => e.version === version.number);
    const sameReview = recorded.review
      ? review?.kind === recorded.review.outcome &&
        instantMs(review.at) === instantMs(recorded.review.at) &&
        review.by === recorded.review.by.normalize('NFC').trim()
      : review === undefined;
    return (
      instantMs(version.submittedAt) === instantMs(recorded.submittedAt) &&
      version.submittedBy === recorded.submittedBy.normalize('NFC').trim() &&
      sameValues &&
      trimmed(version.content.narratives) === trimmed(recorded.narratives) &&
      sameFiles &&
      sameReview
    );
  });
}

/** Re-throws a refusal with the version it came from in its field(s), so a record's problem is found at once. */
function named<T>(prefix: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const field = (f: string | undefined) =>
      f === undefined || f === 'formId' || f.startsWith('versions[') ? f : `${prefix}.${f}`;
    if (error instanceof RuleViolationsError)
      throw new RuleViolationsError(
        error.messages,
        error.code,
        error.violations.map((v) => ({ ...v, field: field(v.field) as string })),
      );
    const Kind = error.constructor as new (m: DomainError['messages'], c: string, f?: string) => DomainError;
    throw new Kind(error.messages, error.code, field(error.field));
  }
}
