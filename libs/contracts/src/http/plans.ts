import { z } from 'zod';
import { isoDate, provinceCode, text, vnd, year } from '../primitives';
import { ruleIssue } from '../messages';
import { unitAsOf } from './unit-filter';

/** KCQG: national khuyến công funds; KCDP: a province's own (KCĐP) funds. */
export const planFundingSource = z.enum(['KCQG', 'KCDP']);
export type PlanFundingSource = z.infer<typeof planFundingSource>;

const decisionNumber = text(60);

/**
 * POST /api/v1/plans — an annual plan, national or for one provincial unit. `budgetVnd` is the ceiling of the
 * plan's own source (KCQG for the national plan, KCĐP for a provincial one).
 */
export const createPlanRequest = z
  .strictObject({
    year,
    level: z.enum(['national', 'provincial']),
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
  level: z.enum(['national', 'provincial']).optional(),
  provinceCode: provinceCode.optional(),
  unitAsOf,
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListPlansQuery = z.infer<typeof listPlansQuery>;

export interface PlanCeilingView {
  fundingSource: PlanFundingSource;
  ceilingVnd: number;
  allocatedVnd: number;
}

export interface PlanView {
  id: string;
  name: string;
  year: number;
  level: 'national' | 'provincial';
  provinceCode: string | null;
  /** Σ of the ceilings. */
  budgetVnd: number;
  programmeId: string | null;
  registrationDeadline: string;
  ceilings: PlanCeilingView[];
  createdAt: string;
}

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

export interface PlanRegistrationView {
  id: string;
  planId: string;
  provinceCode: string;
  reportNumber: string;
  reportDate: string;
  /** The day the province sent it: late when after the deadline. */
  sentOn: string;
  /** When it was entered here, and by whom. */
  submittedAt: string;
  submittedBy: string;
  deadline: string;
  late: boolean;
  projectIds: string[];
}

export const coverageStatuses = ['on-time', 'late', 'missing'] as const;
export type CoverageStatus = (typeof coverageStatuses)[number];
/** How a unit's registration status reads in Vietnamese (views, exports). */
export const coverageStatusLabels: Record<CoverageStatus, string> = {
  'on-time': 'Đã gửi đúng hạn',
  late: 'Gửi muộn',
  missing: 'Chưa gửi',
};

/** GET /api/v1/plans/:id/registration-coverage — which units have sent their registration report, which not. */
export interface RegistrationCoverageView {
  planId: string;
  year: number;
  deadline: string;
  /** Units expected to report: those of the plan's year (a provincial plan: its own unit). */
  expected: number;
  onTime: number;
  late: number;
  /** Codes of the units that have sent nothing yet. */
  missing: string[];
  units: {
    provinceCode: string;
    nameVi: string;
    status: CoverageStatus;
    /** The status in Vietnamese. */
    statusLabel: string;
    projects: number;
    reports: {
      id: string;
      provinceCode: string;
      reportNumber: string;
      sentOn: string;
      late: boolean;
      projects: number;
    }[];
  }[];
}

/**
 * POST /api/v1/plans/:id/decisions — a plan-assignment decision (Quyết định giao kế hoạch). Each amount is the
 * project's allocation from that source **after** the decision.
 */
export const decideAssignmentRequest = z.strictObject({
  number: decisionNumber,
  signedOn: isoDate,
  kind: z.enum(['initial', 'adjustment']),
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

export interface PlanAllocationView {
  projectId: string;
  provinceCode: string;
  fundingSource: PlanFundingSource;
  amountVnd: number;
  previousVnd: number;
}

export interface AssignmentDecisionView {
  id: string;
  planId: string;
  number: string;
  signedOn: string;
  kind: 'initial' | 'adjustment';
  allocations: PlanAllocationView[];
  createdAt: string;
}
