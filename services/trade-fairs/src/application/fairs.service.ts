import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertMayActFor } from '@kc/auth';
import {
  fairCreatedV1,
  registrationWindowScheduledV1,
  type CreateFairRequest,
  type FairView,
  type ListFairsQuery,
  type Page,
  type Principal,
} from '@kc/contracts';
import { OutboxWriter } from '@kc/messaging';
import { planTradeFair } from '../domain/trade-fair';
import { FairEntity } from '../infrastructure/persistence/fair.entity';
import { referenceProvinces } from '../infrastructure/reference-provinces';
import { fairCreatedSummary } from './fair-audit';
import { SubsidyPoliciesService } from './subsidy-policies.service';
import { fairOrThrow } from './transactions';

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
  registrationOpensAt: f.registrationOpensAt?.toISOString() ?? null,
  registrationClosesAt: f.registrationClosesAt?.toISOString() ?? null,
  holdMinutes: f.holdMinutes,
  facilityBoothLimit: f.facilityBoothLimit,
  createdAt: f.createdAt.toISOString(),
});

@Injectable()
export class FairsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly policies: SubsidyPoliciesService,
  ) {}

  /** The route lets only the agency create fairs; were provinces let in, each would create only its own. */
  async create(principal: Principal, request: CreateFairRequest): Promise<FairView> {
    assertMayActFor(principal, request.provinceCode);
    const { registrationOpensAt, registrationClosesAt, holdMinutes, facilityBoothLimit, ...planned } =
      request;
    const fair = planTradeFair(
      { ...planned, regionCode: planned.regionCode ?? null, venue: planned.venue ?? null },
      referenceProvinces,
    );
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(FairEntity);
      const policy = await this.policies.defaultFor(manager, fair.startDate);
      const saved = await repo.save(
        repo.create({
          id: randomUUID(),
          ...fair,
          registrationOpensAt: registrationOpensAt ? new Date(registrationOpensAt) : null,
          registrationClosesAt: registrationClosesAt ? new Date(registrationClosesAt) : null,
          holdMinutes: holdMinutes ?? 15,
          facilityBoothLimit: facilityBoothLimit ?? 2,
          subsidyPolicyCode: policy?.code ?? null,
          subsidyPolicyVersion: policy?.version ?? null,
        }),
      );
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
      if (saved.registrationOpensAt) await this.recordWindow(manager, saved);
      return toView(saved);
    });
  }

  /** The event and audit entry of a fair's (new) registration window, in the caller's transaction. */
  async recordWindow(manager: EntityManager, fair: FairEntity): Promise<void> {
    const opensAt = fair.registrationOpensAt!.toISOString();
    const closesAt = fair.registrationClosesAt!.toISOString();
    await this.outbox.append(manager, registrationWindowScheduledV1, {
      aggregateId: fair.id,
      provinceCode: fair.provinceCode,
      payload: {
        fairId: fair.id,
        opensAt,
        closesAt,
        holdMinutes: fair.holdMinutes,
        facilityBoothLimit: fair.facilityBoothLimit,
      },
    });
    await this.outbox.audit(manager, {
      action: 'fair.schedule-registration',
      resourceType: 'fair',
      resourceId: fair.id,
      provinceCode: fair.provinceCode,
      summary:
        `Mở đăng ký gian hàng hội chợ "${fair.name}" từ ${opensAt} đến ${closesAt}; ` +
        `giữ chỗ ${fair.holdMinutes} phút, tối đa ${fair.facilityBoothLimit} gian mỗi cơ sở`,
    });
  }

  async get(id: string): Promise<FairView> {
    return toView(await fairOrThrow(this.dataSource.manager, id));
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
