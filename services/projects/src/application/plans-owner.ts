import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { maySee, provinceScope } from '@kc/auth';
import type {
  AssignmentDecisionView,
  FundingNormView,
  PlanRegistrationView,
  PlanView,
  Principal,
} from '@kc/contracts';
import { RuleViolationError } from '@kc/errors';
import { OwnerClient, withReplicaCatchUp } from '@kc/http';
import type { PlanFacts } from '../domain/project';
import type { PlanRefEntity } from '../infrastructure/persistence/plan-ref.entity';
import { planRef } from '../infrastructure/persistence/projects.queries';
import { NormsInForce } from './norms-in-force';

/** The plans service, owner of the facts projects copies (plan_ref) or waits for (registration, decisions). */
export const PLANS_OWNER = Symbol('PLANS_OWNER');
/** How long a refusal on a lagging copy waits for it (REPLICA_WAIT_MS). */
export const REPLICA_WAIT_MS = Symbol('REPLICA_WAIT_MS');

/**
 * A plan the caller may not add projects to. A province officer is told the rule (the national plan or their
 * own province's plan) in the same words whether the plan is missing or another province's, so ids leak nothing.
 */
export const unknownPlan = (principal: Principal, planId: string) => {
  const scope = provinceScope(principal);
  return new RuleViolationError(
    scope === null
      ? { vi: `Không có kế hoạch ${planId}`, en: `plan ${planId} does not exist` }
      : {
          vi:
            `Kế hoạch ${planId} không có hoặc không phải kế hoạch mà tỉnh ${scope} được đưa đề án vào: cán bộ ` +
            `Sở Công Thương chỉ đưa đề án vào kế hoạch quốc gia hoặc kế hoạch của tỉnh mình`,
          en:
            `plan ${planId} does not exist or is not one province ${scope} may add projects to: a province ` +
            `officer adds projects only to the national plan or their own province's plan`,
        },
    'project.unknown-plan',
    'planId',
  );
};

const itemsOf = <T>(page: T[] | { items: T[] } | undefined): T[] =>
  page === undefined ? [] : Array.isArray(page) ? page : page.items;

/**
 * What the plans service says, asked as the caller, when projects' own copy of plans' facts refuses a request
 * (docs/conventions.md, "Deciding on another service's facts").
 */
@Injectable()
export class PlansAtOwner {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(PLANS_OWNER) readonly owner: OwnerClient,
    @Inject(REPLICA_WAIT_MS) readonly waitMs: number,
  ) {}

  /**
   * The plan from plan_ref (the copy fed by plans events). A plan plans already has but the copy not yet is
   * waited for, bounded; then 503 consistency.replica-behind. A plan plans does not know (or hides from the
   * caller) is refused: 422 project.unknown-plan.
   */
  knownPlan(principal: Principal, planId: string): Promise<PlanRefEntity> {
    return withReplicaCatchUp({
      owner: this.owner,
      waitMs: this.waitMs,
      lagCodes: ['project.unknown-plan'],
      attempt: async () => {
        const plan = await planRef(this.dataSource.manager, planId);
        // Another province's plan is as unknown to the caller as a missing one.
        if (!plan || !maySee(principal, plan.provinceCode)) throw unknownPlan(principal, planId);
        return plan;
      },
      ownerAllows: async () =>
        (await this.owner.get<PlanView>(`/api/v1/plans/${encodeURIComponent(planId)}`)) !== undefined,
    });
  }

  /** The funding norms plans has in force for the projects of `plan`, asked as the caller. */
  normsFor(plan: Pick<PlanFacts, 'level' | 'provinceCode'>): NormsInForce {
    return new NormsInForce(this, plan);
  }

  /** The norms in force on `asOf`: the national ones, and with `provinceCode` that province's own too. */
  normsOn(asOf: string, provinceCode: string | null): Promise<FundingNormView[] | undefined> {
    const province = provinceCode ? `&provinceCode=${provinceCode}` : '';
    return this.owner.get<FundingNormView[]>(`/api/v1/funding-norms?asOf=${asOf}${province}`);
  }

  /** Whether plans lists the project in a registration report of its plan (it becomes `submitted` then). */
  async listsInRegistration(project: { id: string; planId: string }): Promise<boolean> {
    const reports = await this.owner.get<PlanRegistrationView[] | { items: PlanRegistrationView[] }>(
      `/api/v1/plans/${encodeURIComponent(project.planId)}/registrations`,
    );
    return itemsOf(reports).some((r) => r.projectIds.includes(project.id));
  }

  /** The project's allocation in plans: the latest amount per funding source over its decisions, summed. */
  async allocatedVnd(project: { id: string; planId: string }): Promise<number> {
    const decisions = await this.owner.get<AssignmentDecisionView[] | { items: AssignmentDecisionView[] }>(
      `/api/v1/plans/${encodeURIComponent(project.planId)}/decisions`,
    );
    const latest = new Map<string, number>();
    for (const decision of itemsOf(decisions)) {
      for (const line of decision.allocations) {
        if (line.projectId === project.id) latest.set(line.fundingSource, line.amountVnd);
      }
    }
    return [...latest.values()].reduce((sum, v) => sum + v, 0);
  }
}
