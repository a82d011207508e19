import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  assignmentDecidedV1,
  formatVnd,
  fundingSourceLabels,
  type AssignmentDecisionView,
  type DecideAssignmentRequest,
  type Principal,
} from '@kc/contracts';
import { ConflictError, RuleViolationError } from '@kc/errors';
import { OutboxWriter, outboxEntry } from '@kc/messaging';
import { inTransaction, pgConstraint } from '@kc/persistence';
import type { FundingSource } from '../domain/annual-plan';
import {
  allocationKey,
  allocationLines,
  deltasBySource,
  type AllocationLine,
  type DecisionContext,
} from '../domain/assignment';
import { OwnerClient, passesOn, withReplicaCatchUp } from '@kc/http';
import {
  AssignmentDecisionEntity,
  DecisionAllocationEntity,
} from '../infrastructure/persistence/decision.entity';
import {
  allocationsInForce,
  ceilingOf,
  lockDecisionInputs,
  recordDecision,
  type NewDecision,
} from '../infrastructure/persistence/decisions.queries';
import { maySee } from '@kc/auth';
import { assertPlanOwner, seenPlan, visiblePlan } from './plan-access';
import { decisionSummary } from './plan-audit';
import { allowancesFrom } from './project-norms';
import { PROJECTS_OWNER, REPLICA_WAIT_MS, projectsAtOwner } from './projects-owner';

/** Refusals that plans' copy of the projects (`project_ref`) may give while it lags the projects service. */
const LAGGING_COPY = [
  'decision.unknown-project',
  'decision.project-not-appraised',
  'decision.over-appraised-support',
];

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A line of a decision as its view and its event state it. */
const lineFacts = (l: AllocationLine | DecisionAllocationEntity) => ({
  projectId: l.projectId,
  provinceCode: l.provinceCode,
  fundingSource: l.fundingSource,
  amountVnd: l.amountVnd,
  previousVnd: l.previousVnd,
});

const toView = (d: AssignmentDecisionEntity, lines: DecisionAllocationEntity[]): AssignmentDecisionView => ({
  id: d.id,
  planId: d.planId,
  number: d.number,
  signedOn: d.signedOn,
  kind: d.kind,
  allocations: lines.map(lineFacts),
  createdAt: d.createdAt.toISOString(),
});

/** Plan-assignment decisions (Quyết định giao kế hoạch): all or nothing, Σ allocated ≤ ceiling per source. */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    @Inject(PROJECTS_OWNER) private readonly projectsOwner: OwnerClient,
    @Inject(REPLICA_WAIT_MS) private readonly replicaWaitMs: number,
  ) {}

  /**
   * A decision is judged on plans' copy of its projects; a refusal that the copy may owe to lagging stands only
   * if the projects service's own facts refuse it too (else the decision waits for the copy, or answers 503).
   */
  async decide(
    principal: Principal,
    planId: string,
    request: DecideAssignmentRequest,
  ): Promise<AssignmentDecisionView> {
    let judged: DecisionContext | undefined;
    return withReplicaCatchUp({
      owner: this.projectsOwner,
      waitMs: this.replicaWaitMs,
      lagCodes: LAGGING_COPY,
      attempt: () =>
        this.decideOnce(principal, planId, request, (context) => {
          judged = context;
        }),
      ownerAllows: async () => {
        const ids = request.allocations.map((a) => a.projectId);
        const projects = await projectsAtOwner(this.projectsOwner, ids);
        return passesOn(() => allocationLines({ ...judged!, projects }, request.allocations));
      },
    });
  }

  /**
   * Four statements between BEGIN and COMMIT: the plan with the projects locked and their norms; the
   * allocations in force; the event and the audit entry; the ceiling guard with the decision's rows. The
   * outbox rows go in before the ceiling is taken, so the plan's ceiling row — which every decision of the plan
   * needs — stays locked for that last statement and the commit only. The answer is built from what was written.
   */
  private async decideOnce(
    principal: Principal,
    planId: string,
    request: DecideAssignmentRequest,
    judging: (context: DecisionContext) => void,
  ): Promise<AssignmentDecisionView> {
    return inTransaction(this.dataSource, async (manager) => {
      const projectIds = [...new Set(request.allocations.map((a) => a.projectId))];
      const inputs = await lockDecisionInputs(manager, planId, projectIds);
      const plan = seenPlan(principal, planId, inputs.plan);
      assertPlanOwner(principal, plan);
      const current = await allocationsInForce(manager, projectIds);
      const inThisPlan = [...inputs.projects.values()].filter((p) => p.planId === planId);
      const context: DecisionContext = {
        planId,
        kind: request.kind,
        projects: inputs.projects,
        current: new Map(current.map((c) => [allocationKey(c.projectId, c.fundingSource), c.amountVnd])),
        normMax: allowancesFrom(
          inputs.norms,
          plan,
          inThisPlan,
          (p) =>
            `allocations[${request.allocations.findIndex((a) => a.projectId === p.projectId)}].projectId`,
        ),
      };
      judging(context);
      const lines = allocationLines(context, request.allocations);
      const decision = {
        id: randomUUID(),
        planId,
        number: request.number,
        signedOn: request.signedOn,
        kind: request.kind,
        decidedBy: principal.name,
      };
      await this.outbox.appendAll(manager, [
        outboxEntry(assignmentDecidedV1, {
          aggregateId: planId,
          provinceCode: plan.provinceCode,
          payload: {
            decisionId: decision.id,
            planId,
            planYear: plan.year,
            number: request.number,
            signedOn: request.signedOn,
            kind: request.kind,
            allocations: lines.map(lineFacts),
          },
        }),
        this.outbox.auditEvent({
          action: 'plan.decide-assignment',
          resourceType: 'assignment-decision',
          resourceId: decision.id,
          provinceCode: plan.provinceCode,
          summary: decisionSummary(
            plan.name,
            request.number,
            lines.length,
            lines.reduce((sum, l) => sum + l.amountVnd, 0),
          ),
        }),
      ]);
      // In name order: a refusal names the first source without room. (Two decisions touching both of a plan's
      // sources may lock its ceilings in crossing orders; inTransaction runs the deadlock's victim again.)
      const deltas = new Map([...deltasBySource(lines)].sort(([a], [b]) => a.localeCompare(b)));
      const recorded = await this.record(manager, decision, deltas, lines);
      if (!recorded.createdAt) {
        const refused = [...deltas].find(([source]) => !recorded.taken.includes(source))!;
        throw await this.ceilingRefusal(manager, planId, ...refused);
      }
      return {
        id: decision.id,
        planId,
        number: request.number,
        signedOn: request.signedOn,
        kind: request.kind,
        allocations: lines
          // A province officer sees the lines of their own province only, as in the list.
          .filter((l) => maySee(principal, l.provinceCode))
          .sort((a, b) => compare(a.projectId, b.projectId) || compare(a.fundingSource, b.fundingSource))
          .map((l) => ({
            projectId: l.projectId,
            provinceCode: l.provinceCode,
            fundingSource: l.fundingSource,
            amountVnd: l.amountVnd,
            previousVnd: l.previousVnd,
          })),
        createdAt: recorded.createdAt.toISOString(),
      };
    });
  }

  private async record(
    manager: EntityManager,
    decision: NewDecision,
    deltas: ReadonlyMap<FundingSource, number>,
    lines: readonly AllocationLine[],
  ) {
    try {
      return await recordDecision(manager, decision, deltas, lines);
    } catch (error) {
      if (pgConstraint(error) === 'assignment_decision_number_unique') {
        throw new ConflictError(
          {
            vi: `Kế hoạch này đã có quyết định số ${decision.number}`,
            en: `Decision ${decision.number} already exists for this plan`,
          },
          'decision.duplicate-number',
          'number',
        );
      }
      throw error;
    }
  }

  /** Why the ceiling of `source` refused `delta`: the plan has none, or it would be exceeded. */
  private async ceilingRefusal(
    manager: EntityManager,
    planId: string,
    source: FundingSource,
    delta: number,
  ): Promise<RuleViolationError> {
    const ceiling = await ceilingOf(manager, planId, source);
    if (!ceiling) {
      return new RuleViolationError(
        {
          vi: `Kế hoạch chưa có hạn mức ${fundingSourceLabels[source]} để phân bổ`,
          en: `The plan has no ${source} ceiling to allocate from`,
        },
        'decision.no-ceiling',
        'allocations',
      );
    }
    const { ceilingVnd, allocatedVnd } = ceiling;
    return new RuleViolationError(
      {
        vi:
          `Tổng phân bổ từ nguồn ${source} sẽ là ${formatVnd(allocatedVnd + delta)} VND, ` +
          `vượt hạn mức ${formatVnd(ceilingVnd)} VND của kế hoạch (đã phân bổ ` +
          `${formatVnd(allocatedVnd)} VND)`,
        en:
          `Σ allocated from ${source} would be ${formatVnd(allocatedVnd + delta)} VND, ` +
          `above the plan's ceiling of ${formatVnd(ceilingVnd)} VND (already allocated ` +
          `${formatVnd(allocatedVnd)} VND)`,
      },
      'plan.ceiling-exceeded',
      'allocations',
    );
  }

  async list(principal: Principal, planId: string): Promise<AssignmentDecisionView[]> {
    const manager = this.dataSource.manager;
    await visiblePlan(manager, principal, planId);
    const decisions = await manager
      .getRepository(AssignmentDecisionEntity)
      .find({ where: { planId }, order: { signedOn: 'ASC', createdAt: 'ASC' } });
    const lines = decisions.length
      ? await manager
          .getRepository(DecisionAllocationEntity)
          .find({ where: { decisionId: In(decisions.map((d) => d.id)) }, order: { projectId: 'ASC' } })
      : [];
    // A province officer reading the national plan sees the lines of their own province only.
    const visible = lines.filter((l) => maySee(principal, l.provinceCode));
    return decisions.map((d) =>
      toView(
        d,
        visible.filter((l) => l.decisionId === d.id),
      ),
    );
  }
}
