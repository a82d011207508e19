import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { assertMayActFor, maySee } from '@kc/auth';
import {
  formatVnd,
  planCeilingSetV1,
  planCreatedV1,
  type CreatePlanRequest,
  type ListPlansQuery,
  type Page,
  type PlanView,
  type Principal,
  type SetCeilingRequest,
} from '@kc/contracts';
import { ConflictError, RuleViolationError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { referenceProvinces } from '@kc/reference-data';
import { assertProgrammeCovers, draftAnnualPlan, ownFundingSource } from '../domain/annual-plan';
import { PlanCeilingChangeEntity } from '../infrastructure/persistence/decision.entity';
import { PlanCeilingEntity, PlanEntity } from '../infrastructure/persistence/plan.entity';
import { ProgrammeEntity } from '../infrastructure/persistence/programme.entity';
import { assertPlanOwner, visiblePlan, visiblePlanProvinces } from './plan-access';
import { ceilingSetSummary, planCreatedSummary } from './plan-audit';
import { inTransaction, pgConstraint, sql } from '@kc/persistence';

/** MM-DD of the year before a plan's year: the default registration deadline. */
export const REGISTRATION_DEADLINE = Symbol('REGISTRATION_DEADLINE');

const toView = (p: PlanEntity, ceilings: PlanCeilingEntity[]): PlanView => {
  const own = ceilings
    .filter((c) => c.planId === p.id)
    .sort((a, b) => a.fundingSource.localeCompare(b.fundingSource));
  return {
    id: p.id,
    name: p.name,
    year: p.year,
    level: p.level,
    provinceCode: p.provinceCode,
    budgetVnd: own.reduce((sum, c) => sum + c.ceilingVnd, 0),
    programmeId: p.programmeId,
    registrationDeadline: p.registrationDeadline,
    ceilings: own.map((c) => ({
      fundingSource: c.fundingSource,
      ceilingVnd: c.ceilingVnd,
      allocatedVnd: c.allocatedVnd,
    })),
    createdAt: p.createdAt.toISOString(),
  };
};

@Injectable()
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    @Inject(REGISTRATION_DEADLINE) private readonly deadlineMonthDay: string,
  ) {}

  async create(principal: Principal, request: CreatePlanRequest): Promise<PlanView> {
    assertMayActFor(principal, request.provinceCode ?? null);
    const plan = draftAnnualPlan(
      { ...request, provinceCode: request.provinceCode ?? null },
      referenceProvinces,
      this.deadlineMonthDay,
    );
    const source = ownFundingSource(plan.level);
    const id = await this.dataSource.transaction(async (manager) => {
      if (request.programmeId) {
        const programme = await manager.getRepository(ProgrammeEntity).findOneBy({ id: request.programmeId });
        // Another province's programme is as unknown to the caller as a missing one.
        if (!programme || !maySee(principal, programme.provinceCode)) {
          throw new RuleViolationError(
            {
              vi: `Không có chương trình ${request.programmeId}`,
              en: `Programme ${request.programmeId} does not exist`,
            },
            'plan.unknown-programme',
            'programmeId',
          );
        }
        assertProgrammeCovers(programme, plan);
      }
      const repo = manager.getRepository(PlanEntity);
      const existing = await repo.findOneBy({
        year: plan.year,
        level: plan.level,
        provinceCode: plan.provinceCode ?? IsNull(),
      });
      if (existing) {
        throw new ConflictError(
          {
            vi: `Đã có ${existing.name} (${existing.id})`,
            en: `${existing.name} already exists (${existing.id})`,
          },
          'plan.already-exists',
        );
      }
      const { budgetVnd, ...columns } = plan;
      const saved = await repo
        .save(repo.create({ id: randomUUID(), ...columns, programmeId: request.programmeId ?? null }))
        .catch((error: unknown) => {
          // Two requests for the same plan at once: the unique index decides, the loser is told why.
          if (pgConstraint(error) === 'annual_plan_one_per_year') {
            throw new ConflictError(
              { vi: `Đã có ${plan.name}`, en: `${plan.name} already exists` },
              'plan.already-exists',
            );
          }
          throw error;
        });
      await manager
        .getRepository(PlanCeilingEntity)
        .insert({ planId: saved.id, fundingSource: source, ceilingVnd: budgetVnd, allocatedVnd: 0 });
      await manager.getRepository(PlanCeilingChangeEntity).insert({
        id: randomUUID(),
        planId: saved.id,
        fundingSource: source,
        previousVnd: null,
        ceilingVnd: budgetVnd,
        decisionNumber: null,
        signedOn: null,
        changedBy: principal.name,
      });
      await this.outbox.append(manager, planCreatedV1, {
        aggregateId: saved.id,
        provinceCode: saved.provinceCode,
        payload: {
          planId: saved.id,
          name: plan.name,
          year: plan.year,
          level: plan.level,
          provinceCode: plan.provinceCode,
          budgetVnd,
        },
      });
      await this.outbox.append(manager, planCeilingSetV1, {
        aggregateId: saved.id,
        provinceCode: saved.provinceCode,
        payload: {
          planId: saved.id,
          planYear: plan.year,
          fundingSource: source,
          ceilingVnd: budgetVnd,
          decisionNumber: null,
          signedOn: null,
        },
      });
      await this.outbox.audit(manager, {
        action: 'plan.create',
        resourceType: 'plan',
        resourceId: saved.id,
        provinceCode: saved.provinceCode,
        summary: planCreatedSummary(plan),
      });
      return saved.id;
    });
    return this.view(this.dataSource.manager, id);
  }

  /**
   * A budget adjustment decision for one source: never below what the plan's decisions have allocated (a
   * guarded UPDATE backed by the CHECK allocated ≤ ceiling). A source the plan did not have yet is added.
   */
  async setCeiling(principal: Principal, id: string, request: SetCeilingRequest): Promise<PlanView> {
    await inTransaction(this.dataSource, async (manager) => {
      const plan = await visiblePlan(manager, principal, id);
      assertPlanOwner(principal, plan);
      const [current] = await sql<{ ceiling_vnd: string; allocated_vnd: string }>(
        manager,
        `SELECT ceiling_vnd, allocated_vnd FROM plan_ceiling WHERE plan_id = $1 AND funding_source = $2 FOR UPDATE`,
        [id, request.fundingSource],
      );
      if (current && Number(current.allocated_vnd) > request.ceilingVnd) {
        throw new RuleViolationError(
          {
            vi:
              `Kế hoạch đã phân bổ ${formatVnd(Number(current.allocated_vnd))} VND từ nguồn ` +
              `${request.fundingSource}: hạn mức không được thấp hơn số đó`,
            en:
              `The plan has already allocated ${formatVnd(Number(current.allocated_vnd))} VND from ` +
              `${request.fundingSource}: the ceiling cannot go below it`,
          },
          'plan.ceiling-below-allocated',
          'ceilingVnd',
        );
      }
      if (current) {
        await sql(
          manager,
          `UPDATE plan_ceiling SET ceiling_vnd = $3 WHERE plan_id = $1 AND funding_source = $2`,
          [id, request.fundingSource, request.ceilingVnd],
        );
      } else {
        await sql(
          manager,
          `INSERT INTO plan_ceiling (plan_id, funding_source, ceiling_vnd) VALUES ($1, $2, $3)`,
          [id, request.fundingSource, request.ceilingVnd],
        );
      }
      try {
        await manager.getRepository(PlanCeilingChangeEntity).insert({
          id: randomUUID(),
          planId: id,
          fundingSource: request.fundingSource,
          previousVnd: current ? Number(current.ceiling_vnd) : null,
          ceilingVnd: request.ceilingVnd,
          decisionNumber: request.decisionNumber,
          signedOn: request.signedOn,
          changedBy: principal.name,
        });
      } catch (error) {
        if (pgConstraint(error) === 'plan_ceiling_change_decision_unique') {
          throw new ConflictError(
            {
              vi: `Quyết định ${request.decisionNumber} đã đặt hạn mức ${request.fundingSource} của kế hoạch này`,
              en: `Decision ${request.decisionNumber} already set this plan's ${request.fundingSource} ceiling`,
            },
            'plan.duplicate-ceiling-decision',
            'decisionNumber',
          );
        }
        throw error;
      }
      await this.outbox.append(manager, planCeilingSetV1, {
        aggregateId: id,
        provinceCode: plan.provinceCode,
        payload: {
          planId: id,
          planYear: plan.year,
          fundingSource: request.fundingSource,
          ceilingVnd: request.ceilingVnd,
          decisionNumber: request.decisionNumber,
          signedOn: request.signedOn,
        },
      });
      await this.outbox.audit(manager, {
        action: 'plan.set-ceiling',
        resourceType: 'plan',
        resourceId: id,
        provinceCode: plan.provinceCode,
        summary: ceilingSetSummary(
          plan.name,
          request.fundingSource,
          current ? Number(current.ceiling_vnd) : null,
          request.ceilingVnd,
          request.decisionNumber,
        ),
      });
    });
    return this.view(this.dataSource.manager, id);
  }

  async get(principal: Principal, id: string): Promise<PlanView> {
    await visiblePlan(this.dataSource.manager, principal, id);
    return this.view(this.dataSource.manager, id);
  }

  async list(principal: Principal, query: ListPlansQuery): Promise<Page<PlanView>> {
    const filter = { year: query.year, level: query.level };
    const provinces = visiblePlanProvinces(principal, query.provinceCode, query.unitAsOf);
    const [items, total] = await this.dataSource.getRepository(PlanEntity).findAndCount({
      where: provinces?.map((code) => ({ ...filter, provinceCode: code ?? IsNull() })) ?? filter,
      order: { year: 'DESC', level: 'ASC', provinceCode: 'ASC' },
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    });
    const ceilings = items.length
      ? await this.dataSource.getRepository(PlanCeilingEntity).findBy({ planId: In(items.map((p) => p.id)) })
      : [];
    return { items: items.map((p) => toView(p, ceilings)), page: query.page, limit: query.limit, total };
  }

  private async view(manager: EntityManager, id: string): Promise<PlanView> {
    const plan = await manager.getRepository(PlanEntity).findOneByOrFail({ id });
    return toView(plan, await manager.getRepository(PlanCeilingEntity).findBy({ planId: id }));
  }
}
