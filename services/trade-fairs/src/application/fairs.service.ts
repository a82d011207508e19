import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { assertMayActFor } from '@kc/auth';
import {
  fairCreatedV2,
  registrationWindowScheduledV1,
  type CreateFairRequest,
  type FairView,
  type ListFairsQuery,
  type Page,
  type Principal,
} from '@kc/contracts';
import { OutboxWriter } from '@kc/messaging';
import { referenceProvinces, unitsCoveredBy } from '@kc/reference-data';
import { policyForFair } from '../domain/subsidy';
import { assertAllocationSettings, planTradeFair } from '../domain/trade-fair';
import { FairEntity } from '../infrastructure/persistence/fair.entity';
import { drawTimesOf } from '../infrastructure/persistence/lottery.queries';
import { fairCreatedSummary } from './fair-audit';
import { SubsidyPoliciesService } from './subsidy-policies.service';
import { fairOrThrow } from './fair-lookup';

const toView = (f: FairEntity, lotteryDrawnAt: Date | null = null): FairView => ({
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
  organiser: f.organiser,
  awardCeremony: f.awardCeremonyName
    ? { name: f.awardCeremonyName, level: f.awardCeremonyLevel, date: f.awardCeremonyDate }
    : null,
  subsidyPolicy: f.subsidyPolicyCode ? { code: f.subsidyPolicyCode, version: f.subsidyPolicyVersion! } : null,
  allocationMethod: f.allocationMethod,
  awardPriority: f.awardPriority,
  lotteryDrawnAt: lotteryDrawnAt?.toISOString() ?? null,
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
    const {
      registrationOpensAt,
      registrationClosesAt,
      holdMinutes,
      facilityBoothLimit,
      organiser,
      awardCeremony,
      subsidyPolicyCode,
      allocationMethod,
      awardPriority,
      ...planned
    } = request;
    const fair = planTradeFair(
      { ...planned, regionCode: planned.regionCode ?? null, venue: planned.venue ?? null },
      referenceProvinces,
    );
    const settings = {
      allocationMethod: allocationMethod ?? 'first-come',
      awardPriority: awardPriority ?? false,
      awardCeremonyDate: awardCeremony?.date ?? null,
    };
    assertAllocationSettings(fair, settings);
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(FairEntity);
      // A chosen policy must have a version in force when the fair opens; the default may have none.
      const policy = subsidyPolicyCode
        ? policyForFair(
            await this.policies.inForce(manager, fair.startDate),
            subsidyPolicyCode,
            fair.startDate,
            'subsidyPolicyCode',
          )
        : await this.policies.defaultFor(manager, fair);
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
          organiser: organiser ?? null,
          awardCeremonyName: awardCeremony?.name ?? null,
          awardCeremonyLevel: awardCeremony?.level ?? null,
          awardCeremonyDate: awardCeremony?.date ?? null,
          allocationMethod: settings.allocationMethod,
          awardPriority: settings.awardPriority,
        }),
      );
      const { venue: _venue, ...facts } = fair;
      await this.outbox.append(manager, fairCreatedV2, {
        aggregateId: saved.id,
        provinceCode: saved.provinceCode,
        payload: {
          fairId: saved.id,
          ...facts,
          organiser: saved.organiser,
          awardCeremony: saved.awardCeremonyName
            ? {
                name: saved.awardCeremonyName,
                level: saved.awardCeremonyLevel,
                date: saved.awardCeremonyDate,
              }
            : null,
          subsidyPolicy: policy ? { code: policy.code, version: policy.version } : null,
          allocationMethod: saved.allocationMethod,
          awardPriority: saved.awardPriority,
        },
      });
      await this.outbox.audit(manager, {
        action: 'fair.create',
        resourceType: 'fair',
        resourceId: saved.id,
        provinceCode: saved.provinceCode,
        summary: fairCreatedSummary(fair, saved),
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
    const fair = await fairOrThrow(this.dataSource.manager, id);
    return toView(fair, (await drawTimesOf(this.dataSource.manager, [id])).get(id));
  }

  async list(query: ListFairsQuery): Promise<Page<FairView>> {
    const [items, total] = await this.dataSource.getRepository(FairEntity).findAndCount({
      where: {
        year: query.year,
        scale: query.scale,
        regionCode: query.regionCode,
        provinceCode: query.provinceCode && In(unitsCoveredBy(query.provinceCode, query.unitAsOf)),
      },
      order: { startDate: 'DESC', name: 'ASC' },
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    });
    const drawn = await drawTimesOf(
      this.dataSource.manager,
      items.map((f) => f.id),
    );
    return {
      items: items.map((f) => toView(f, drawn.get(f.id))),
      page: query.page,
      limit: query.limit,
      total,
    };
  }
}
