import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  planCreatedV1,
  type CreatePlanRequest,
  type ListPlansQuery,
  type Page,
  type PlanView,
} from '@kc/contracts';
import { ConflictError, NotFoundError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { draftAnnualPlan } from '../domain/annual-plan';
import { PlanEntity } from '../infrastructure/persistence/plan.entity';
import { referenceProvinces } from '../infrastructure/reference-provinces';

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

  async create(request: CreatePlanRequest): Promise<PlanView> {
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
      return toView(saved);
    });
  }

  async get(id: string): Promise<PlanView> {
    const plan = await this.dataSource.getRepository(PlanEntity).findOneBy({ id });
    if (!plan) throw new NotFoundError(`Plan ${id} does not exist`, 'plan.not-found');
    return toView(plan);
  }

  async list(query: ListPlansQuery): Promise<Page<PlanView>> {
    const [items, total] = await this.dataSource.getRepository(PlanEntity).findAndCount({
      where: { year: query.year, level: query.level, provinceCode: query.provinceCode },
      order: { year: 'DESC', level: 'ASC', provinceCode: 'ASC' },
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    });
    return { items: items.map(toView), page: query.page, limit: query.limit, total };
  }
}
