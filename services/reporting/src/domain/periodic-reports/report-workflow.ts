import {
  ConflictError,
  RuleViolationError,
  RuleViolationsError,
  type Bilingual,
  type Violation,
} from '@kc/errors';
import type { WorkingDayCalendar } from '@kc/reference-data';
import { deadlineOf, isPastDeadline, latenessOf, type Deadline, type Lateness } from './deadlines';
import {
  cellsOf,
  reviewLevelNames,
  versionInForce,
  type FormDefinition,
  type FormVersion,
  type ReviewLevel,
} from './form-definition';
import { periodId, periodLabel, periodWindow, parsePeriod, type Period } from './periods';
import { notUploaded, type StoredFile } from './attachment-files';
import { differences, reconciliationViolations, valueViolations, type Values } from './reconciliation';
import { instantMs, vietnamDayOf, type Instant } from './vietnam-time';

/** Whose report it is: the province it belongs to and the reporter inside it (the department: its province code). */
export interface ReportSubject {
  provinceCode: string;
  reporterId: string;
}

export interface Attachment {
  slot: string;
  fileName: string;
  mediaType: string;
  bytes: number;
  /** SHA-256 of the stored file, lower-case hex: what the version pins, so a file cannot be swapped later. */
  sha256: string;
}

export interface ReportContent {
  entered: Values;
  /** Why an entered value differs from the platform's figure, by cell key. */
  explanations: Readonly<Record<string, string>>;
  narratives: Readonly<Record<string, string>>;
  attachments: readonly Attachment[];
}

export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'approved';

/** A submission, frozen: its content, the platform's figures it was reconciled against, and its lateness. */
export interface ReportVersion {
  readonly number: number;
  readonly content: ReportContent;
  readonly platform: Values;
  readonly submittedAt: Instant;
  readonly submittedBy: string;
  readonly lateness: Lateness;
}

export type ReportEvent =
  | { kind: 'opened'; at: Instant; by: string; formVersion: number }
  | { kind: 'submitted'; version: number; at: Instant; by: string; onTime: boolean; daysLate: number }
  | { kind: 'withdrawn'; version: number; at: Instant; by: string }
  | { kind: 'approved'; version: number; at: Instant; by: string; level: ReviewLevel; final: boolean }
  | { kind: 'returned'; version: number; at: Instant; by: string; level: ReviewLevel; reason: string }
  | {
      kind: 'reopened';
      version: number;
      at: Instant;
      requestedBy: string;
      approvedBy: string;
      reason: string;
    };

export interface PeriodicReport {
  formId: string;
  /** The form version pinned when the report was opened; a later version never changes it. */
  formVersion: number;
  period: string;
  subject: ReportSubject;
  reviewChain: readonly ReviewLevel[];
  /** Computed once, when the report opened, with the calendar of that day (see deadlineOf). */
  deadline: Deadline;
  status: ReportStatus;
  /** While submitted: the level that acts next. */
  awaiting: ReviewLevel | null;
  /** The platform's figures for the unit and period, refreshed while the report is being edited. */
  platform: Values;
  /** What the reporter is editing while a draft or returned; null otherwise. */
  working: ReportContent | null;
  versions: readonly ReportVersion[];
  /** The version whose figures count for the period; kept while an approved report is being corrected. */
  approvedVersion: number | null;
  events: readonly ReportEvent[];
}

type Action = 'edit' | 'submit' | 'withdraw' | 'review' | 'reopen';

const actionNames: Record<Action, Bilingual> = {
  edit: { vi: 'sửa', en: 'edit' },
  submit: { vi: 'gửi', en: 'submit' },
  withdraw: { vi: 'rút lại', en: 'withdraw' },
  review: { vi: 'duyệt hoặc trả lại', en: 'approve or return' },
  reopen: { vi: 'mở lại', en: 'reopen' },
};

const statusNames: Record<ReportStatus, Bilingual> = {
  draft: { vi: 'Đang soạn', en: 'a draft' },
  submitted: { vi: 'Đã gửi', en: 'submitted' },
  returned: { vi: 'Bị trả lại', en: 'returned' },
  approved: { vi: 'Đã duyệt', en: 'approved' },
};

const allowedFrom: Record<Action, readonly ReportStatus[]> = {
  edit: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  withdraw: ['submitted'],
  review: ['submitted'],
  reopen: ['approved'],
};

function describe(report: PeriodicReport): Bilingual {
  const label = periodLabel(parsePeriod(report.period));
  return {
    vi: `báo cáo ${label.vi} của ${report.subject.reporterId}`,
    en: `the report for ${label.en} of ${report.subject.reporterId}`,
  };
}

function assertAllowed(report: PeriodicReport, action: Action): void {
  if (allowedFrom[action].includes(report.status)) return;
  const [what, status] = [describe(report), statusNames[report.status]];
  throw new ConflictError(
    {
      vi: `Không thể ${actionNames[action].vi} ${what.vi} khi đang ở trạng thái "${status.vi}"`,
      en: `Cannot ${actionNames[action].en} ${what.en} while it is ${status.en}`,
    },
    'periodic-report.illegal-transition',
    'status',
  );
}

function requireText(value: string, field: string, what: Bilingual): string {
  const cleaned = value.normalize('NFC').trim();
  if (!cleaned) {
    throw new RuleViolationError(
      { vi: `Phải ghi ${what.vi}`, en: `${what.en} is required` },
      `periodic-report.${field}-required`,
      field,
    );
  }
  return cleaned;
}

/** Steps are recorded in time order; a step dated before the last one is a bad clock or a replay. */
function assertInOrder(report: PeriodicReport, at: Instant): void {
  const last = report.events.at(-1)?.at;
  if (last !== undefined && instantMs(at, 'at') < instantMs(last)) {
    throw new RuleViolationError(
      {
        vi: `Thời điểm ${at} trước bước trước của báo cáo (${last})`,
        en: `${at} is before the report's previous step (${last})`,
      },
      'periodic-report.time-out-of-order',
      'at',
    );
  }
}

function assertPinned(report: PeriodicReport, form: FormDefinition): FormVersion {
  const version =
    form.id === report.formId ? form.versions.find((v) => v.version === report.formVersion) : undefined;
  if (!version) {
    throw new ConflictError(
      {
        vi: `Báo cáo được lập theo biểu ${report.formId} phiên bản ${report.formVersion}, không theo biểu đã đưa`,
        en: `The report was opened under form ${report.formId} version ${report.formVersion}, not the form given`,
      },
      'periodic-report.form-version-mismatch',
      'formVersion',
    );
  }
  return version;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const emptyContent = (entered: Values): ReportContent => ({
  entered: { ...entered },
  explanations: {},
  narratives: {},
  attachments: [],
});

/**
 * Only the cells the version takes from the platform: a platform map may carry figures another form uses, and a
 * cell without a platform source (trainees) is the reporter's alone.
 */
const onlyCellsOf = (version: FormVersion, values: Values): Values =>
  Object.fromEntries(
    cellsOf(version)
      .filter((c) => c.platformSource !== null && Object.hasOwn(values, c.key))
      .map((c) => [c.key, values[c.key]]),
  );

export interface OpenReport {
  form: FormDefinition;
  period: Period;
  subject: ReportSubject;
  /** The platform's figures for this unit and period, by cell key. */
  platform: Values;
  calendar: WorkingDayCalendar;
  by: string;
  at: Instant;
}

/**
 * Opens a draft under the form version in force for the period, pre-filled with the platform's figures: the
 * reporter starts from what the platform knows and changes what differs (each change then needs a reason).
 */
export function openReport(input: OpenReport): PeriodicReport {
  const version = versionInForce(input.form, input.period);
  const platform = onlyCellsOf(version, input.platform);
  instantMs(input.at, 'at');
  return {
    formId: input.form.id,
    formVersion: version.version,
    period: periodId(input.period),
    subject: { ...input.subject },
    reviewChain: [...version.reviewChain],
    deadline: deadlineOf(input.period, version.deadline, input.calendar),
    status: 'draft',
    awaiting: null,
    platform,
    working: emptyContent(platform),
    versions: [],
    approvedVersion: null,
    events: [
      {
        kind: 'opened',
        at: input.at,
        by: requireText(input.by, 'by', { vi: 'người lập', en: 'The author' }),
        formVersion: version.version,
      },
    ],
  };
}

export interface ContentChange {
  /** Replaces the entered values when given. */
  entered?: Values;
  explanations?: Readonly<Record<string, string>>;
  narratives?: Readonly<Record<string, string>>;
  attachments?: readonly Attachment[];
}

function narrativeViolations(
  version: FormVersion,
  narratives: Readonly<Record<string, string>>,
  complete: boolean,
): Violation[] {
  const fields = new Map(version.narratives.map((n) => [n.key, n]));
  const violations: Violation[] = [];
  for (const [key, text] of Object.entries(narratives)) {
    const field = fields.get(key);
    if (!field) {
      violations.push({
        field: `narratives.${key}`,
        code: 'periodic-report.unknown-narrative',
        messages: { vi: `Biểu mẫu không có mục "${key}"`, en: `The form has no narrative "${key}"` },
      });
    } else if (text.length > field.maxLength) {
      violations.push({
        field: `narratives.${key}`,
        code: 'periodic-report.narrative-too-long',
        messages: {
          vi: `"${field.label.vi}" dài quá ${field.maxLength} ký tự`,
          en: `"${field.label.en}" is longer than ${field.maxLength} characters`,
        },
      });
    }
  }
  if (complete) {
    for (const field of version.narratives) {
      if (field.required && !(narratives[field.key] ?? '').trim()) {
        violations.push({
          field: `narratives.${field.key}`,
          code: 'periodic-report.narrative-required',
          messages: { vi: `Chưa viết "${field.label.vi}"`, en: `"${field.label.en}" is empty` },
        });
      }
    }
  }
  return violations;
}

function attachmentViolations(
  version: FormVersion,
  attachments: readonly Attachment[],
  complete: boolean,
): Violation[] {
  const violations: Violation[] = [];
  attachments.forEach((a, i) => {
    const slot = version.attachments.find((s) => s.key === a.slot);
    const field = `attachments[${i}]`;
    // A file is stored and pinned by its SHA-256 within the report: the same bytes are one attachment.
    if (attachments.findIndex((other) => other.sha256 === a.sha256) < i) {
      violations.push({
        field: `${field}.sha256`,
        code: 'periodic-report.attachment-repeated',
        messages: {
          vi: `Tệp "${a.fileName}" trùng nội dung với một tệp đính kèm khác của báo cáo`,
          en: `File "${a.fileName}" has the same content as another attachment of the report`,
        },
      });
    }
    if (!slot) {
      violations.push({
        field: `${field}.slot`,
        code: 'periodic-report.unknown-attachment-slot',
        messages: {
          vi: `Biểu mẫu không có mục đính kèm "${a.slot}"`,
          en: `The form has no attachment slot "${a.slot}"`,
        },
      });
      return;
    }
    if (!slot.mediaTypes.includes(a.mediaType)) {
      violations.push({
        field: `${field}.mediaType`,
        code: 'periodic-report.attachment-type',
        messages: {
          vi: `"${slot.label.vi}" chỉ nhận ${slot.mediaTypes.join(', ')}`,
          en: `"${slot.label.en}" accepts only ${slot.mediaTypes.join(', ')}`,
        },
      });
    }
    if (!Number.isSafeInteger(a.bytes) || a.bytes <= 0 || a.bytes > slot.maxBytes) {
      violations.push({
        field: `${field}.bytes`,
        code: 'periodic-report.attachment-size',
        messages: {
          vi: `Tệp đính kèm phải từ 1 byte đến ${slot.maxBytes} byte`,
          en: `An attachment must be 1 to ${slot.maxBytes} bytes`,
        },
      });
    }
    if (!/^[0-9a-f]{64}$/.test(a.sha256)) {
      violations.push({
        field: `${field}.sha256`,
        code: 'periodic-report.attachment-hash',
        messages: {
          vi: 'Mã băm SHA-256 phải gồm 64 ký tự hex thường',
          en: 'The SHA-256 must be 64 lower-case hex characters',
        },
      });
    }
  });
  for (const slot of version.attachments) {
    const count = attachments.filter((a) => a.slot === slot.key).length;
    if (count > slot.maxFiles) {
      violations.push({
        field: `attachments.${slot.key}`,
        code: 'periodic-report.attachment-count',
        messages: {
          vi: `"${slot.label.vi}" nhận tối đa ${slot.maxFiles} tệp`,
          en: `"${slot.label.en}" takes at most ${slot.maxFiles} file(s)`,
        },
      });
    }
    if (complete && slot.required && count === 0) {
      violations.push({
        field: `attachments.${slot.key}`,
        code: 'periodic-report.attachment-required',
        messages: { vi: `Thiếu "${slot.label.vi}"`, en: `"${slot.label.en}" is missing` },
      });
    }
  }
  return violations;
}

function throwIfAny(violations: Violation[], messages: Bilingual, code: string): void {
  if (violations.length) throw new RuleViolationsError(messages, code, violations);
}

/** Edits the working content of a draft or a returned report; what is given replaces what was there. */
export function editReport(
  report: PeriodicReport,
  form: FormDefinition,
  change: ContentChange,
): PeriodicReport {
  assertAllowed(report, 'edit');
  const version = assertPinned(report, form);
  const working = report.working as ReportContent;
  const next: ReportContent = {
    entered: change.entered ? { ...change.entered } : working.entered,
    explanations: change.explanations ? { ...change.explanations } : working.explanations,
    narratives: change.narratives
      ? Object.fromEntries(Object.entries(change.narratives).map(([k, v]) => [k, v.normalize('NFC')]))
      : working.narratives,
    attachments: change.attachments ? change.attachments.map((a) => ({ ...a })) : working.attachments,
  };
  throwIfAny(
    [
      ...valueViolations(version, next.entered, false),
      ...narrativeViolations(version, next.narratives, false),
      ...attachmentViolations(version, next.attachments, false),
    ],
    { vi: 'Nội dung báo cáo không hợp lệ', en: 'The report content is not valid' },
    'periodic-report.invalid-content',
  );
  return { ...report, working: next };
}

/**
 * Replaces the platform's figures while the report is being edited (the projections moved on). Submitted
 * versions keep the figures they were reconciled against.
 */
export function refreshPlatformFigures(
  report: PeriodicReport,
  form: FormDefinition,
  platform: Values,
): PeriodicReport {
  assertAllowed(report, 'edit');
  return { ...report, platform: onlyCellsOf(assertPinned(report, form), platform) };
}

/** The differences between the working values and the platform's figures, for the screen beside the form. */
export function workingDifferences(report: PeriodicReport, form: FormDefinition) {
  const version = assertPinned(report, form);
  return differences(version, report.platform, report.working?.entered ?? {});
}

export interface Act {
  by: string;
  at: Instant;
}

/**
 * Submits the working content as a new numbered, frozen version. Refused while a required cell, narrative or
 * attachment is missing or a difference from the platform's figures is unexplained (every such problem listed
 * at once). After the deadline the submission is still taken — and recorded as late, in whole Vietnamese days.
 * `files`: what the platform holds of the declared files; each must be whole (a live submission). Without it
 * (a report recorded from history, whose files the platform never held) the declarations alone are checked.
 */
export function submitReport(
  report: PeriodicReport,
  form: FormDefinition,
  act: Act,
  files?: readonly StoredFile[],
): PeriodicReport {
  assertAllowed(report, 'submit');
  assertInOrder(report, act.at);
  const version = assertPinned(report, form);
  const by = requireText(act.by, 'by', { vi: 'người gửi', en: 'The submitter' });
  const period = parsePeriod(report.period);
  const window = periodWindow(period);
  const opens = version.submissionOpens === 'period-end' ? window.to : window.from;
  if (vietnamDayOf(act.at) < opens) {
    const label = periodLabel(period);
    throw new RuleViolationError(
      {
        vi: `Báo cáo ${label.vi} chỉ gửi được từ ngày ${opens}`,
        en: `The report for ${label.en} can be submitted from ${opens}`,
      },
      'periodic-report.not-yet-open',
      'at',
    );
  }
  const working = report.working as ReportContent;
  const diffs = differences(version, report.platform, working.entered);
  const completeness = [
    ...valueViolations(version, working.entered, true),
    ...narrativeViolations(version, working.narratives, true),
    ...attachmentViolations(version, working.attachments, true),
    ...(files ? notUploaded(working.attachments, files) : []),
  ];
  const reconciliation = reconciliationViolations(diffs, working.explanations);
  const violations = [...completeness, ...reconciliation];
  throwIfAny(
    violations,
    {
      vi: `Chưa gửi được báo cáo: ${violations.length} điểm cần hoàn thiện hoặc giải trình`,
      en: `The report cannot be submitted yet: ${violations.length} item(s) to complete or explain`,
    },
    completeness.length === 0 ? 'periodic-report.difference-unexplained' : 'periodic-report.incomplete',
  );
  // Explanations of cells that no longer differ explain nothing: the version keeps only the live ones.
  const explanations = Object.fromEntries(
    diffs.map((d) => [d.cell, working.explanations[d.cell].normalize('NFC').trim()]),
  );
  const lateness = latenessOf(report.deadline, act.at);
  const number = report.versions.length + 1;
  const frozen: ReportVersion = deepFreeze({
    number,
    content: { ...working, explanations },
    platform: { ...report.platform },
    submittedAt: act.at,
    submittedBy: by,
    lateness,
  });
  return {
    ...report,
    status: 'submitted',
    awaiting: report.reviewChain[0],
    working: null,
    versions: [...report.versions, frozen],
    events: [
      ...report.events,
      {
        kind: 'submitted',
        version: number,
        at: act.at,
        by,
        onTime: lateness.onTime,
        daysLate: lateness.daysLate,
      },
    ],
  };
}

const lastVersion = (report: PeriodicReport): ReportVersion => report.versions[report.versions.length - 1];

const reviewedSinceSubmission = (report: PeriodicReport): boolean =>
  report.events.at(-1)?.kind !== 'submitted';

/**
 * The reporter takes a submission back to correct it — only before anyone has reviewed it and only until the
 * deadline: after the deadline a submitted report is locked, and only a reviewer's return reopens it.
 */
export function withdrawReport(report: PeriodicReport, act: Act): PeriodicReport {
  assertAllowed(report, 'withdraw');
  assertInOrder(report, act.at);
  const what = describe(report);
  if (reviewedSinceSubmission(report)) {
    throw new ConflictError(
      {
        vi: `Không thể rút lại ${what.vi}: đã có cấp xem xét`,
        en: `Cannot withdraw ${what.en}: a reviewer has already acted on it`,
      },
      'periodic-report.already-reviewed',
      'status',
    );
  }
  if (isPastDeadline(report.deadline, act.at)) {
    throw new ConflictError(
      {
        vi: `Không thể rút lại ${what.vi}: đã quá hạn ngày ${report.deadline.lastOnTimeDay}, báo cáo đã khóa`,
        en: `Cannot withdraw ${what.en}: the deadline (${report.deadline.lastOnTimeDay}) has passed and the report is locked`,
      },
      'periodic-report.locked-after-deadline',
      'at',
    );
  }
  const by = requireText(act.by, 'by', { vi: 'người rút lại', en: 'The person withdrawing' });
  const last = lastVersion(report);
  return {
    ...report,
    status: 'draft',
    awaiting: null,
    working: { ...last.content, explanations: { ...last.content.explanations } },
    events: [...report.events, { kind: 'withdrawn', version: last.number, at: act.at, by }],
  };
}

export interface Review extends Act {
  /** The level the reviewer acts for; it must be the level the report awaits. */
  level: ReviewLevel;
}

function assertReviewer(report: PeriodicReport, review: Review): string {
  assertAllowed(report, 'review');
  assertInOrder(report, review.at);
  if (review.level !== report.awaiting) {
    const awaiting = reviewLevelNames[report.awaiting as ReviewLevel];
    throw new ConflictError(
      {
        vi: `Báo cáo đang chờ ${awaiting.vi} xem xét, không phải ${reviewLevelNames[review.level].vi}`,
        en: `The report awaits ${awaiting.en}, not ${reviewLevelNames[review.level].en}`,
      },
      'periodic-report.wrong-review-level',
      'level',
    );
  }
  const by = requireText(review.by, 'by', { vi: 'người xem xét', en: 'The reviewer' });
  if (by === lastVersion(report).submittedBy) {
    throw new RuleViolationError(
      {
        vi: 'Người gửi báo cáo không được tự duyệt hoặc trả lại báo cáo của mình',
        en: 'The submitter cannot review their own report',
      },
      'periodic-report.self-review',
      'by',
    );
  }
  return by;
}

/** Approves at the awaited level: the next level then reviews it; the last level's approval makes it count. */
export function approveReport(report: PeriodicReport, review: Review): PeriodicReport {
  const by = assertReviewer(report, review);
  const index = report.reviewChain.indexOf(review.level);
  const final = index === report.reviewChain.length - 1;
  const { number } = lastVersion(report);
  return {
    ...report,
    status: final ? 'approved' : 'submitted',
    awaiting: final ? null : report.reviewChain[index + 1],
    approvedVersion: final ? number : report.approvedVersion,
    events: [
      ...report.events,
      { kind: 'approved', version: number, at: review.at, by, level: review.level, final },
    ],
  };
}

/** Returns the report to its reporter with a reason, from any level; they correct the returned version's content. */
export function returnReport(report: PeriodicReport, review: Review & { reason: string }): PeriodicReport {
  const by = assertReviewer(report, review);
  const reason = requireText(review.reason, 'reason', {
    vi: 'lý do trả lại',
    en: 'The reason for returning it',
  });
  const last = lastVersion(report);
  return {
    ...report,
    status: 'returned',
    awaiting: null,
    working: { ...last.content, explanations: { ...last.content.explanations } },
    events: [
      ...report.events,
      { kind: 'returned', version: last.number, at: review.at, by, level: review.level, reason },
    ],
  };
}

/**
 * Reopens an approved report for correction: only with a reason and the approval of someone other than the
 * person asking. The approved version keeps counting until a correction is approved in turn.
 */
export function reopenReport(
  report: PeriodicReport,
  request: { requestedBy: string; approvedBy: string; reason: string; at: Instant },
): PeriodicReport {
  assertAllowed(report, 'reopen');
  assertInOrder(report, request.at);
  const reason = requireText(request.reason, 'reason', {
    vi: 'lý do mở lại',
    en: 'The reason for reopening',
  });
  const requestedBy = requireText(request.requestedBy, 'requestedBy', {
    vi: 'người đề nghị mở lại',
    en: 'The person asking to reopen',
  });
  const approvedBy = request.approvedBy.normalize('NFC').trim();
  if (!approvedBy || approvedBy === requestedBy) {
    throw new RuleViolationError(
      {
        vi: 'Mở lại báo cáo đã duyệt phải được một người khác với người đề nghị phê duyệt',
        en: 'Reopening an approved report needs the approval of someone other than the person asking',
      },
      'periodic-report.reopen-approver',
      'approvedBy',
    );
  }
  const approved = report.versions[(report.approvedVersion as number) - 1];
  return {
    ...report,
    status: 'draft',
    working: { ...approved.content, explanations: { ...approved.content.explanations } },
    events: [
      ...report.events,
      { kind: 'reopened', version: approved.number, at: request.at, requestedBy, approvedBy, reason },
    ],
  };
}

/** The content that counts for the period, or null before any final approval. */
export function approvedContent(report: PeriodicReport): ReportContent | null {
  return report.approvedVersion === null ? null : report.versions[report.approvedVersion - 1].content;
}

/**
 * The submission the period's timeliness is judged by: the first one not withdrawn. A correction after a return
 * or a reopening does not make an on-time report late, nor a late one on time.
 */
export function countedSubmission(report: PeriodicReport): ReportVersion | null {
  const withdrawn = new Set(report.events.flatMap((e) => (e.kind === 'withdrawn' ? [e.version] : [])));
  return report.versions.find((v) => !withdrawn.has(v.number)) ?? null;
}
