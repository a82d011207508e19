import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { assertMayActFor, maySee } from '@kc/auth';
import {
  planCreatedV1,
  type CreatePlanRequest,
  type ListPlansQuery,
  type Page,
  type PlanView,
  type Principal,
} from '@kc/contracts';
import { ConflictError, NotFoundError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { draftAnnualPlan } from '../domain/annual-plan';
import { PlanEntity } from '../infrastructure/persistence/plan.entity';
import { referenceProvinces } from '../infrastructure/reference-provinces';
import { visiblePlanProvinces } from './plan-access';
import { planCreatedSummary } from './plan-audit';

const toView = (p: PlanEntity): PlanView => ({
  id: p.id,
  name: p.name,
  year: p.year,
  level: p.level,
  provinceCode: p.provinceCode,
  budgetVnd: p.budgetVnd,
  createdAt: p.createdAt.toISOString(),
});

@Injectable()
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async create(principal: Principal, request: CreatePlanRequest): Promise<PlanView> {
    assertMayActFor(principal, request.provinceCode ?? null);
    const plan = draftAnnualPlan(
      { ...request, provinceCode: request.provinceCode ?? null },
      referenceProvinces,
    );
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(PlanEntity);
      const existing = await repo.findOneBy({
        year: plan.year,
        level: plan.level,
        provinceCode: plan.provinceCode ?? undefined,
      });
      if (existing && existing.provinceCode === plan.provinceCode) {
        throw new ConflictError(`${existing.name} already exists (${existing.id})`, 'plan.already-exists');
      }
      const saved = await repo.save(repo.create({ id: randomUUID(), ...plan }));
      await this.outbox.append(manager, planCreatedV1, {
        aggregateId: saved.id,
        provinceCode: saved.provinceCode,
        payload: { planId: saved.id, ...plan },
      });
      await this.outbox.audit(manager, {
        action: 'plan.create',
        resourceType: 'plan',
        resourceId: saved.id,
        provinceCode: saved.provinceCode,
        summary: planCreatedSummary(plan),
      });
      return toView(saved);
    });
  }

  /** Another province's plan answers exactly like a missing one, so ids reveal nothing. */
  async get(principal: Principal, id: string): Promise<PlanView> {
    const plan = await this.dataSource.getRepository(PlanEntity).findOneBy({ id });
    if (!plan || !maySee(principal, plan.provinceCode))
      throw new NotFoundError(`Plan ${id} does not exist`, 'plan.not-found');
    return toView(plan);
  }

  async list(principal: Principal, query: ListPlansQuery): Promise<Page<PlanView>> {
    const filter = { year: query.year, level: query.level };
    const provinces = visiblePlanProvinces(principal, query.provinceCode);
    const [items, total] = await this.dataSource.getRepository(PlanEntity).findAndCount({
      where: provinces?.map((code) => ({ ...filter, provinceCode: code ?? IsNull() })) ?? filter,
      order: { year: 'DESC', level: 'ASC', provinceCode: 'ASC' },
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    });
    return { items: items.map(toView), page: query.page, limit: query.limit, total };
  }
}
