import { ConflictError, RuleViolationError, type Bilingual } from '@kc/errors';
import type { IsoDate } from '@kc/reference-data';
import { viDate } from './decision';
import {
  dataWindow,
  deadlineOf,
  lateness,
  periodLabel,
  regimeFor,
  type ReportPeriod,
  type Reporter,
} from './report-periods';

/** A report is about one cluster (its developer's form) or one province (the department's roll-up form). */
export type ReportSubject =
  | { kind: 'cluster'; clusterCode: string; provinceCode: string }
  | { kind: 'province'; provinceCode: string };

export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'approved';

const statusNames: Record<ReportStatus, Bilingual> = {
  draft: { vi: 'Đang soạn', en: 'draft' },
  submitted: { vi: 'Đã gửi', en: 'submitted' },
  returned: { vi: 'Trả lại để chỉnh sửa', en: 'returned for correction' },
  approved: { vi: 'Đã duyệt', en: 'approved' },
};

/** Each submission freezes the figures as a numbered version; versions are never changed or dropped. */
export interface ReportVersion<F> {
  version: number;
  figures: F;
  submittedOn: IsoDate;
  submittedBy: string;
  late: boolean;
  daysLate: number;
}

export type ReportEvent =
  | { kind: 'submitted'; version: number; on: IsoDate; by: string }
  | { kind: 'returned'; version: number; on: IsoDate; by: string; reason: string }
  | { kind: 'approved'; version: number; on: IsoDate; by: string }
  | {
      kind: 'reopened';
      version: number;
      on: IsoDate;
      requestedBy: string;
      approvedBy: string;
      reason: string;
    };

export interface PeriodicReport<F> {
  subject: ReportSubject;
  reporter: Reporter;
  period: ReportPeriod;
  status: ReportStatus;
  /** The figures being edited while a draft or returned; null once submitted. */
  working: F | null;
  versions: ReportVersion<F>[];
  /**
   * The version whose figures count for the period (the conference's figures). A reopened report keeps its last
   * approved version in force until another is approved, so the period's figures never vanish mid-correction.
   */
  approvedVersion: number | null;
  events: ReportEvent[];
}

type Action = 'edit' | 'submit' | 'return' | 'approve' | 'reopen';

const actionNames: Record<Action, Bilingual> = {
  edit: { vi: 'sửa', en: 'edit' },
  submit: { vi: 'gửi', en: 'submit' },
  return: { vi: 'trả lại', en: 'return' },
  approve: { vi: 'duyệt', en: 'approve' },
  reopen: { vi: 'mở lại', en: 'reopen' },
};

const openFrom: Record<Action, readonly ReportStatus[]> = {
  edit: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  return: ['submitted'],
  approve: ['submitted'],
  reopen: ['approved'],
};

const subjectName = (subject: ReportSubject): Bilingual =>
  subject.kind === 'cluster'
    ? { vi: `cụm công nghiệp ${subject.clusterCode}`, en: `cluster ${subject.clusterCode}` }
    : { vi: `tỉnh ${subject.provinceCode}`, en: `province ${subject.provinceCode}` };

function assertOpen<F>(report: PeriodicReport<F>, action: Action): void {
  if (openFrom[action].includes(report.status)) return;
  const [period, subject, status] = [
    periodLabel(report.period),
    subjectName(report.subject),
    statusNames[report.status],
  ];
  throw new ConflictError(
    {
      vi: `Không thể ${actionNames[action].vi} báo cáo ${period.vi} của ${subject.vi} đang ở trạng thái "${status.vi}"`,
      en: `Cannot ${actionNames[action].en} the report for ${period.en} of ${subject.en} while it is ${status.en}`,
    },
    'cluster-report.illegal-transition',
    'status',
  );
}

const text = (value: string) => value.normalize('NFC').trim();

function requireText(value: string, field: string, what: Bilingual): string {
  const cleaned = text(value);
  if (!cleaned) {
    throw new RuleViolationError(
      { vi: `Phải ghi ${what.vi}`, en: `${what.en} is required` },
      `cluster-report.${field}-required`,
      field,
    );
  }
  return cleaned;
}

/** Steps happen in date order: no step is dated before the one before it. */
function assertInOrder<F>(report: PeriodicReport<F>, on: IsoDate): void {
  const last = report.events.at(-1)?.on;
  if (last && on < last) {
    throw new RuleViolationError(
      {
        vi: `Ngày ${viDate(on)} không được trước bước trước của báo cáo (ngày ${viDate(last)})`,
        en: `${on} cannot predate the report's previous step (${last})`,
      },
      'cluster-report.date-out-of-order',
      'on',
    );
  }
}

/** Starts a report as a draft; its period must fall under a recorded reporting regime. */
export function openReport<F>(
  subject: ReportSubject,
  reporter: Reporter,
  period: ReportPeriod,
  figures: F,
): PeriodicReport<F> {
  regimeFor(period);
  return {
    subject,
    reporter,
    period,
    status: 'draft',
    working: figures,
    versions: [],
    approvedVersion: null,
    events: [],
  };
}

export function editReport<F>(report: PeriodicReport<F>, figures: F): PeriodicReport<F> {
  assertOpen(report, 'edit');
  return { ...report, working: figures };
}

/**
 * Submits the working figures as a new version, noting whether it is late against the reporter's deadline.
 * Not before the period's cut-off: the figures run up to that day.
 */
export function submitReport<F>(report: PeriodicReport<F>, by: string, on: IsoDate): PeriodicReport<F> {
  assertOpen(report, 'submit');
  assertInOrder(report, on);
  const { cutOff } = dataWindow(report.period);
  if (on < cutOff) {
    const period = periodLabel(report.period);
    throw new RuleViolationError(
      {
        vi: `Báo cáo ${period.vi} chỉ gửi từ ngày chốt số liệu ${viDate(cutOff)}`,
        en: `The report for ${period.en} can be submitted from its cut-off date, ${cutOff}`,
      },
      'cluster-report.before-cut-off',
      'on',
    );
  }
  const submittedBy = requireText(by, 'by', { vi: 'người gửi', en: 'The submitter' });
  const version = report.versions.length + 1;
  return {
    ...report,
    status: 'submitted',
    working: null,
    versions: [
      ...report.versions,
      {
        version,
        figures: report.working as F,
        submittedOn: on,
        submittedBy,
        ...lateness(report.period, report.reporter, on),
      },
    ],
    events: [...report.events, { kind: 'submitted', version, on, by: submittedBy }],
  };
}

const lastVersion = <F>(report: PeriodicReport<F>): ReportVersion<F> =>
  report.versions[report.versions.length - 1];

/** Returns the submitted version for correction, with the reason; the reporter edits from its figures. */
export function returnReport<F>(
  report: PeriodicReport<F>,
  by: string,
  on: IsoDate,
  reason: string,
): PeriodicReport<F> {
  assertOpen(report, 'return');
  assertInOrder(report, on);
  const why = requireText(reason, 'reason', { vi: 'lý do trả lại', en: 'The reason for returning it' });
  const reviewer = requireText(by, 'by', { vi: 'người trả lại', en: 'The reviewer' });
  const { version, figures } = lastVersion(report);
  return {
    ...report,
    status: 'returned',
    working: figures,
    events: [...report.events, { kind: 'returned', version, on, by: reviewer, reason: why }],
  };
}

export function approveReport<F>(report: PeriodicReport<F>, by: string, on: IsoDate): PeriodicReport<F> {
  assertOpen(report, 'approve');
  assertInOrder(report, on);
  const approver = requireText(by, 'by', { vi: 'người duyệt', en: 'The approver' });
  const { version } = lastVersion(report);
  return {
    ...report,
    status: 'approved',
    approvedVersion: version,
    events: [...report.events, { kind: 'approved', version, on, by: approver }],
  };
}

/**
 * Reopens an approved report for correction: only with a reason and the approval of someone other than the
 * person asking, both recorded. The approved version stays in force until a new one is approved.
 */
export function reopenReport<F>(
  report: PeriodicReport<F>,
  request: { requestedBy: string; approvedBy: string; reason: string; on: IsoDate },
): PeriodicReport<F> {
  assertOpen(report, 'reopen');
  assertInOrder(report, request.on);
  const reason = requireText(request.reason, 'reason', {
    vi: 'lý do mở lại',
    en: 'The reason for reopening',
  });
  const requestedBy = requireText(request.requestedBy, 'requestedBy', {
    vi: 'người đề nghị mở lại',
    en: 'The person asking to reopen',
  });
  const approvedBy = text(request.approvedBy);
  if (!approvedBy || approvedBy === requestedBy) {
    throw new RuleViolationError(
      {
        vi: 'Mở lại báo cáo đã duyệt phải được một người khác với người đề nghị phê duyệt',
        en: 'Reopening an approved report needs the approval of someone other than the person asking',
      },
      'cluster-report.reopen-approver',
      'approvedBy',
    );
  }
  const { version, figures } = lastVersion(report);
  return {
    ...report,
    status: 'draft',
    working: figures,
    events: [
      ...report.events,
      { kind: 'reopened', version, on: request.on, requestedBy, approvedBy, reason },
    ],
  };
}

/** The figures that count for the period, or null before any approval. */
export function approvedFigures<F>(report: PeriodicReport<F>): F | null {
  if (report.approvedVersion === null) return null;
  return report.versions[report.approvedVersion - 1].figures;
}

/** Nothing submitted yet and the deadline has passed. */
export function isOverdue<F>(report: PeriodicReport<F>, today: IsoDate): boolean {
  return report.versions.length === 0 && today >= deadlineOf(report.period, report.reporter).dueBefore;
}

/** Whether the report first came in late: a correction after a return does not make it late again. */
export const submittedLate = <F>(report: PeriodicReport<F>): boolean => report.versions[0]?.late ?? false;
