import { z } from 'zod';
import { xlsxUpload } from './spreadsheet-upload';
import { clusterSupportView } from './cluster-support';
import { isoDate, provinceCode, text, vnd } from '../primitives';
import { ruleIssue, say } from '../messages';
import { unitAsOf } from './unit-filter';

/**
 * The registry's statuses: `planned` is "on the province's approved list", `infrastructure` is "infrastructure
 * investment", `removed` a cluster whose establishment was annulled or that left the list. Expansion and
 * adjustment are steps, not statuses.
 */
export const clusterStatuses = [
  'planned',
  'established',
  'detailed-plan',
  'infrastructure',
  'operating',
  'removed',
] as const;
export type ClusterStatus = (typeof clusterStatuses)[number];
/** The statuses a cluster may be registered in: a removed one is not entered in the registry. */
export const registrableClusterStatuses = [
  'planned',
  'established',
  'detailed-plan',
  'infrastructure',
  'operating',
] as const;
/** How a cluster's status reads in Vietnamese (views, exports); a new status needs its label to compile. */
export const clusterStatusLabels: Record<ClusterStatus, string> = {
  planned: 'Có trong quy hoạch',
  established: 'Đã thành lập',
  'detailed-plan': 'Đã có quy hoạch chi tiết',
  infrastructure: 'Đang đầu tư hạ tầng',
  operating: 'Đang hoạt động',
  removed: 'Đã bãi bỏ',
};

export const clusterSizeCategories = ['standard', 'mountain-district', 'craft-village'] as const;
export const clusterDeveloperKinds = ['enterprise', 'cooperative', 'state-unit'] as const;
export const clusterDeveloperSelections = [
  'evaluation-council',
  'state-assignment',
  'earlier-procedure',
] as const;
export const clusterWorksStatuses = ['none', 'planned', 'under-construction', 'in-use'] as const;
export const clusterTenantStatuses = ['registered', 'under-construction', 'operating', 'stopped'] as const;
export const clusterDecisionAuthorities = [
  'provincial-peoples-committee',
  'district-peoples-committee',
  'commune-peoples-committee',
  'department-of-industry-and-trade',
  'other',
] as const;
export const clusterLifecycleSteps = [
  'establish',
  'approve-detailed-plan',
  'start-infrastructure',
  'start-operating',
  'expand',
  'adjust',
  'remove',
] as const;

/**
 * Hectares with at most two decimals (62.5, 12.75). The service stores hundredths of a hectare, so the
 * decimals are checked on the number as written in the JSON rather than with float arithmetic.
 */
const hectares = z
  .number({ message: say('phải là số héc-ta', 'must be a number of hectares') })
  .min(0, say('không được âm', 'must not be negative'))
  .max(100_000, say('quá lớn', 'is too large'))
  .refine(
    (value) => /^\d+(\.\d{1,2})?$/.test(String(value)),
    ruleIssue('two-decimals', 'chỉ được có tối đa hai chữ số thập phân', 'must have at most two decimals'),
  );

/** Upper-cased so that `ccn-37-012` and `CCN-37-012` cannot both be registered. */
export const clusterCode = z
  .string()
  .trim()
  .toUpperCase()
  .max(50)
  .regex(
    /^[A-Z0-9]+(-[A-Z0-9]+)*$/,
    say(
      'phải gồm chữ và số theo nhóm cách nhau bằng gạch ngang, ví dụ CCN-37-012',
      'must be letters and digits in hyphen-separated groups, e.g. CCN-37-012',
    ),
  );

/** Mã số thuế: 10 digits, or 13 with a branch suffix. */
const taxCode = z
  .string()
  .trim()
  .regex(
    /^\d{10}(-\d{3})?$/,
    say('phải là mã số thuế 10 chữ số (hoặc 10-3)', 'must be a 10-digit tax code (or 10-3)'),
  );

/** The decision a lifecycle step rests on, as written on it. */
export const clusterDecision = z.strictObject({
  /** e.g. "1234/QĐ-UBND". */
  number: text(100),
  date: isoDate,
  authority: z.enum(clusterDecisionAuthorities),
  /** The issuing body as named on the decision, e.g. "UBND tỉnh Nghệ An". */
  issuedBy: text(300),
});
export type ClusterDecisionBody = z.infer<typeof clusterDecision>;

export const clusterDeveloper = z.strictObject({
  kind: z.enum(clusterDeveloperKinds),
  name: text(300),
  taxCode: taxCode.nullable().default(null),
  selection: z.enum(clusterDeveloperSelections),
});

const wastewaterPlant = z.strictObject({
  capacityM3PerDay: z
    .number()
    .int(say('phải là số nguyên m³/ngày', 'must be whole m³/day'))
    .min(1, say('phải lớn hơn 0', 'must be above 0'))
    .max(1_000_000),
  status: z.enum(['planned', 'under-construction', 'in-use']),
});

const worksStatus = z.enum(clusterWorksStatuses);

export const clusterInfrastructure = z.strictObject({
  roads: worksStatus.default('none'),
  power: worksStatus.default('none'),
  water: worksStatus.default('none'),
  drainage: worksStatus.default('none'),
  /** Null: no central wastewater plant, not even planned. */
  wastewaterPlant: wastewaterPlant.nullable().default(null),
});

const investment = z.strictObject({
  registeredVnd: vnd.nullable().default(null),
  realisedVnd: vnd.nullable().default(null),
});

/** A revision the caller last read: the write is refused (409) if the cluster changed since. */
const expectedRevision = z.number().int().min(1).optional();

type AreaFields = {
  totalAreaHa?: number;
  industrialAreaHa?: number | null;
  leasableAreaHa?: number | null;
  leasedAreaHa?: number | null;
};

/** Areas nest: leased ≤ leasable ≤ industrial ≤ total; an absent one is skipped. */
function checkNesting(areas: AreaFields, ctx: z.RefinementCtx, prefix: (string | number)[] = []) {
  const layers = ['totalAreaHa', 'industrialAreaHa', 'leasableAreaHa', 'leasedAreaHa'] as const;
  let outer: (typeof layers)[number] | null = null;
  for (const layer of layers) {
    const value = areas[layer];
    if (value === undefined || value === null) continue;
    const limit = outer === null ? undefined : areas[outer];
    if (outer !== null && typeof limit === 'number' && value > limit) {
      ctx.addIssue({
        ...ruleIssue('area-nesting', `không được vượt ${outer}`, `must not exceed ${outer}`),
        path: [...prefix, layer],
      });
    }
    outer = layer;
  }
}

/**
 * POST /api/v1/clusters — enters an industrial cluster (CCN) in the registry: on the provincial list
 * (`planned`), or one that predates the platform, recorded at its stage with the decision that established it.
 */
export const registerClusterRequest = z
  .strictObject({
    code: clusterCode,
    name: text(300),
    provinceCode,
    commune: text(200).optional(),
    /** The district before the 2025 reform abolished the tier, kept for history. */
    formerDistrict: text(200).optional(),
    sizeCategory: z.enum(clusterSizeCategories).default('standard'),
    status: z.enum(registrableClusterStatuses).default('planned'),
    /** The decision that put the cluster on the province's approved list. */
    provincialList: z.strictObject({ decisionNumber: text(100), date: isoDate }).optional(),
    /** The establishing decision of a cluster registered past `planned`; required then, refused before. */
    establishment: clusterDecision.optional(),
    totalAreaHa: hectares,
    industrialAreaHa: hectares.optional(),
    leasableAreaHa: hectares.optional(),
    leasedAreaHa: hectares.optional(),
    developer: clusterDeveloper.optional(),
    investment: investment.optional(),
    infrastructure: clusterInfrastructure.optional(),
  })
  .superRefine((cluster, ctx) => {
    checkNesting(cluster, ctx);
    if (cluster.status !== 'planned' && !cluster.establishment) {
      ctx.addIssue({
        ...ruleIssue(
          'establishment-decision-required',
          'cụm đã thành lập phải ghi quyết định thành lập (số, ngày, cơ quan ban hành)',
          'a cluster registered as established needs its establishing decision (number, date, issuer)',
        ),
        path: ['establishment'],
      });
    }
    if (cluster.status === 'planned' && cluster.establishment) {
      ctx.addIssue({
        ...ruleIssue(
          'establishment-decision-unexpected',
          'cụm mới có trong danh mục chưa có quyết định thành lập; thành lập qua bước establish',
          'a cluster only on the list has no establishing decision; establish it with the establish step',
        ),
        path: ['establishment'],
      });
    }
  });
export type RegisterClusterRequest = z.infer<typeof registerClusterRequest>;

/** PATCH /api/v1/clusters/:id — figures that change without a decision: areas in use, investment, works. */
export const updateClusterRequest = z
  .strictObject({
    expectedRevision,
    areas: z
      .strictObject({
        industrialAreaHa: hectares.nullable().optional(),
        leasableAreaHa: hectares.nullable().optional(),
        leasedAreaHa: hectares.nullable().optional(),
      })
      .superRefine((areas, ctx) => checkNesting(areas, ctx))
      .optional(),
    investment: z
      .strictObject({
        registeredVnd: vnd.nullable().optional(),
        realisedVnd: vnd.nullable().optional(),
      })
      .optional(),
    infrastructure: z
      .strictObject({
        roads: worksStatus.optional(),
        power: worksStatus.optional(),
        water: worksStatus.optional(),
        drainage: worksStatus.optional(),
        wastewaterPlant: wastewaterPlant.nullable().optional(),
      })
      .optional(),
  })
  .refine(
    (body) => body.areas || body.investment || body.infrastructure,
    ruleIssue('nothing-to-update', 'phải có areas, investment hoặc infrastructure', 'nothing to update'),
  );
export type UpdateClusterRequest = z.infer<typeof updateClusterRequest>;

const workers = z.number().int().min(0).max(1_000_000);

/** POST /api/v1/clusters/:id/tenants — a production or business project of a firm in the cluster. */
export const clusterTenantRequest = z.strictObject({
  expectedRevision,
  name: text(300),
  firm: z.strictObject({ taxCode, name: text(300) }),
  leasedAreaHa: hectares,
  registeredVnd: vnd,
  realisedVnd: vnd.default(0),
  workers: workers.default(0),
  status: z.enum(clusterTenantStatuses).default('registered'),
});
export type ClusterTenantRequest = z.infer<typeof clusterTenantRequest>;

/** PATCH /api/v1/clusters/:id/tenants/:tenantId — what changed of a tenant project. */
export const updateClusterTenantRequest = z.strictObject({
  expectedRevision,
  name: text(300).optional(),
  firm: z.strictObject({ taxCode, name: text(300) }).optional(),
  leasedAreaHa: hectares.optional(),
  registeredVnd: vnd.optional(),
  realisedVnd: vnd.optional(),
  workers: workers.optional(),
  status: z.enum(clusterTenantStatuses).optional(),
});
export type UpdateClusterTenantRequest = z.infer<typeof updateClusterTenantRequest>;

export const clusterTenantParams = z.strictObject({ id: z.uuid(), tenantId: z.uuid() });
export const removeClusterTenantQuery = z.strictObject({
  expectedRevision: z.coerce.number().int().min(1).optional(),
});

/**
 * POST /api/v1/clusters/:id/steps — one lifecycle step with its decision. Establishing is judged against the
 * clusters already established in the area, which the service finds in the registry.
 */
export const clusterStepRequest = z.discriminatedUnion('step', [
  z.strictObject({
    step: z.literal('establish'),
    expectedRevision,
    decision: clusterDecision,
    totalAreaHa: hectares,
    developer: clusterDeveloper.optional(),
  }),
  z.strictObject({
    step: z.literal('approve-detailed-plan'),
    expectedRevision,
    decision: clusterDecision,
    industrialAreaHa: hectares.optional(),
    leasableAreaHa: hectares.optional(),
  }),
  z.strictObject({ step: z.literal('start-infrastructure'), expectedRevision, decision: clusterDecision }),
  z.strictObject({ step: z.literal('start-operating'), expectedRevision, decision: clusterDecision }),
  z.strictObject({
    step: z.literal('expand'),
    expectedRevision,
    decision: clusterDecision,
    addedAreaHa: hectares,
    /** Industrial land firms have asked to lease, when the expansion rests on demand rather than occupancy. */
    leaseDemandAreaHa: hectares.optional(),
    developer: clusterDeveloper.optional(),
  }),
  z.strictObject({
    step: z.literal('adjust'),
    expectedRevision,
    decision: clusterDecision,
    changes: z.strictObject({
      name: text(300).optional(),
      totalAreaHa: hectares.optional(),
      developer: clusterDeveloper.optional(),
    }),
  }),
  z.strictObject({
    step: z.literal('remove'),
    expectedRevision,
    decision: clusterDecision,
    reason: text(2000),
  }),
]);
export type ClusterStepRequest = z.infer<typeof clusterStepRequest>;

const percentBound = z.coerce
  .number()
  .min(0, say('phải từ 0 đến 100', 'must be 0–100'))
  .max(100, say('phải từ 0 đến 100', 'must be 0–100'));

const clusterFilters = {
  provinceCode: provinceCode.optional(),
  unitAsOf,
  status: z.enum(clusterStatuses).optional(),
  /** Occupancy (leased / leasable) at least this percent; clusters without both figures are left out. */
  occupancyMinPercent: percentBound.optional(),
  /** Occupancy at most this percent. */
  occupancyMaxPercent: percentBound.optional(),
  /** `yes`: has a central wastewater plant (any status); `no`: none. */
  wastewaterPlant: z.enum(['yes', 'no']).optional(),
};

export const listClustersQuery = z.strictObject({
  ...clusterFilters,
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListClustersQuery = z.infer<typeof listClustersQuery>;

/** GET /api/v1/clusters/export.xlsx — the list's filters, every matching cluster (no pages). */
export const exportClustersQuery = z.strictObject(clusterFilters);
export type ExportClustersQuery = z.infer<typeof exportClustersQuery>;

/** Hectares as the service answers them: hundredths of a hectare, divided by 100. */
const hectaresView = z.number().min(0);
const centiHaView = z.number().int().min(0);

/** Leased / leasable, exact, and as a percentage rounded for reading. */
export const occupancyView = z.object({
  leasedCentiHa: centiHaView,
  leasableCentiHa: centiHaView.min(1),
  /** "62,5%": one decimal, half up. */
  percentVi: z.string(),
  /** "62.5%". */
  percentEn: z.string(),
});

export const clusterView = z.object({
  id: z.uuid(),
  /** 1 at registration, +1 at every change; send it back as `expectedRevision` to refuse lost updates. */
  revision: z.number().int().min(1),
  code: z.string(),
  name: z.string(),
  provinceCode,
  commune: z.string().nullable(),
  formerDistrict: z.string().nullable(),
  sizeCategory: z.enum(clusterSizeCategories),
  status: z.enum(clusterStatuses),
  /** The status in Vietnamese. */
  statusLabel: z.string(),
  totalAreaHa: hectaresView,
  industrialAreaHa: hectaresView.nullable(),
  leasableAreaHa: hectaresView.nullable(),
  leasedAreaHa: hectaresView.nullable(),
  /** Null while leasable or leased area is unknown, or nothing is leasable. */
  occupancy: occupancyView.nullable(),
  developerName: z.string().nullable(),
  hasWastewaterPlant: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ClusterView = z.infer<typeof clusterView>;

export const clusterTenantView = z.object({
  id: z.uuid(),
  name: z.string(),
  firm: z.object({ taxCode: z.string(), name: z.string() }),
  leasedAreaHa: hectaresView,
  registeredVnd: vnd,
  realisedVnd: vnd,
  workers: z.number().int().min(0),
  status: z.enum(clusterTenantStatuses),
});
export type ClusterTenantView = z.infer<typeof clusterTenantView>;

export const clusterHistoryEntryView = z.object({
  step: z.enum(clusterLifecycleSteps),
  from: z.enum(clusterStatuses),
  to: z.enum(clusterStatuses),
  decision: z.object({
    number: z.string(),
    date: isoDate,
    authority: z.enum(clusterDecisionAuthorities),
    issuedBy: z.string(),
  }),
  /** The rule set the step was judged by (e.g. nd-32-2024); `before-registry` for a step older than them all. */
  ruleSetId: z.string(),
  totalAreaHa: hectaresView,
  note: z.string().nullable(),
  recordedAt: z.iso.datetime(),
});

/** GET /api/v1/clusters/:id — the whole record. */
export const clusterDetailView = clusterView.extend({
  provincialList: z.object({ decisionNumber: z.string(), date: isoDate }).nullable(),
  developer: z
    .object({
      kind: z.enum(clusterDeveloperKinds),
      name: z.string(),
      taxCode: z.string().nullable(),
      selection: z.enum(clusterDeveloperSelections),
    })
    .nullable(),
  investment: z.object({ registeredVnd: vnd.nullable(), realisedVnd: vnd.nullable() }),
  infrastructure: z.object({
    roads: worksStatus,
    power: worksStatus,
    water: worksStatus,
    drainage: worksStatus,
    wastewaterPlant: z
      .object({
        capacityM3PerDay: z.number().int().min(1),
        status: z.enum(['planned', 'under-construction', 'in-use']),
      })
      .nullable(),
  }),
  tenantSummary: z.object({
    projects: z.number().int().min(0),
    operatingProjects: z.number().int().min(0),
    firms: z.number().int().min(0),
    workers: z.number().int().min(0),
    leasedAreaHa: hectaresView,
    registeredVnd: vnd,
    realisedVnd: vnd,
  }),
  tenants: z.array(clusterTenantView),
  history: z.array(clusterHistoryEntryView),
  /** Support received: the linked content-7 projects of the projects service, their money and its totals. */
  support: clusterSupportView,
});
export type ClusterDetailView = z.infer<typeof clusterDetailView>;

/** POST /api/v1/clusters/imports — a province's cluster list (.xlsx): a dry run, or all rows or none. */
export const clusterImportRequest = z.strictObject({
  provinceCode,
  ...xlsxUpload,
  /** Check everything and write nothing. */
  dryRun: z.boolean().default(false),
});
export type ClusterImportRequest = z.infer<typeof clusterImportRequest>;

export const clusterImportProblem = z.object({
  sheet: z.string(),
  /** Sheet row number as Excel shows it. */
  row: z.number().int().min(1),
  /** Column letter, or null for a problem with a whole row or the sheet. */
  column: z.string().nullable(),
  field: z.string().nullable(),
  rule: z.string(),
  message: z.string(),
});
export type ClusterImportProblem = z.infer<typeof clusterImportProblem>;

export const clusterImportView = z.object({
  provinceCode,
  fileName: z.string(),
  dryRun: z.boolean(),
  rows: z.number().int().min(0),
  /** Whether clusters were written (never for a dry run, never when a row has a problem). */
  written: z.boolean(),
  /** Rows that register a cluster (for a dry run: would register). */
  created: z.array(
    z.object({ row: z.number().int().min(1), code: z.string(), clusterId: z.uuid().nullable() }),
  ),
  /** Rows whose code the registry already holds for this province: left as they are (imports are idempotent). */
  existing: z.array(z.object({ row: z.number().int().min(1), code: z.string(), clusterId: z.uuid() })),
  problems: z.array(clusterImportProblem),
});
export type ClusterImportView = z.infer<typeof clusterImportView>;
