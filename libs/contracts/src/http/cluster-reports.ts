import { z } from 'zod';
import { xlsxUpload } from './spreadsheet-upload';
import { reportHistoryImportView } from './report-history-import';
import { ruleIssue, say } from '../messages';
import { isoDate, provinceCode, text, vnd, year } from '../primitives';
import { clusterCode } from './clusters';

/** Circular 14/2024: a six-monthly report (cut-off 14 June) or the annual one (cut-off 14 December). */
export const reportPeriodKinds = ['six-monthly', 'annual'] as const;
export const reportPeriod = z.strictObject({ kind: z.enum(reportPeriodKinds), year });
export type ReportPeriodBody = z.infer<typeof reportPeriod>;

export const clusterReportStatuses = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ClusterReportStatus = (typeof clusterReportStatuses)[number];
export const clusterReportStatusLabels: Record<ClusterReportStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi',
  returned: 'Trả lại để chỉnh sửa',
  approved: 'Đã duyệt',
};

const centiHa = z
  .number({ message: say('phải là số phần trăm héc-ta', 'must be a number of hundredths of a hectare') })
  .int(say('phải là số nguyên (phần trăm héc-ta)', 'must be whole hundredths of a hectare'))
  .min(0, say('không được âm', 'must not be negative'))
  .max(10_000_000, say('quá lớn', 'is too large'));
const count = z
  .number({ message: say('phải là một số', 'must be a number') })
  .int(say('phải là số nguyên', 'must be a whole number'))
  .min(0, say('không được âm', 'must not be negative'))
  .max(100_000_000, say('quá lớn', 'is too large'));

const areas = z.strictObject({
  totalCentiHa: centiHa,
  industrialCentiHa: centiHa,
  leasableCentiHa: centiHa,
  leasedCentiHa: centiHa,
});

/** Areas nest: leased ≤ leasable ≤ industrial ≤ total; each refusal names the inner figure. */
function nestedAreas(value: z.infer<typeof areas>, ctx: z.RefinementCtx, path: (string | number)[]) {
  const layers = ['totalCentiHa', 'industrialCentiHa', 'leasableCentiHa', 'leasedCentiHa'] as const;
  for (let i = 1; i < layers.length; i++) {
    if (value[layers[i]] > value[layers[i - 1]]) {
      ctx.addIssue({
        ...ruleIssue('area-nesting', `không được vượt ${layers[i - 1]}`, `must not exceed ${layers[i - 1]}`),
        path: [...path, 'areas', layers[i]],
      });
    }
  }
}

/**
 * The developer's form (Biểu 02) of a cluster at the cut-off: areas in hundredths of a hectare, money in
 * integer VND, every figure known. Null plant: the cluster has none, not even planned.
 */
export const clusterReportFigures = z
  .strictObject({
    areas,
    infrastructureInvestment: z.strictObject({ registeredVnd: vnd, realisedVnd: vnd }),
    tenants: z.strictObject({ projects: count, operatingProjects: count, firms: count, workers: count }),
    wastewaterPlant: z
      .strictObject({
        status: z.enum(['planned', 'under-construction', 'in-use']),
        capacityM3PerDay: count,
      })
      .nullable(),
  })
  .superRefine((f, ctx) => {
    nestedAreas(f.areas, ctx, []);
    for (const field of ['operatingProjects', 'firms'] as const) {
      if (f.tenants[field] > f.tenants.projects)
        ctx.addIssue({
          ...ruleIssue(
            'tenant-counts',
            'không được vượt tenants.projects',
            'must not exceed tenants.projects',
          ),
          path: ['tenants', field],
        });
    }
  });
export type ClusterReportFiguresBody = z.infer<typeof clusterReportFigures>;

/** The department's form (Biểu 04): its clusters' figures summed, as the roll-up gives them or corrected. */
export const provinceReportFigures = z
  .strictObject({
    clusters: z.strictObject({ reported: count, approved: count }),
    areas,
    infrastructureInvestment: z.strictObject({ registeredVnd: vnd, realisedVnd: vnd }),
    tenants: z.strictObject({ projects: count, operatingProjects: count, firms: count, workers: count }),
    wastewater: z.strictObject({
      clustersWithPlant: count,
      clustersWithPlantInUse: count,
      capacityInUseM3PerDay: count,
    }),
  })
  .superRefine((f, ctx) => {
    nestedAreas(f.areas, ctx, []);
    if (f.clusters.approved > f.clusters.reported)
      ctx.addIssue({
        ...ruleIssue(
          'cluster-counts',
          'không được vượt clusters.reported',
          'must not exceed clusters.reported',
        ),
        path: ['clusters', 'approved'],
      });
    if (f.wastewater.clustersWithPlantInUse > f.wastewater.clustersWithPlant)
      ctx.addIssue({
        ...ruleIssue(
          'plant-counts',
          'không được vượt wastewater.clustersWithPlant',
          'must not exceed wastewater.clustersWithPlant',
        ),
        path: ['wastewater', 'clustersWithPlantInUse'],
      });
  });
export type ProvinceReportFiguresBody = z.infer<typeof provinceReportFigures>;

/**
 * POST /api/v1/cluster-reports — opens a draft: a cluster's report (by its id) or a province's (by its code).
 * A province's report without figures starts from the roll-up of its approved cluster reports.
 */
export const openClusterReportRequest = z.union([
  z.strictObject({ clusterId: z.uuid(), period: reportPeriod, figures: clusterReportFigures }),
  z.strictObject({ provinceCode, period: reportPeriod, figures: provinceReportFigures.optional() }),
]);
export type OpenClusterReportRequest = z.infer<typeof openClusterReportRequest>;

/** PUT /api/v1/cluster-reports/:id/figures — the working figures of a draft or returned report. */
export const editClusterReportRequest = z.strictObject({
  figures: z.union([clusterReportFigures, provinceReportFigures]),
});
export type EditClusterReportRequest = z.infer<typeof editClusterReportRequest>;

export const returnClusterReportRequest = z.strictObject({ reason: text(2000) });
export type ReturnClusterReportRequest = z.infer<typeof returnClusterReportRequest>;

/** POST /api/v1/cluster-reports/:id/reopen-requests — asks to reopen an approved report; someone else approves. */
export const reopenClusterReportRequest = z.strictObject({ reason: text(2000) });
export type ReopenClusterReportRequest = z.infer<typeof reopenClusterReportRequest>;

export const reopenRequestParams = z.strictObject({ id: z.uuid(), requestId: z.uuid() });

export const clusterReportsQuery = z.strictObject({
  provinceCode: provinceCode.optional(),
  periodKind: z.enum(reportPeriodKinds),
  year: z.coerce.number().int().min(2000).max(2100),
  /** One cluster's report of the period. */
  clusterId: z.uuid().optional(),
  /** Only reports in this state (`not-opened`: clusters with no report yet). */
  status: z.enum([...clusterReportStatuses, 'not-opened']).optional(),
  /** `true`: nothing submitted and the deadline passed; `false`: the others. */
  overdue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ClusterReportsQuery = z.infer<typeof clusterReportsQuery>;

export const clusterReportPeriodQuery = z.strictObject({
  provinceCode: provinceCode.optional(),
  periodKind: z.enum(reportPeriodKinds),
  year: z.coerce.number().int().min(2000).max(2100),
});
export type ClusterReportPeriodQuery = z.infer<typeof clusterReportPeriodQuery>;

export const provincePeriodQuery = z.strictObject({
  provinceCode,
  periodKind: z.enum(reportPeriodKinds),
  year: z.coerce.number().int().min(2000).max(2100),
});
export type ProvincePeriodQuery = z.infer<typeof provincePeriodQuery>;

/**
 * The figures of either form as answers carry them: areas, investment and tenants in both; the plant in the
 * developer's form (02), the cluster counts and wastewater coverage in the department's (04). One object, so
 * OpenAPI 3.0 can state it nullable.
 */
const figuresView = z.object({
  areas,
  infrastructureInvestment: z.object({ registeredVnd: vnd, realisedVnd: vnd }),
  tenants: z.object({ projects: count, operatingProjects: count, firms: count, workers: count }),
  wastewaterPlant: z
    .object({ status: z.enum(['planned', 'under-construction', 'in-use']), capacityM3PerDay: count })
    .nullable()
    .optional(),
  clusters: z.object({ reported: count, approved: count }).optional(),
  wastewater: z
    .object({ clustersWithPlant: count, clustersWithPlantInUse: count, capacityInUseM3PerDay: count })
    .optional(),
});

const deadlineView = z.object({
  /** On time only if submitted before this day (Vietnamese calendar day of the submission). */
  dueBefore: isoDate,
  lastOnTimeDay: isoDate,
  form: z.string(),
  basis: z.string(),
});

export const clusterReportView = z.object({
  id: z.uuid(),
  subjectKind: z.enum(['cluster', 'province']),
  clusterId: z.uuid().nullable(),
  clusterCode: z.string().nullable(),
  provinceCode,
  reporter: z.enum(['developer', 'province']),
  period: reportPeriod,
  periodLabel: z.string(),
  deadline: deadlineView,
  status: z.enum(clusterReportStatuses),
  statusLabel: z.string(),
  /** The figures being edited (draft or returned); null while submitted or approved. */
  working: figuresView.nullable(),
  versions: z.array(
    z.object({
      version: z.number().int().min(1),
      figures: figuresView,
      submittedBy: z.string(),
      submittedAt: z.iso.datetime(),
      /** The calendar day in Việt Nam (Asia/Ho_Chi_Minh) of the submission: what lateness is counted on. */
      submittedOn: isoDate,
      late: z.boolean(),
      daysLate: z.number().int().min(0),
    }),
  ),
  /** The version whose figures count for the period (kept in force through a reopening until another). */
  approvedVersion: z.number().int().min(1).nullable(),
  /** Whether the first submission came in late, and by how many days (a resubmission after a return does not count). */
  late: z.boolean(),
  daysLate: z.number().int().min(0),
  /** Nothing submitted and today (Việt Nam) is past the last on-time day. */
  overdue: z.boolean(),
  events: z.array(
    z.object({
      kind: z.enum(['submitted', 'returned', 'approved', 'reopened']),
      version: z.number().int().min(1),
      on: isoDate,
      at: z.iso.datetime(),
      by: z.string(),
      reason: z.string().nullable(),
      requestedBy: z.string().nullable(),
      approvedBy: z.string().nullable(),
    }),
  ),
  reopenRequests: z.array(
    z.object({
      id: z.uuid(),
      reason: z.string(),
      requestedBy: z.string(),
      requestedAt: z.iso.datetime(),
      status: z.enum(['pending', 'approved']),
      approvedBy: z.string().nullable(),
      approvedAt: z.iso.datetime().nullable(),
    }),
  ),
  openedBy: z.string(),
  openedAt: z.iso.datetime(),
  /**
   * Set when the report was recorded from its past (paper or a legacy system) through the history import, not
   * filed on the platform: who entered it and when. Its submission and review days are the recorded ones.
   */
  recordedFromHistory: z.object({ recordedBy: z.string(), recordedAt: z.iso.datetime() }).nullable(),
});
export type ClusterReportView = z.infer<typeof clusterReportView>;

/** One cluster of a province in a period's list: its report's state, or none opened yet. */
export const clusterReportListItem = z.object({
  clusterId: z.uuid(),
  clusterCode: z.string(),
  clusterName: z.string(),
  provinceCode,
  reportId: z.uuid().nullable(),
  /** `not-opened`: no report yet. */
  status: z.enum([...clusterReportStatuses, 'not-opened']),
  statusLabel: z.string(),
  dueBefore: isoDate,
  firstSubmittedOn: isoDate.nullable(),
  late: z.boolean(),
  daysLate: z.number().int().min(0),
  /** Nothing submitted and the deadline has passed (today in Việt Nam). */
  overdue: z.boolean(),
  /** Calendar days past the last on-time day with nothing submitted; 0 unless overdue. */
  daysOverdue: z.number().int().min(0),
  approvedVersion: z.number().int().min(1).nullable(),
});
export type ClusterReportListItem = z.infer<typeof clusterReportListItem>;

const sumsView = z.object({
  areas: areas,
  /** Leased over leasable of all counted clusters, in basis points (half up); null when none is leasable. */
  occupancyBasisPoints: z.number().int().min(0).nullable(),
  infrastructureInvestment: z.object({ registeredVnd: vnd, realisedVnd: vnd }),
  tenants: z.object({ projects: count, operatingProjects: count, firms: count, workers: count }),
  wastewater: z.object({
    clustersWithPlant: count,
    clustersWithPlantInUse: count,
    capacityInUseM3PerDay: count,
  }),
});

/** GET /api/v1/cluster-report-rollups — a province's approved cluster figures for a period, summed exactly. */
export const provinceRollUpView = sumsView.extend({
  provinceCode,
  period: reportPeriod,
  counted: z.array(z.string()),
  awaitingApproval: z.array(z.string()),
});
export type ProvinceRollUpView = z.infer<typeof provinceRollUpView>;

/** GET /api/v1/cluster-report-database — per province for a period: coverage of the reports and their sums. */
export const clusterReportDatabaseView = z.object({
  period: reportPeriod,
  provinces: z.array(
    sumsView.extend({
      provinceCode,
      /** Clusters expected to report (established or beyond). */
      clustersExpected: count,
      clustersReported: count,
      clustersApproved: count,
      clustersLate: count,
      clustersOverdue: count,
    }),
  ),
  nation: sumsView.extend({
    clustersExpected: count,
    clustersReported: count,
    clustersApproved: count,
    clustersLate: count,
    clustersOverdue: count,
  }),
});
export type ClusterReportDatabaseView = z.infer<typeof clusterReportDatabaseView>;

/** POST /api/v1/cluster-report-imports — a province's period of cluster reports from one sheet. */
export const clusterReportImportRequest = z.strictObject({
  provinceCode,
  period: reportPeriod,
  ...xlsxUpload,
  /** Check every cell and write nothing. */
  dryRun: z.boolean().default(false),
  /** Also submit every imported report (as the department, on the developers' behalf). */
  submit: z.boolean().default(false),
});
export type ClusterReportImportRequest = z.infer<typeof clusterReportImportRequest>;

export const clusterReportImportView = z.object({
  provinceCode,
  period: reportPeriod,
  dryRun: z.boolean(),
  rows: count,
  /** Whether anything was written: never on a dry run, never with a problem (all or nothing). */
  written: z.boolean(),
  reports: z.array(
    z.object({ row: z.number().int().min(1), clusterCode: z.string(), reportId: z.uuid().nullable() }),
  ),
  problems: z.array(
    z.object({
      sheet: z.string(),
      row: z.number().int().min(1),
      /** Column letter, or null for a problem with the whole row or sheet. */
      column: z.string().nullable(),
      field: z.string().nullable(),
      rule: z.string(),
      message: z.string(),
    }),
  ),
});
export type ClusterReportImportView = z.infer<typeof clusterReportImportView>;

/** At most this many records per history import: bounds one call's transaction (the gateway waits 10 s). */
export const MAX_REPORT_HISTORY_RECORDS = 200;

/** The review a recorded version received, on the day it happened: returned with the reason, or approved. */
const recordedReview = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('returned'), on: isoDate, by: text(200), reason: text(2000) }),
  z.strictObject({ outcome: z.literal('approved'), on: isoDate, by: text(200) }),
]);

/** One submitted version as it was filed on paper or in a legacy system: its figures, day and submitter. */
const recordedVersion = z.strictObject({
  figures: clusterReportFigures,
  submittedOn: isoDate,
  /** The submitter's name as written on the form (not a platform account). */
  submittedBy: text(200),
  review: recordedReview.optional(),
});

/**
 * One cluster's report for one period as it really went: each version with its submission, and the review it
 * got. Every version but the last was returned (that is what made the next one); the last may have been
 * approved, returned, or still await review.
 */
export const clusterReportHistoryRecord = z
  .strictObject({
    clusterCode,
    period: reportPeriod,
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
export type ClusterReportHistoryRecord = z.infer<typeof clusterReportHistoryRecord>;

/**
 * POST /api/v1/cluster-reports/history-imports — cluster reports of past periods filed on paper or in a
 * legacy system, entered with their true days: each record creates the report once (by cluster and period),
 * the same rules as live steps judging it, its lateness computed from the recorded submission day.
 */
export const clusterReportHistoryImportRequest = z
  .strictObject({
    records: z.array(clusterReportHistoryRecord).min(1).max(MAX_REPORT_HISTORY_RECORDS),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.records.forEach((r, i) => {
      const key = `${r.clusterCode}|${r.period.kind}|${r.period.year}`;
      if (seen.has(key))
        ctx.addIssue({
          ...ruleIssue(
            'no-repeats',
            'cụm và kỳ này đã xuất hiện ở bản ghi trước',
            'this cluster and period appear in an earlier record',
          ),
          path: ['records', i, 'period'],
        });
      seen.add(key);
    });
  });
export type ClusterReportHistoryImportRequest = z.infer<typeof clusterReportHistoryImportRequest>;

export const clusterReportHistoryImportView = reportHistoryImportView(
  { clusterCode: z.string(), period: reportPeriod },
  {
    status: z.enum(clusterReportStatuses),
    late: z.boolean(),
    daysLate: z.number().int().min(0),
  },
);
export type ClusterReportHistoryImportView = z.infer<typeof clusterReportHistoryImportView>;
