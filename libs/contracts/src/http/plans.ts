import { z } from 'zod';
import { isoDate, provinceCode, text, vnd, year } from '../primitives';
import { ruleIssue } from '../messages';
import { unitAsOf } from './unit-filter';

/** KCQG: national khuyến công funds; KCDP: a province's own (KCĐP) funds. */
export const planFundingSource = z.enum(['KCQG', 'KCDP']);
export type PlanFundingSource = z.infer<typeof planFundingSource>;
const planLevel = z.enum(['national', 'provincial']);
const decisionKind = z.enum(['initial', 'adjustment']);
const count = z.number().int().min(0);

const decisionNumber = text(60);

/**
 * POST /api/v1/plans — an annual plan, national or for one provincial unit. `budgetVnd` is the ceiling of the
 * plan's own source (KCQG for the national plan, KCĐP for a provincial one).
 */
export const createPlanRequest = z
  .strictObject({
    year,
    level: planLevel,
    provinceCode: provinceCode.optional(),
    name: text(300).optional(),
    budgetVnd: vnd,
    /** Last day for provincial registration reports; default from configuration (20 June of the year before). */
    registrationDeadline: isoDate.optional(),
    /** The programme (chương trình khuyến công) the plan belongs to; it must cover the plan's year. */
    programmeId: z.uuid().optional(),
  })
  .superRefine((plan, ctx) => {
    if (plan.level === 'provincial' && !plan.provinceCode) {
      ctx.addIssue({
        ...ruleIssue(
          'required-for-level',
          'bắt buộc với kế hoạch của tỉnh',
          'is required for a provincial plan',
        ),
        path: ['provinceCode'],
      });
    }
    if (plan.level === 'national' && plan.provinceCode) {
      ctx.addIssue({
        ...ruleIssue(
          'absent-for-level',
          'phải để trống với kế hoạch quốc gia',
          'must be absent for a national plan',
        ),
        path: ['provinceCode'],
      });
    }
  });
export type CreatePlanRequest = z.infer<typeof createPlanRequest>;

export const listPlansQuery = z.strictObject({
  year: z.coerce.number().pipe(year).optional(),
  level: planLevel.optional(),
  provinceCode: provinceCode.optional(),
  unitAsOf,
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListPlansQuery = z.infer<typeof listPlansQuery>;

export const planCeilingView = z.object({
  fundingSource: planFundingSource,
  ceilingVnd: vnd,
  allocatedVnd: vnd,
});
export type PlanCeilingView = z.infer<typeof planCeilingView>;

export const planView = z.object({
  id: z.uuid(),
  name: z.string(),
  year,
  level: planLevel,
  provinceCode: provinceCode.nullable(),
  /** Σ of the ceilings. */
  budgetVnd: vnd,
  programmeId: z.uuid().nullable(),
  registrationDeadline: isoDate,
  ceilings: z.array(planCeilingView),
  createdAt: z.iso.datetime(),
});
export type PlanView = z.infer<typeof planView>;

/** POST /api/v1/plans/:id/ceilings — a budget adjustment decision for one funding source. */
export const setCeilingRequest = z.strictObject({
  fundingSource: planFundingSource,
  ceilingVnd: vnd,
  decisionNumber,
  signedOn: isoDate,
});
export type SetCeilingRequest = z.infer<typeof setCeilingRequest>;

/** POST /api/v1/plans/:id/registrations — a province's registration report listing its base-appraised projects. */
export const submitRegistrationRequest = z.strictObject({
  provinceCode,
  reportNumber: text(60),
  reportDate: isoDate,
  /**
   * The day the department sent the report (its dispatch), from which lateness is judged; omitted: it is sent
   * now (today in Vietnam). Not before `reportDate`, not in the future.
   */
  sentOn: isoDate.optional(),
  projectIds: z
    .array(z.uuid())
    .min(1)
    .max(500)
    .refine(
      (ids) => new Set(ids).size === ids.length,
      ruleIssue('no-repeats', 'không được liệt kê một đề án hai lần', 'must not list a project twice'),
    ),
});
export type SubmitRegistrationRequest = z.infer<typeof submitRegistrationRequest>;

export const planRegistrationView = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  provinceCode,
  reportNumber: z.string(),
  reportDate: isoDate,
  /** The day the province sent it: late when after the deadline. */
  sentOn: isoDate,
  /** When it was entered here, and by whom. */
  submittedAt: z.iso.datetime(),
  submittedBy: z.string(),
  deadline: isoDate,
  late: z.boolean(),
  projectIds: z.array(z.uuid()),
});
export type PlanRegistrationView = z.infer<typeof planRegistrationView>;

export const coverageStatuses = ['on-time', 'late', 'missing'] as const;
export type CoverageStatus = (typeof coverageStatuses)[number];
/** How a unit's registration status reads in Vietnamese (views, exports). */
export const coverageStatusLabels: Record<CoverageStatus, string> = {
  'on-time': 'Đã gửi đúng hạn',
  late: 'Gửi muộn',
  missing: 'Chưa gửi',
};

/** GET /api/v1/plans/:id/registration-coverage — which units have sent their registration report, which not. */
export const registrationCoverageView = z.object({
  planId: z.uuid(),
  year,
  deadline: isoDate,
  /** Units expected to report: those of the plan's year (a provincial plan: its own unit). */
  expected: count,
  onTime: count,
  late: count,
  /** Codes of the units that have sent nothing yet. */
  missing: z.array(provinceCode),
  units: z.array(
    z.object({
      provinceCode,
      /** Empty where the directory has no name for the unit in the plan's year. */
      nameVi: z.string(),
      status: z.enum(coverageStatuses),
      /** The status in Vietnamese. */
      statusLabel: z.string(),
      projects: count,
      reports: z.array(
        z.object({
          id: z.uuid(),
          /** The code the report was sent under: the unit's own, or one merged into it since. */
          provinceCode,
          reportNumber: z.string(),
          sentOn: isoDate,
          late: z.boolean(),
          projects: count,
        }),
      ),
    }),
  ),
});
export type RegistrationCoverageView = z.infer<typeof registrationCoverageView>;

/**
 * POST /api/v1/plans/:id/decisions — a plan-assignment decision (Quyết định giao kế hoạch). Each amount is the
 * project's allocation from that source **after** the decision.
 */
export const decideAssignmentRequest = z.strictObject({
  number: decisionNumber,
  signedOn: isoDate,
  kind: decisionKind,
  allocations: z
    .array(z.strictObject({ projectId: z.uuid(), fundingSource: planFundingSource, amountVnd: vnd }))
    .min(1)
    .max(1000)
    .refine(
      (items) => new Set(items.map((a) => `${a.projectId}/${a.fundingSource}`)).size === items.length,
      ruleIssue(
        'no-repeats',
        'không được phân bổ hai lần cho cùng một đề án và nguồn',
        'must not allocate to the same project and source twice',
      ),
    ),
});
export type DecideAssignmentRequest = z.infer<typeof decideAssignmentRequest>;

export const planAllocationView = z.object({
  projectId: z.uuid(),
  provinceCode,
  fundingSource: planFundingSource,
  amountVnd: vnd,
  previousVnd: vnd,
});
export type PlanAllocationView = z.infer<typeof planAllocationView>;

export const assignmentDecisionView = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  number: z.string(),
  signedOn: isoDate,
  kind: decisionKind,
  /** A province officer reading the national plan's decisions sees only their own province's lines. */
  allocations: z.array(planAllocationView),
  createdAt: z.iso.datetime(),
});
export type AssignmentDecisionView = z.infer<typeof assignmentDecisionView>;
