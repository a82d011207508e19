import { z } from 'zod';
import { xlsxUpload } from './spreadsheet-upload';
import { reportHistoryImportView } from './report-history-import';
import { ruleIssue, say } from '../messages';
import { isoDate, provinceCode, text } from '../primitives';

/**
 * Periodic reports of the provinces (issue 16, docs/design/periodic-reports.md): forms as versioned data,
 * reports opened pre-filled with the platform's figures, submitted, reviewed level by level, reopened only with
 * a recorded approval; the calendar of what is due, completeness per region and nation, the notification list
 * and the API clients' webhooks.
 */

const bilingual = z.object({ vi: z.string(), en: z.string() });

export const periodicReportStatuses = ['draft', 'submitted', 'returned', 'approved'] as const;
export type PeriodicReportStatus = (typeof periodicReportStatuses)[number];
export const reviewLevels = ['province', 'agency'] as const;
export const reportFrequencies = ['month', 'quarter', 'half-year', 'year'] as const;
export const reporterKinds = ['provincial-department', 'implementing-unit', 'certificate-holder'] as const;
/**
 * How the submission that counts came in: a periodic report, or — for the implementing units' monthly form — the
 * monthly progress report the projects service received for the month (the earlier of the two counts).
 */
export const submissionChannels = ['periodic-report', 'progress-report'] as const;

/** `2026-M03`, `2026-Q1`, `2026-H1`, `2026-Y`. */
export const reportPeriodId = z
  .string()
  .regex(
    /^(20[1-9]\d|2100)-(M(0[1-9]|1[0-2])|Q[1-4]|H[12]|Y)$/,
    say(
      'phải là kỳ báo cáo dạng 2026-M03, 2026-Q1, 2026-H1 hoặc 2026-Y (từ năm 2018)',
      'must be a period such as 2026-M03, 2026-Q1, 2026-H1 or 2026-Y (from 2018)',
    ),
  )
  .refine((id) => Number(id.slice(0, 4)) >= 2018, {
    ...ruleIssue('period-year', 'phải từ năm 2018', 'must be from 2018 on'),
  });

export const formIdSchema = z
  .string()
  .regex(/^[a-z0-9-]{1,60}$/, say('phải là mã biểu mẫu', 'must be a form id'));

// ---- forms -------------------------------------------------------------------------------------------------

const deadlineRuleView = z.object({
  monthsAfterPeriodEnd: z.number().int(),
  day: z.union([z.number().int(), z.literal('last')]),
  bound: z.enum(['on-or-before', 'before']),
  ifDayOff: z.enum(['keep', 'next-working-day']),
  basis: bilingual,
  assumption: z.boolean(),
});

const indicatorView = z.object({
  kind: z.enum(['entered', 'ratio']),
  key: z.string(),
  label: bilingual,
  measure: z.enum(['count', 'vnd']).optional(),
  breakdown: z.enum(['activity-content', 'award-level']).optional(),
  platformSource: z.string().nullable().optional(),
  required: z.boolean().optional(),
  numerator: z.string().optional(),
  denominator: z.string().optional(),
});

const cellView = z.object({
  key: z.string(),
  indicatorKey: z.string(),
  member: z.string().nullable(),
  label: bilingual,
  measure: z.enum(['count', 'vnd']),
  platformSource: z.string().nullable(),
  required: z.boolean(),
});

export const formVersionSummary = z.object({
  version: z.number().int().min(1),
  effectiveFrom: isoDate,
  publishedOn: isoDate,
});

export const reportFormView = z.object({
  id: z.string(),
  title: bilingual,
  reporter: z.enum(reporterKinds),
  reportsTo: bilingual,
  frequency: z.enum(reportFrequencies),
  basis: bilingual,
  versions: z.array(formVersionSummary),
});
export type ReportFormView = z.infer<typeof reportFormView>;
export const reportFormList = z.object({ items: z.array(reportFormView) });

/** One version in full, with its cells spelled out: what a provincial system builds its own screen from. */
export const reportFormVersionView = z.object({
  formId: z.string(),
  title: bilingual,
  reporter: z.enum(reporterKinds),
  frequency: z.enum(reportFrequencies),
  version: z.number().int().min(1),
  effectiveFrom: isoDate,
  publishedOn: isoDate,
  reviewChain: z.array(z.enum(reviewLevels)),
  deadline: deadlineRuleView,
  submissionOpens: z.enum(['period-start', 'period-end']),
  sections: z.array(z.object({ key: z.string(), title: bilingual, indicators: z.array(indicatorView) })),
  narratives: z.array(
    z.object({ key: z.string(), label: bilingual, required: z.boolean(), maxLength: z.number().int() }),
  ),
  attachments: z.array(
    z.object({
      key: z.string(),
      label: bilingual,
      required: z.boolean(),
      mediaTypes: z.array(z.string()),
      maxBytes: z.number().int(),
      maxFiles: z.number().int(),
    }),
  ),
  cells: z.array(cellView),
});
export type ReportFormVersionView = z.infer<typeof reportFormVersionView>;

export const formParams = z.strictObject({ formId: formIdSchema });
export const formVersionParams = z.strictObject({
  formId: formIdSchema,
  version: z.coerce
    .number()
    .int(say('phải là số nguyên', 'must be a whole number'))
    .min(1, say('phải từ 1', 'must be 1 or more')),
});

// ---- reports -----------------------------------------------------------------------------------------------

const cellKey = z
  .string()
  .regex(/^[A-Za-z0-9]{1,60}(\/[a-z0-9-]{1,30})?$/, say('phải là mã ô của biểu mẫu', 'must be a cell key'));
const cellValue = z
  .number({ message: say('phải là một số', 'must be a number') })
  .int(say('phải là số nguyên', 'must be a whole number'))
  .min(0, say('không được âm', 'must not be negative'))
  .max(Number.MAX_SAFE_INTEGER, say('quá lớn', 'is too large'));
const narrativeKey = z.string().regex(/^[A-Za-z0-9]{1,60}$/, say('phải là mã mục', 'must be a field key'));

export const openPeriodicReportRequest = z.strictObject({
  formId: formIdSchema,
  period: reportPeriodId,
  provinceCode,
  /**
   * The reporter inside the province: for the department's forms the province code (the default); for the
   * implementing units' monthly report the project's id; for the certificate holders' report the facility's tax code.
   */
  reporterId: z
    .string()
    .regex(/^[A-Za-z0-9.-]{1,60}$/, say('phải là mã đơn vị báo cáo', 'must be a reporter id'))
    .optional(),
});
export type OpenPeriodicReportRequest = z.infer<typeof openPeriodicReportRequest>;

const attachment = z.strictObject({
  slot: narrativeKey,
  fileName: text(255),
  mediaType: z.string().min(1).max(200),
  bytes: z.number().int().min(1),
  sha256: z
    .string()
    .regex(
      /^[0-9a-f]{64}$/,
      say('phải là SHA-256 (64 ký tự hex thường)', 'must be a SHA-256 (64 lower-case hex)'),
    ),
});

/** What is given replaces what was there; what is left out stays. */
export const editPeriodicReportRequest = z.strictObject({
  values: z.record(cellKey, cellValue).optional(),
  explanations: z.record(cellKey, z.string().max(5_000)).optional(),
  narratives: z.record(narrativeKey, z.string().max(50_000)).optional(),
  attachments: z.array(attachment).max(50).optional(),
});
export type EditPeriodicReportRequest = z.infer<typeof editPeriodicReportRequest>;

export const returnPeriodicReportRequest = z.strictObject({ reason: text(5_000) });
export const reopenPeriodicReportRequest = z.strictObject({ reason: text(5_000) });
export const reopenRequestIdParams = z.strictObject({ id: z.uuid(), requestId: z.uuid() });

const valuesView = z.record(z.string(), z.number().int());
const contentView = z.object({
  entered: valuesView,
  explanations: z.record(z.string(), z.string()),
  narratives: z.record(z.string(), z.string()),
  attachments: z.array(
    z.object({
      slot: z.string(),
      fileName: z.string(),
      mediaType: z.string(),
      bytes: z.number().int(),
      sha256: z.string(),
    }),
  ),
});

/** …/periodic-reports/:id/attachments/:sha256 — a declared attachment's file, by its SHA-256 within the report. */
export const attachmentFileParams = z.strictObject({
  id: z.uuid(),
  sha256: z
    .string()
    .regex(
      /^[0-9a-f]{64}$/,
      say('phải là SHA-256 (64 ký tự hex thường)', 'must be a SHA-256 (64 lower-case hex)'),
    ),
});

/** What the platform holds of a declared attachment's file. */
export const attachmentFileView = z.object({
  sha256: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  /** The bytes received so far (…/attachments/:sha256/content); all of them once whole. */
  receivedBytes: z.number().int(),
  /** Every byte is in and hashes to `sha256` (computed by the service): it may be submitted and downloaded. */
  complete: z.boolean(),
});
export type AttachmentFileView = z.infer<typeof attachmentFileView>;

export const periodicReportView = z.object({
  id: z.uuid(),
  formId: z.string(),
  formVersion: z.number().int(),
  period: z.string(),
  periodLabel: bilingual,
  provinceCode: z.string(),
  reporterId: z.string(),
  status: z.enum(periodicReportStatuses),
  awaiting: z.enum(reviewLevels).nullable(),
  reviewChain: z.array(z.enum(reviewLevels)),
  deadline: z.object({
    namedDay: isoDate,
    lastOnTimeDay: isoDate,
    lateFrom: z.string(),
    moved: z.boolean(),
    calendarVersion: z.string().nullable(),
    assumption: z.boolean(),
  }),
  /** The platform's figures for the unit and period (blank cells are absent: the platform does not know them). */
  platform: valuesView,
  working: contentView.nullable(),
  /** While a draft or returned: the cells that differ from the platform's figures, and whether explained. */
  differences: z.array(
    z.object({
      cell: z.string(),
      label: bilingual,
      platform: z.number().int(),
      entered: z.number().int().nullable(),
      delta: z.number().int().nullable(),
      explained: z.boolean(),
    }),
  ),
  versions: z.array(
    z.object({
      number: z.number().int(),
      submittedAt: z.string(),
      submittedBy: z.string(),
      submittedOn: isoDate,
      onTime: z.boolean(),
      daysLate: z.number().int(),
      content: contentView,
      platform: valuesView,
    }),
  ),
  approvedVersion: z.number().int().nullable(),
  events: z.array(
    z.object({
      kind: z.enum(['opened', 'submitted', 'withdrawn', 'approved', 'returned', 'reopened']),
      at: z.string(),
      by: z.string(),
      version: z.number().int().nullable(),
      level: z.enum(reviewLevels).nullable(),
      reason: z.string().nullable(),
      approvedBy: z.string().nullable(),
    }),
  ),
  reopenRequest: z
    .object({ id: z.uuid(), reason: z.string(), requestedBy: z.string(), requestedAt: z.string() })
    .nullable(),
  /** Set when the report was recorded from its past (paper, a legacy system) by the history import: who, when. */
  recordedFromHistory: z.object({ recordedBy: z.string(), recordedAt: z.string() }).nullable(),
  /** The files held for the attachments of the working content and the versions, by SHA-256. */
  files: z.array(attachmentFileView).optional(),
});
export type PeriodicReportView = z.infer<typeof periodicReportView>;

export const periodicReportListItem = z.object({
  id: z.uuid(),
  formId: z.string(),
  formVersion: z.number().int(),
  period: z.string(),
  provinceCode: z.string(),
  reporterId: z.string(),
  status: z.enum(periodicReportStatuses),
  awaiting: z.enum(reviewLevels).nullable(),
  lastOnTimeDay: isoDate,
  submittedAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
  daysLate: z.number().int().nullable(),
});
export type PeriodicReportListItem = z.infer<typeof periodicReportListItem>;

export const periodicReportsQuery = z.strictObject({
  formId: formIdSchema.optional(),
  period: reportPeriodId.optional(),
  provinceCode: provinceCode.optional(),
  status: z.enum(periodicReportStatuses).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PeriodicReportsQuery = z.infer<typeof periodicReportsQuery>;

// ---- calendar and completeness -----------------------------------------------------------------------------

export const reportCalendarQuery = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    provinceCode: provinceCode.optional(),
  })
  .refine((q) => q.from <= q.to, {
    ...ruleIssue('date-order', 'phải không sau to', 'must not be after to'),
    path: ['from'],
  })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, {
    ...ruleIssue('window', 'khoảng ngày tối đa 366 ngày', 'the window is at most 366 days'),
    path: ['to'],
  });

export const reportCalendarView = z.object({
  from: isoDate,
  to: isoDate,
  today: isoDate,
  items: z.array(
    z.object({
      formId: z.string(),
      formTitle: bilingual,
      /** Who files the form: the unit itself, a project's implementing unit, a certificate holder. */
      reporter: z.enum(reporterKinds),
      period: z.string(),
      periodLabel: bilingual,
      provinceCode: z.string(),
      /** The unit's code, the project's id, or the holding facility's tax code (what `reporterId` opens with). */
      reporterId: z.string(),
      /** The unit's name, the project's code and title, or the facility's name. */
      reporterName: z.string(),
      lastOnTimeDay: isoDate,
      daysLeft: z.number().int(),
      reportId: z.uuid().nullable(),
      status: z.enum([...periodicReportStatuses, 'not-opened']),
      timeliness: z.enum(['on-time', 'late', 'overdue', 'not-yet-due']),
      /** The channel of the submission that counts; null while none does (the service always sets it). */
      submittedVia: z.enum(submissionChannels).nullable().optional(),
    }),
  ),
});
export type ReportCalendarView = z.infer<typeof reportCalendarView>;

export const completenessQuery = z.strictObject({
  formId: formIdSchema,
  period: reportPeriodId,
  /** Forms with many reporters per unit: list the reporters of this unit only (the counts stay whole). */
  provinceCode: provinceCode.optional(),
});

const shareView = z.object({ count: z.number().int(), of: z.number().int(), percent: bilingual.nullable() });
const countsView = z.object({
  units: z.number().int(),
  submitted: shareView,
  onTime: shareView,
  late: shareView,
  overdue: shareView,
  notYetDue: shareView,
  approved: shareView,
  returned: shareView,
  awaitingReview: shareView,
  /** Of those awaiting review: waiting for the province (implementing units' reports), for the agency. */
  awaitingProvince: shareView,
  awaitingAgency: shareView,
  reopened: shareView,
  onTimeOfSubmitted: shareView,
});

const regionCodeView = z.enum(['north', 'central', 'south']);
const standingView = {
  provinceCode: z.string(),
  regionCode: regionCodeView,
  timeliness: z.enum(['on-time', 'late', 'overdue', 'not-yet-due']),
  daysLate: z.number().int(),
  review: z.enum(['awaiting-review', 'returned', 'approved', 'reopened', 'none']),
  awaiting: z.enum(reviewLevels).nullable(),
};

/**
 * Nation, regions and units are counted from the same reporter rows, so units add up to their region and regions
 * to the nation. A department's form has one reporter per unit (`units` names them, to everyone); the implementing
 * units' and certificate holders' forms have many per unit (`units` is empty; `provinces` counts them, and
 * `reporters` lists those the caller may see: all for the agency, the unit's own for a province officer, itself
 * for a business user, none for other roles).
 */
export const completenessView = z.object({
  formId: z.string(),
  reporter: z.enum(reporterKinds),
  period: z.string(),
  periodLabel: bilingual,
  lastOnTimeDay: isoDate,
  asOf: z.string(),
  nation: countsView,
  regions: z.object({ north: countsView, central: countsView, south: countsView }),
  provinces: z.array(z.object({ provinceCode: z.string(), regionCode: regionCodeView, counts: countsView })),
  units: z.array(z.object(standingView)),
  reporters: z.array(
    z.object({
      reporterId: z.string(),
      name: z.string(),
      ...standingView,
      /** The channel of the submission that counts (review stays `none` for a progress report alone); null: none. */
      submittedVia: z.enum(submissionChannels).nullable(),
    }),
  ),
  /** Certificates valid in the year whose holder the platform does not know yet: not placed in any count. */
  holdersUnknown: z.number().int().min(0),
});
export type CompletenessView = z.infer<typeof completenessView>;

// ---- notifications -----------------------------------------------------------------------------------------

export const notificationKinds = ['reminder', 'due-today', 'overdue', 'returned', 'approved'] as const;

export const notificationView = z.object({
  id: z.uuid(),
  kind: z.enum(notificationKinds),
  provinceCode: z.string(),
  /** The project or facility the notice is about; null for the department's own report. */
  reporterId: z.string().nullable(),
  formId: z.string(),
  period: z.string(),
  reportId: z.uuid().nullable(),
  message: bilingual,
  createdAt: z.string(),
  read: z.boolean(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationsQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

// ---- webhooks ----------------------------------------------------------------------------------------------

export const webhookEventKinds = [
  'periodic-report.returned',
  'periodic-report.approved',
  'periodic-report.reminder',
  'periodic-report.overdue',
] as const;
export type WebhookEventKind = (typeof webhookEventKinds)[number];

export const clientParams = z.strictObject({
  /** An API client's id (the gateway gives each a UUID). */
  clientId: z.uuid(say('phải là mã hệ thống tích hợp (UUID)', "must be an API client's id (a UUID)")),
});
export const subscriptionParams = z.strictObject({
  clientId: clientParams.shape.clientId,
  subscriptionId: z.uuid(),
});
export const webhookDeliveryParams = subscriptionParams.extend({ deliveryId: z.uuid() });

/** What a delivery carries: the subscribed notices, and the test event a client asks for (never subscribed to). */
export const webhookDeliveryKinds = [...webhookEventKinds, 'webhook.ping'] as const;
export const webhookDeliveryStatuses = ['pending', 'delivered', 'given-up', 'cancelled'] as const;

const webhookUrl = z
  .url(say('phải là một URL', 'must be a URL'))
  .max(2_000)
  .refine(
    (u) => /^https?:\/\//.test(u),
    ruleIssue('url-scheme', 'phải là http hoặc https', 'must be http or https'),
  );
const webhookEvents = z
  .array(z.enum(webhookEventKinds))
  .min(1, say('phải chọn ít nhất một loại sự kiện', 'must name at least one event kind'))
  .refine((e) => new Set(e).size === e.length, ruleIssue('unique', 'không được lặp', 'must not repeat'));

export const createWebhookRequest = z.strictObject({ url: webhookUrl, events: webhookEvents });
export type CreateWebhookRequest = z.infer<typeof createWebhookRequest>;

/** A change of URL, event kinds or pause (`active: false`): what is left out stays as it is. */
export const updateWebhookRequest = z
  .strictObject({
    url: webhookUrl.optional(),
    events: webhookEvents.optional(),
    active: z.boolean().optional(),
  })
  .refine(
    (b) => b.url !== undefined || b.events !== undefined || b.active !== undefined,
    ruleIssue(
      'empty-change',
      'phải nêu ít nhất một thay đổi',
      'must change at least one of url, events, active',
    ),
  );
export type UpdateWebhookRequest = z.infer<typeof updateWebhookRequest>;

export const webhookListQuery = z.strictObject({
  /** Unsubscribed endpoints are left out unless asked for (their delivery log stays readable by id). */
  includeUnsubscribed: z.enum(['true', 'false']).default('false'),
});

/**
 * How long the replaced secret keeps signing beside the new one: 0 (a leaked secret) to 86 400 seconds, by
 * default the whole day (the domain's SECRET_OVERLAP_SECONDS).
 */
export const rotateWebhookSecretRequest = z.strictObject({
  overlapSeconds: z
    .number()
    .int(say('phải là số giây nguyên', 'must be whole seconds'))
    .min(0, say('không được âm', 'must not be negative'))
    .max(86_400, say('tối đa 86 400 giây (24 giờ)', 'must be at most 86,400 seconds (24 h)'))
    .optional(),
});
export type RotateWebhookSecretRequest = z.infer<typeof rotateWebhookSecretRequest>;

export const webhookSubscriptionView = z.object({
  id: z.uuid(),
  clientId: z.string(),
  provinceCode: z.string().nullable(),
  url: z.string(),
  events: z.array(z.enum(webhookEventKinds)),
  active: z.boolean(),
  createdAt: z.string(),
  /** When the secret was last rotated (never: null). */
  secretRotatedAt: z.string().nullable(),
  /** While the replaced secret still signs beside the new one: when it stops. */
  previousSecretExpiresAt: z.string().nullable(),
  /** Unsubscribed: nothing is sent any more, its pending deliveries were cancelled, its log stays. */
  unsubscribedAt: z.string().nullable(),
});
/** Only the answer to the creation carries the secret: it is shown once and never again. */
export const createdWebhookView = webhookSubscriptionView.extend({ secret: z.string() });
/** The answer to a rotation: the new secret, shown once (a retry with the same Idempotency-Key shows it again). */
export const webhookSecretRotationView = z.object({
  subscriptionId: z.uuid(),
  rotation: z.number().int().min(1),
  secret: z.string(),
  rotatedAt: z.string(),
  previousSecretExpiresAt: z.string().nullable(),
});

export const webhookDeliveriesQuery = z.strictObject({
  status: z.enum(webhookDeliveryStatuses).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const webhookDeliveryView = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  kind: z.enum(webhookDeliveryKinds),
  status: z.enum(webhookDeliveryStatuses),
  attempts: z.array(
    z.object({
      number: z.number().int(),
      at: z.string(),
      httpStatus: z.number().int().nullable(),
      latencyMs: z.number().int(),
      error: z.string().nullable(),
    }),
  ),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  /** How often it was redriven after giving up, and the last time. */
  redrives: z.number().int().min(0),
  redrivenAt: z.string().nullable(),
  createdAt: z.string(),
});
export type WebhookDeliveryView = z.infer<typeof webhookDeliveryView>;

// ---- past periods recorded from history --------------------------------------------------------------------

/** At most this many records per history import: bounds one call's transaction (the gateway waits 10 s). */
export const MAX_PERIODIC_REPORT_HISTORY_RECORDS = 150;

/** An instant with its offset (`2026-04-14T09:30:00+07:00`): the Vietnamese day of a step is then unambiguous. */
const recordedInstant = z.iso.datetime({
  offset: true,
  message: say(
    'phải là thời điểm ISO 8601 có múi giờ, ví dụ 2026-04-14T09:30:00+07:00',
    'must be an ISO 8601 instant with its offset, e.g. 2026-04-14T09:30:00+07:00',
  ),
});

const recordedReview = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('returned'), at: recordedInstant, by: text(200), reason: text(5_000) }),
  z.strictObject({ outcome: z.literal('approved'), at: recordedInstant, by: text(200) }),
]);

/** One version as it was really submitted, with its true instant; cells left out keep the platform's figure. */
const recordedVersion = z.strictObject({
  values: z.record(cellKey, cellValue),
  explanations: z.record(cellKey, z.string().max(5_000)).optional(),
  narratives: z.record(narrativeKey, z.string().max(50_000)),
  attachments: z.array(attachment).max(50).optional(),
  submittedAt: recordedInstant,
  /** The submitter as written on the report (a name, not a platform account). */
  submittedBy: text(200),
  review: recordedReview.optional(),
});

/** One unit's report for one period as it really went: every version but the last was returned. */
export const periodicReportHistoryRecord = z
  .strictObject({
    formId: formIdSchema,
    period: reportPeriodId,
    provinceCode,
    versions: z.array(recordedVersion).min(1).max(10),
  })
  .superRefine((record, ctx) => {
    record.versions.slice(0, -1).forEach((v, i) => {
      if (v.review?.outcome !== 'returned')
        ctx.addIssue({
          ...ruleIssue(
            'returned-before-next-version',
            'phiên bản sau chỉ có khi phiên bản này bị trả lại: phải ghi lần trả lại (outcome returned)',
            'a later version exists only if this one was returned: record its return (outcome returned)',
          ),
          path: ['versions', i, 'review'],
        });
    });
  });
export type PeriodicReportHistoryRecord = z.infer<typeof periodicReportHistoryRecord>;

/**
 * POST /api/v1/periodic-reports/history-imports — the agency records past periods' reports with their true
 * submission and review instants: each record creates the report once (by form, period and unit), judged by the
 * live rules, its lateness computed from the recorded submission instant.
 */
export const periodicReportHistoryImportRequest = z
  .strictObject({
    records: z.array(periodicReportHistoryRecord).min(1).max(MAX_PERIODIC_REPORT_HISTORY_RECORDS),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.records.forEach((r, i) => {
      const key = `${r.formId}|${r.period}|${r.provinceCode}`;
      if (seen.has(key))
        ctx.addIssue({
          ...ruleIssue(
            'no-repeats',
            'biểu mẫu, kỳ và đơn vị này đã xuất hiện ở bản ghi trước',
            'this form, period and unit appear in an earlier record',
          ),
          path: ['records', i, 'period'],
        });
      seen.add(key);
    });
  });
export type PeriodicReportHistoryImportRequest = z.infer<typeof periodicReportHistoryImportRequest>;

export const periodicReportHistoryImportView = reportHistoryImportView(
  { formId: z.string(), period: z.string(), provinceCode: z.string() },
  {
    status: z.enum(periodicReportStatuses),
    onTime: z.boolean(),
    daysLate: z.number().int().min(0),
  },
);
export type PeriodicReportHistoryImportView = z.infer<typeof periodicReportHistoryImportView>;

// ---- Excel: template per form version, import into a report -------------------------------------------------

/** GET …/template.xlsx — with `reportId`, the platform's column and the report's working values are filled in. */
export const formTemplateQuery = z.strictObject({ reportId: z.uuid().optional() });

/** POST /api/v1/periodic-reports/:id/imports — the filled-in template (.xlsx): a dry run, or all cells or none. */
export const periodicReportImportRequest = z.strictObject({
  ...xlsxUpload,
  /** Check everything and write nothing. */
  dryRun: z.boolean().default(false),
});
export type PeriodicReportImportRequest = z.infer<typeof periodicReportImportRequest>;

export const periodicReportImportProblem = z.object({
  sheet: z.string(),
  /** Sheet row number as Excel shows it. */
  row: z.number().int().min(1),
  /** Column letter, or null for a problem with a whole row or the sheet. */
  column: z.string().nullable(),
  /** The cell key (`kcqgAllocatedVnd/content-3`) or narrative key the problem is about, when there is one. */
  indicator: z.string().nullable(),
  rule: z.string(),
  message: z.string(),
});
export type PeriodicReportImportProblem = z.infer<typeof periodicReportImportProblem>;

export const periodicReportImportView = z.object({
  reportId: z.uuid(),
  fileName: z.string(),
  dryRun: z.boolean(),
  /** Whether the report's content was written (never for a dry run, never when a cell has a problem). */
  written: z.boolean(),
  values: z.number().int().min(0),
  explanations: z.number().int().min(0),
  narratives: z.number().int().min(0),
  problems: z.array(periodicReportImportProblem),
  /** After a real run: the report as it now stands (still a draft or returned: an import never submits). */
  report: periodicReportView.nullable(),
});
export type PeriodicReportImportView = z.infer<typeof periodicReportImportView>;
