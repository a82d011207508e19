import { z } from 'zod';
import { activityContentCode, isoDate, provinceCode, text, vnd, year } from '../primitives';
import { ruleIssue, say } from '../messages';
import {
  adjustmentKinds,
  advanceCategories,
  approvalLevels,
  fundingSources,
  planLevels,
  procurementModes,
  projectKinds,
  projectCode,
  projectStatuses,
  yearMonth,
} from '../events/projects/vocabulary';
import { legalForms, taxCode } from './booths';
import { unitAsOf } from './unit-filter';

const activityContentList = z
  .array(activityContentCode)
  .min(1, say('phải liệt kê ít nhất một nội dung khuyến công', 'must list at least one activity content'))
  .max(9)
  .refine(
    (codes) => new Set(codes).size === codes.length,
    ruleIssue('no-repeats', 'không được lặp lại một nội dung', 'must not repeat a content'),
  );

export const beneficiary = z.strictObject({
  taxCode,
  name: text(300),
  legalForm: z.enum(legalForms),
});
export type Beneficiary = z.infer<typeof beneficiary>;

const beneficiaryList = z
  .array(beneficiary)
  .max(500)
  .refine(
    (list) => new Set(list.map((b) => b.taxCode)).size === list.length,
    ruleIssue('no-repeats', 'không được lặp lại một mã số thuế', 'must not repeat a tax code'),
  );

const dateOrder = (
  value: { startDate: string; endDate: string },
  ctx: z.RefinementCtx,
  startField = 'startDate',
  endField = 'endDate',
) => {
  if (value.endDate < value.startDate) {
    ctx.addIssue({
      ...ruleIssue('date-order', `không được trước ${startField}`, `must not be before ${startField}`),
      path: [endField],
    });
  }
};

/** POST /api/v1/projects — a new project (đề án) as a draft under an annual plan. */
export const createProjectRequest = z
  .strictObject({
    planId: z.uuid(),
    title: text(500),
    kind: z.enum(projectKinds),
    activityContents: activityContentList,
    implementingUnit: text(300),
    partners: z.array(text(300)).max(50).default([]),
    provinceCode,
    commune: text(200).optional(),
    startDate: isoDate,
    endDate: isoDate,
    kcqgVnd: vnd,
    kcdpVnd: vnd,
    counterpartVnd: vnd,
    otherVnd: vnd,
    normCode: z.string().trim().min(1).max(50).optional(),
    normUnits: z.number().int().min(1).max(1_000_000).optional(),
    procurementMode: z.enum(procurementModes),
    advanceCategory: z.enum(advanceCategories),
    /** Group projects (nhóm) name their beneficiaries later (adjustment `group-detail`). */
    beneficiaries: beneficiaryList.default([]),
  })
  .superRefine((p, ctx) => {
    dateOrder(p, ctx);
    if ((p.normCode === undefined) !== (p.normUnits === undefined)) {
      ctx.addIssue({
        ...ruleIssue(
          'go-together',
          'normCode và normUnits phải đi cùng nhau',
          'normCode and normUnits go together',
        ),
        path: ['normUnits'],
      });
    }
  });
export type CreateProjectRequest = z.infer<typeof createProjectRequest>;

const criterion = z.strictObject({
  name: text(300),
  passed: z.boolean(),
  remark: text(2000).optional(),
});

const appraisalFields = {
  reviewer: text(200),
  criteria: z
    .array(criterion)
    .min(1, say('phải liệt kê ít nhất một tiêu chí', 'must list at least one criterion'))
    .max(50),
  result: z.enum(['passed', 'failed']),
  remarks: text(4000).optional(),
  appraisedOn: isoDate,
};

/** POST /api/v1/projects/:id/base-appraisal — by the project's provincial department. */
export const baseAppraisalRequest = z.strictObject(appraisalFields);
export type BaseAppraisalRequest = z.infer<typeof baseAppraisalRequest>;

/** POST /api/v1/projects/:id/ministry-appraisal — by the plan owner; a pass fixes the appraised support. */
export const ministryAppraisalRequest = z
  .strictObject({
    ...appraisalFields,
    appraisedSupportVnd: vnd.min(1, say('phải ít nhất là 1 VND', 'must be at least 1 VND')).optional(),
  })
  .superRefine((a, ctx) => {
    if (a.result === 'passed' && a.appraisedSupportVnd === undefined) {
      ctx.addIssue({
        ...ruleIssue('required-when-passed', 'bắt buộc khi thẩm định đạt', 'is required when passed'),
        path: ['appraisedSupportVnd'],
      });
    }
    if (a.result === 'failed' && a.appraisedSupportVnd !== undefined) {
      ctx.addIssue({
        ...ruleIssue(
          'absent-when-failed',
          'phải để trống khi thẩm định không đạt',
          'must be absent when failed',
        ),
        path: ['appraisedSupportVnd'],
      });
    }
  });
export type MinistryAppraisalRequest = z.infer<typeof ministryAppraisalRequest>;

const contractModes = ['contract', 'task-assignment'] as const;

/** POST /api/v1/projects/:id/contract — contract (hợp đồng) or task assignment (giao nhiệm vụ). */
export const contractProjectRequest = z.strictObject({
  mode: z.enum(contractModes),
  number: text(100),
  signedOn: isoDate,
  valueVnd: vnd.min(1, say('phải ít nhất là 1 VND', 'must be at least 1 VND')),
  parties: z.array(text(300)).min(1, 'must name at least one party').max(10),
});
export type ContractProjectRequest = z.infer<typeof contractProjectRequest>;

/** POST /api/v1/projects/:id/accept — acceptance (nghiệm thu) by the provincial department. */
export const acceptProjectRequest = z.strictObject({
  acceptedOn: isoDate,
  result: text(2000),
});
export type AcceptProjectRequest = z.infer<typeof acceptProjectRequest>;

/** POST /api/v1/projects/:id/liquidate — liquidation (thanh lý) by the plan owner. */
export const liquidateProjectRequest = z.strictObject({
  liquidatedOn: isoDate,
  finalValueVnd: vnd,
});
export type LiquidateProjectRequest = z.infer<typeof liquidateProjectRequest>;

/** POST /api/v1/projects/:id/settle — settlement (quyết toán) by the plan owner. */
export const settleProjectRequest = z.strictObject({
  settledVnd: vnd,
  settledOn: isoDate,
});
export type SettleProjectRequest = z.infer<typeof settleProjectRequest>;

const decision = {
  decisionNumber: text(100).optional(),
  decidedOn: isoDate.optional(),
  reason: text(2000),
};

/** POST /api/v1/projects/:id/adjustments — one adjustment; its kind decides the approval level. */
export const adjustProjectRequest = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('extension'), ...decision, newEndDate: isoDate }),
    z.strictObject({ kind: z.literal('stop'), ...decision }),
    z.strictObject({ kind: z.literal('content-change'), ...decision, activityContents: activityContentList }),
    z.strictObject({ kind: z.literal('location'), ...decision, commune: text(200) }),
    z.strictObject({ kind: z.literal('partner'), ...decision, partners: z.array(text(300)).max(50) }),
    z.strictObject({ kind: z.literal('timing'), ...decision, startDate: isoDate, endDate: isoDate }),
    z.strictObject({ kind: z.literal('beneficiary'), ...decision, beneficiaries: beneficiaryList }),
    z.strictObject({ kind: z.literal('group-detail'), ...decision, beneficiaries: beneficiaryList }),
  ])
  .superRefine((a, ctx) => {
    if ((a.decisionNumber === undefined) !== (a.decidedOn === undefined)) {
      ctx.addIssue({
        ...ruleIssue(
          'go-together',
          'decisionNumber và decidedOn phải đi cùng nhau',
          'decisionNumber and decidedOn go together',
        ),
        path: ['decidedOn'],
      });
    }
    if (a.kind === 'timing') dateOrder(a, ctx);
  });
export type AdjustProjectRequest = z.infer<typeof adjustProjectRequest>;

/** POST /api/v1/double-funding-exemptions — the agency's justification for supporting a facility twice. */
export const doubleFundingExemptionRequest = z
  .strictObject({
    taxCode,
    activityContent: activityContentCode,
    startDate: isoDate,
    endDate: isoDate,
    justification: text(4000),
    decisionNumber: text(100).optional(),
  })
  .superRefine((e, ctx) => dateOrder(e, ctx));
export type DoubleFundingExemptionRequest = z.infer<typeof doubleFundingExemptionRequest>;

/** GET /api/v1/double-funding-exemptions — the agency's recorded exemptions, newest first. */
export const listExemptionsQuery = z.strictObject({
  taxCode: taxCode.optional(),
  activityContent: z.coerce.number().pipe(activityContentCode).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListExemptionsQuery = z.infer<typeof listExemptionsQuery>;

/** One recorded exemption; its period is inclusive at both ends. */
export const doubleFundingExemptionView = z.object({
  id: z.uuid(),
  taxCode,
  activityContent: activityContentCode,
  startDate: isoDate,
  endDate: isoDate,
  justification: z.string(),
  decisionNumber: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.iso.datetime(),
});
export type DoubleFundingExemptionView = z.infer<typeof doubleFundingExemptionView>;

export const listProjectsQuery = z.strictObject({
  /** Diacritic-blind search in code, title and implementing unit ("ha noi" finds "Hà Nội"). */
  q: z.string().trim().min(1).max(200).optional(),
  planId: z.uuid().optional(),
  year: z.coerce.number().pipe(year).optional(),
  provinceCode: provinceCode.optional(),
  unitAsOf,
  regionCode: z.enum(['north', 'central', 'south']).optional(),
  status: z.enum(projectStatuses).optional(),
  activityContent: z.coerce.number().pipe(activityContentCode).optional(),
  kind: z.enum(projectKinds).optional(),
  fundingSource: z.enum(fundingSources).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListProjectsQuery = z.infer<typeof listProjectsQuery>;

const contractView = z.object({
  mode: z.enum(contractModes),
  number: z.string(),
  signedOn: isoDate,
  valueVnd: vnd,
  parties: z.array(z.string()),
});

export const projectView = z.object({
  id: z.uuid(),
  code: projectCode,
  planId: z.uuid(),
  planYear: year,
  planLevel: z.enum(planLevels),
  fundingSource: z.enum(fundingSources),
  title: z.string(),
  kind: z.enum(projectKinds),
  activityContents: z.array(activityContentCode),
  implementingUnit: z.string(),
  partners: z.array(z.string()),
  provinceCode,
  commune: z.string().nullable(),
  startDate: isoDate,
  endDate: isoDate,
  kcqgVnd: vnd,
  kcdpVnd: vnd,
  counterpartVnd: vnd,
  otherVnd: vnd,
  totalCostVnd: vnd,
  requestedSupportVnd: vnd,
  normCode: z.string().nullable(),
  normUnits: z.number().int().min(1).nullable(),
  procurementMode: z.enum(procurementModes),
  advanceCategory: z.enum(advanceCategories),
  status: z.enum(projectStatuses),
  /** The status in Vietnamese (`projectStatusLabels`). */
  statusLabel: z.string(),
  appraisedSupportVnd: vnd.nullable(),
  allocatedSupportVnd: vnd,
  contract: contractView.nullable(),
  advancedVnd: vnd,
  paidVnd: vnd,
  lastProgressMonth: yearMonth.nullable(),
  lastProgressPercent: z.number().int().min(0).max(100).nullable(),
  acceptedOn: isoDate.nullable(),
  liquidatedOn: isoDate.nullable(),
  finalValueVnd: vnd.nullable(),
  settledVnd: vnd.nullable(),
  settledOn: isoDate.nullable(),
  settlementLate: z.boolean().nullable(),
  stoppedOn: isoDate.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ProjectView = z.infer<typeof projectView>;

export const appraisalView = z.object({
  id: z.uuid(),
  level: z.enum(['base', 'ministry']),
  reviewer: z.string(),
  criteria: z.array(z.object({ name: z.string(), passed: z.boolean(), remark: z.string().nullable() })),
  result: z.enum(['passed', 'failed']),
  /** Set by a passed ministry appraisal only. */
  appraisedSupportVnd: vnd.nullable(),
  remarks: z.string().nullable(),
  appraisedOn: isoDate,
  recordedBy: z.string(),
  recordedAt: z.iso.datetime(),
});
export type AppraisalView = z.infer<typeof appraisalView>;

export const beneficiaryView = z.object({
  taxCode,
  name: z.string(),
  legalForm: z.enum(legalForms),
});

/** The fields an adjustment changed (each kind its own), as they stood before or after it. */
const adjustedFields = z.object({
  endDate: isoDate.optional(),
  startDate: isoDate.optional(),
  status: z.enum(projectStatuses).optional(),
  activityContents: z.array(activityContentCode).optional(),
  commune: z.string().nullable().optional(),
  partners: z.array(z.string()).optional(),
  beneficiaries: z.array(beneficiaryView).optional(),
});
export type AdjustedFields = z.infer<typeof adjustedFields>;

export const adjustmentView = z.object({
  id: z.uuid(),
  kind: z.enum(adjustmentKinds),
  level: z.enum(approvalLevels),
  decisionNumber: z.string().nullable(),
  decidedOn: isoDate.nullable(),
  reason: z.string(),
  before: adjustedFields,
  after: adjustedFields,
  recordedBy: z.string(),
  recordedAt: z.iso.datetime(),
});
export type AdjustmentView = z.infer<typeof adjustmentView>;

/** GET /api/v1/projects/:id — the project with its beneficiaries and histories. */
export const projectDetailView = projectView.extend({
  beneficiaries: z.array(beneficiaryView),
  appraisals: z.array(appraisalView),
  adjustments: z.array(adjustmentView),
});
export type ProjectDetailView = z.infer<typeof projectDetailView>;
