import { formatVnd, projectStatusLabel } from '@kc/contracts';
import { RuleViolationError } from '@kc/errors';
import type { FundingSource } from './annual-plan';
import { normCapText, type NormAllowance } from './funding-norm';
import type { ProjectRef } from './project-ref';

export type DecisionKind = 'initial' | 'adjustment';

export interface RequestedAllocation {
  projectId: string;
  fundingSource: FundingSource;
  amountVnd: number;
}

export interface AllocationLine extends RequestedAllocation {
  provinceCode: string;
  previousVnd: number;
}

export interface DecisionContext {
  planId: string;
  kind: DecisionKind;
  projects: ReadonlyMap<string, ProjectRef>;
  /** The allocation in force per `${projectId}/${source}`. */
  current: ReadonlyMap<string, number>;
  /** The most a project's norm allows (null: no norm named). */
  normMax: ReadonlyMap<string, NormAllowance | null>;
}

/** Statuses of a project already taken into a plan by an earlier decision. */
const IN_PLAN = new Set(['in-plan', 'contracted', 'in-progress', 'extended']);
/** Before the contract an allocation may still be lowered. */
const NOT_CONTRACTED = new Set(['ministry-appraised', 'in-plan']);

export const allocationKey = (projectId: string, source: FundingSource) => `${projectId}/${source}`;

/**
 * The lines of a plan-assignment decision: each amount is the project's allocation from that source after the
 * decision. A new allocation needs a ministry-appraised project; changing one already in the plan is an
 * adjustment, and lowering it is possible only until the contract. Every project stays within its appraised
 * support and its funding norm. Whether the plan's ceilings hold is the database's guarded update.
 */
export function allocationLines(
  context: DecisionContext,
  requested: readonly RequestedAllocation[],
): AllocationLine[] {
  const lines = requested.map((allocation, i) => {
    const field = `allocations[${i}]`;
    const project = context.projects.get(allocation.projectId);
    if (!project || project.planId !== context.planId) {
      throw new RuleViolationError(
        {
          vi: `Đề án ${allocation.projectId} không thuộc kế hoạch này`,
          en: `Project ${allocation.projectId} is not a project of this plan`,
        },
        'decision.unknown-project',
        `${field}.projectId`,
      );
    }
    const previousVnd =
      context.current.get(allocationKey(allocation.projectId, allocation.fundingSource)) ?? 0;
    const alreadyIn = previousVnd > 0 || IN_PLAN.has(project.status);
    if (alreadyIn && context.kind === 'initial') {
      throw new RuleViolationError(
        {
          vi: `Đề án ${project.code} đã có trong kế hoạch: thay đổi mức phân bổ bằng quyết định điều chỉnh`,
          en: `Project ${project.code} is already in the plan: change its allocation by an adjustment decision`,
        },
        'decision.already-in-plan',
        `${field}.projectId`,
      );
    }
    if (project.status !== 'ministry-appraised' && !IN_PLAN.has(project.status)) {
      throw new RuleViolationError(
        {
          vi:
            `Đề án ${project.code} đang ở trạng thái "${projectStatusLabel(project.status)}"; chỉ phân bổ cho ` +
            'đề án đã thẩm định cấp Bộ',
          en: `Project ${project.code} is ${project.status}; an allocation needs a ministry-appraised project`,
        },
        'decision.project-not-appraised',
        `${field}.projectId`,
      );
    }
    if (allocation.amountVnd < previousVnd && !NOT_CONTRACTED.has(project.status)) {
      throw new RuleViolationError(
        {
          vi:
            `Đề án ${project.code} đang ở trạng thái "${projectStatusLabel(project.status)}": không thể giảm ` +
            'mức phân bổ nữa',
          en: `Project ${project.code} is ${project.status}: its allocation can no longer be lowered`,
        },
        'decision.lowering-after-contract',
        `${field}.amountVnd`,
      );
    }
    return { ...allocation, provinceCode: project.provinceCode, previousVnd };
  });

  for (const [projectId, total] of totalsAfter(context, lines)) {
    const project = context.projects.get(projectId)!;
    const field = `allocations[${lines.findIndex((l) => l.projectId === projectId)}].amountVnd`;
    if (project.appraisedSupportVnd === null) {
      // Never "appraised support of 0": nothing known is not a known zero.
      throw new RuleViolationError(
        {
          vi:
            `Đề án ${project.code} chưa có kết quả thẩm định cấp Bộ với mức hỗ trợ được thẩm định, nên không thể ` +
            `phân bổ ${formatVnd(total)} VND`,
          en:
            `Project ${project.code} has no ministry appraisal recorded with an appraised support, so it cannot ` +
            `be allocated ${formatVnd(total)} VND`,
        },
        'decision.over-appraised-support',
        field,
      );
    }
    if (total > project.appraisedSupportVnd) {
      throw new RuleViolationError(
        {
          vi:
            `Đề án ${project.code} sẽ được phân bổ ${formatVnd(total)} VND, vượt mức hỗ trợ được thẩm định ` +
            `${formatVnd(project.appraisedSupportVnd)} VND`,
          en:
            `Project ${project.code} would be allocated ${formatVnd(total)} VND, above its appraised support of ` +
            `${formatVnd(project.appraisedSupportVnd)} VND`,
        },
        'decision.over-appraised-support',
        field,
      );
    }
    const normMax = context.normMax.get(projectId);
    if (normMax && total > normMax.maxSupportVnd) {
      const cap = normCapText(normMax);
      throw new RuleViolationError(
        {
          vi: `Đề án ${project.code} sẽ được phân bổ ${formatVnd(total)} VND, vượt ${cap.vi}`,
          en: `Project ${project.code} would be allocated ${formatVnd(total)} VND, above ${cap.en}`,
        },
        'decision.over-norm',
        field,
      );
    }
  }
  return lines;
}

/** Each listed project's allocation over all sources after the decision. */
function totalsAfter(context: DecisionContext, lines: readonly AllocationLine[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const projectId of new Set(lines.map((l) => l.projectId))) {
    let total = 0;
    for (const source of ['KCQG', 'KCDP'] as const) {
      const line = lines.find((l) => l.projectId === projectId && l.fundingSource === source);
      total += line ? line.amountVnd : (context.current.get(allocationKey(projectId, source)) ?? 0);
    }
    totals.set(projectId, total);
  }
  return totals;
}

/** What the decision adds to (or takes from) each source's allocated sum. */
export function deltasBySource(lines: readonly AllocationLine[]): Map<FundingSource, number> {
  const deltas = new Map<FundingSource, number>();
  for (const line of lines) {
    deltas.set(line.fundingSource, (deltas.get(line.fundingSource) ?? 0) + line.amountVnd - line.previousVnd);
  }
  return deltas;
}
