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
import { OutboxWriter } from '@kc/messaging';
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
import { ProjectAllocationEntity } from '../infrastructure/persistence/project-ref.entity';
import { FundingNormsService } from './funding-norms.service';
import { maySee } from '@kc/auth';
import { assertPlanOwner, visiblePlan } from './plan-access';
import { decisionSummary } from './plan-audit';
import { normAllowances } from './project-norms';
import { lockedProjects } from './project-refs';
import { PROJECTS_OWNER, REPLICA_WAIT_MS, projectsAtOwner } from './projects-owner';

/** Refusals that plans' copy of the projects (`project_ref`) may give while it lags the projects service. */
const LAGGING_COPY = [
  'decision.unknown-project',
  'decision.project-not-appraised',
  'decision.over-appraised-support',
];
import { inTransaction, pgConstraint, sql } from '@kc/persistence';

const toView = (d: AssignmentDecisionEntity, lines: DecisionAllocationEntity[]): AssignmentDecisionView => ({
  id: d.id,
  planId: d.planId,
  number: d.number,
  signedOn: d.signedOn,
  kind: d.kind,
  allocations: lines.map((l) => ({
    projectId: l.projectId,
    provinceCode: l.provinceCode,
    fundingSource: l.fundingSource,
    amountVnd: l.amountVnd,
    previousVnd: l.previousVnd,
  })),
  createdAt: d.createdAt.toISOString(),
});

/** Plan-assignment decisions (Quyết định giao kế hoạch): all or nothing, Σ allocated ≤ ceiling per source. */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly norms: FundingNormsService,
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
    const decisionId = await withReplicaCatchUp({
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
    return this.get(principal, planId, decisionId);
  }

  private async decideOnce(
    principal: Principal,
    planId: string,
    request: DecideAssignmentRequest,
    judging: (context: DecisionContext) => void,
  ): Promise<string> {
    return inTransaction(this.dataSource, async (manager) => {
      const plan = await visiblePlan(manager, principal, planId);
      assertPlanOwner(principal, plan);
      const projectIds = [...new Set(request.allocations.map((a) => a.projectId))];
      const projects = await lockedProjects(manager, projectIds);
      const current = await manager
        .getRepository(ProjectAllocationEntity)
        .findBy({ projectId: In(projectIds) });
      const inThisPlan = [...projects.values()].filter((p) => p.planId === planId);
      const context: DecisionContext = {
        planId,
        kind: request.kind,
        projects,
        current: new Map(current.map((c) => [allocationKey(c.projectId, c.fundingSource), c.amountVnd])),
        normMax: await normAllowances(
          this.norms,
          manager,
          plan,
          inThisPlan,
          (p) =>
            `allocations[${request.allocations.findIndex((a) => a.projectId === p.projectId)}].projectId`,
        ),
      };
      judging(context);
      const lines = allocationLines(context, request.allocations);
      await this.takeFromCeilings(manager, planId, lines);

      const decision = manager.getRepository(AssignmentDecisionEntity).create({
        id: randomUUID(),
        planId,
        number: request.number,
        signedOn: request.signedOn,
        kind: request.kind,
        decidedBy: principal.name,
      });
      try {
        await manager.getRepository(AssignmentDecisionEntity).insert(decision);
      } catch (error) {
        if (pgConstraint(error) === 'assignment_decision_number_unique') {
          throw new ConflictError(
            {
              vi: `Kế hoạch này đã có quyết định số ${request.number}`,
              en: `Decision ${request.number} already exists for this plan`,
            },
            'decision.duplicate-number',
            'number',
          );
        }
        throw error;
      }
      await manager
        .getRepository(DecisionAllocationEntity)
        .insert(lines.map((line) => ({ decisionId: decision.id, ...line })));
      await manager.getRepository(ProjectAllocationEntity).upsert(
        lines.map((l) => ({
          projectId: l.projectId,
          fundingSource: l.fundingSource,
          planId,
          amountVnd: l.amountVnd,
        })),
        ['projectId', 'fundingSource'],
      );
      await this.outbox.append(manager, assignmentDecidedV1, {
        aggregateId: planId,
        provinceCode: plan.provinceCode,
        payload: {
          decisionId: decision.id,
          planId,
          planYear: plan.year,
          number: request.number,
          signedOn: request.signedOn,
          kind: request.kind,
          allocations: lines.map((l) => ({
            projectId: l.projectId,
            provinceCode: l.provinceCode,
            fundingSource: l.fundingSource,
            amountVnd: l.amountVnd,
            previousVnd: l.previousVnd,
          })),
        },
      });
      await this.outbox.audit(manager, {
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
      });
      return decision.id;
    });
  }

  /**
   * One guarded UPDATE per source (in a fixed order): it moves the allocated sum only if the result stays within
   * the ceiling, so parallel decisions cannot both take the last of it; the CHECK allocated ≤ ceiling stands
   * behind it. A refusal aborts the whole decision.
   */
  private async takeFromCeilings(
    manager: EntityManager,
    planId: string,
    lines: readonly AllocationLine[],
  ): Promise<void> {
    const deltas = [...deltasBySource(lines)].sort(([a], [b]) => a.localeCompare(b));
    for (const [source, delta] of deltas) {
      const updated = await sql(
        manager,
        `UPDATE plan_ceiling SET allocated_vnd = allocated_vnd + $3
          WHERE plan_id = $1 AND funding_source = $2 AND allocated_vnd + $3 <= ceiling_vnd
          RETURNING allocated_vnd`,
        [planId, source, delta],
      );
      if (updated.length > 0) continue;
      const [ceiling] = await sql<{ ceiling_vnd: string; allocated_vnd: string }>(
        manager,
        `SELECT ceiling_vnd, allocated_vnd FROM plan_ceiling WHERE plan_id = $1 AND funding_source = $2`,
        [planId, source],
      );
      if (!ceiling) {
        throw new RuleViolationError(
          {
            vi: `Kế hoạch chưa có hạn mức ${fundingSourceLabels[source]} để phân bổ`,
            en: `The plan has no ${source} ceiling to allocate from`,
          },
          'decision.no-ceiling',
          'allocations',
        );
      }
      throw new RuleViolationError(
        {
          vi:
            `Tổng phân bổ từ nguồn ${source} sẽ là ${formatVnd(Number(ceiling.allocated_vnd) + delta)} VND, ` +
            `vượt hạn mức ${formatVnd(Number(ceiling.ceiling_vnd))} VND của kế hoạch (đã phân bổ ` +
            `${formatVnd(Number(ceiling.allocated_vnd))} VND)`,
          en:
            `Σ allocated from ${source} would be ${formatVnd(Number(ceiling.allocated_vnd) + delta)} VND, ` +
            `above the plan's ceiling of ${formatVnd(Number(ceiling.ceiling_vnd))} VND (already allocated ` +
            `${formatVnd(Number(ceiling.allocated_vnd))} VND)`,
        },
        'plan.ceiling-exceeded',
        'allocations',
      );
    }
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

  private async get(principal: Principal, planId: string, id: string): Promise<AssignmentDecisionView> {
    return (await this.list(principal, planId)).find((d) => d.id === id)!;
  }
}
