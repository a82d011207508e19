import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertMayActFor } from '@kc/auth';
import {
  fairCreatedV1,
  type CreateFairRequest,
  type FairView,
  type ListFairsQuery,
  type Page,
  type Principal,
} from '@kc/contracts';
import { NotFoundError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { planTradeFair } from '../domain/trade-fair';
import { FairEntity } from '../infrastructure/persistence/fair.entity';
import { referenceProvinces } from '../infrastructure/reference-provinces';
import { fairCreatedSummary } from './fair-audit';

const toView = (f: FairEntity): FairView => ({
  id: f.id,
  name: f.name,
  year: f.year,
  scale: f.scale,
  regionCode: f.regionCode,
  provinceCode: f.provinceCode,
  startDate: f.startDate,
  endDate: f.endDate,
  boothCount: f.boothCount,
  venue: f.venue,
  createdAt: f.createdAt.toISOString(),
});

@Injectable()
export class FairsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /** The route lets only the agency create fairs; were provinces let in, each would create only its own. */
  async create(principal: Principal, request: CreateFairRequest): Promise<FairView> {
    assertMayActFor(principal, request.provinceCode);
    const fair = planTradeFair(
      { ...request, regionCode: request.regionCode ?? null, venue: request.venue ?? null },
      referenceProvinces,
    );
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(FairEntity);
      const saved = await repo.save(repo.create({ id: randomUUID(), ...fair }));
      const { venue: _venue, ...facts } = fair;
      await this.outbox.append(manager, fairCreatedV1, {
        aggregateId: saved.id,
        provinceCode: saved.provinceCode,
        payload: { fairId: saved.id, ...facts },
      });
      await this.outbox.audit(manager, {
        action: 'fair.create',
        resourceType: 'fair',
        resourceId: saved.id,
        provinceCode: saved.provinceCode,
        summary: fairCreatedSummary(fair),
      });
      return toView(saved);
    });
  }

  async get(id: string): Promise<FairView> {
    const fair = await this.dataSource.getRepository(FairEntity).findOneBy({ id });
    if (!fair) throw new NotFoundError(`Fair ${id} does not exist`, 'fair.not-found');
    return toView(fair);
  }

  async list(query: ListFairsQuery): Promise<Page<FairView>> {
    const [items, total] = await this.dataSource.getRepository(FairEntity).findAndCount({
      where: {
        year: query.year,
        scale: query.scale,
        regionCode: query.regionCode,
        provinceCode: query.provinceCode,
      },
      order: { startDate: 'DESC', name: 'ASC' },
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    });
    return { items: items.map(toView), page: query.page, limit: query.limit, total };
  }
}
