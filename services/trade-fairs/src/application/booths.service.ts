import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type Repository } from 'typeorm';
import {
  boothAddedV1,
  boothStateLabels,
  DEFAULT_BOOTH_AREA_M2,
  quotaSetV1,
  type AddBoothsRequest,
  type BoothView,
  type FairView,
  type Principal,
  type QuotaView,
  type RegistrationWindowRequest,
  type SetQuotasRequest,
} from '@kc/contracts';
import { ConflictError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { referenceProvinces } from '@kc/reference-data';
import { assertInventoryFits, planQuotas } from '../domain/booth-registration';
import { BoothBucketEntity } from '../infrastructure/persistence/booth-bucket.entity';
import { BoothEntity } from '../infrastructure/persistence/booth.entity';
import {
  addToPool,
  boothsWithLiveState,
  registrationAndBoothCounts,
  replaceQuotas,
} from '../infrastructure/persistence/booths.queries';
import { BoothAllocation } from './booth-allocation';
import { FairsService } from './fairs.service';
import { fairOrThrow } from './fair-lookup';
import { assertRunsFair } from './registration-access';
import { inTransaction } from '@kc/persistence';

/** The fair's booth inventory, its provincial quotas and its registration window. */
@Injectable()
export class BoothsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly allocation: BoothAllocation,
    private readonly fairs: FairsService,
  ) {}

  /** New booths join the common pool; waiting requests get them first. */
  async addBooths(principal: Principal, fairId: string, request: AddBoothsRequest): Promise<BoothView[]> {
    assertRunsFair(principal, fairId);
    return inTransaction(this.dataSource, async (manager) => {
      const fair = await fairOrThrow(manager, fairId, true);
      const repo = manager.getRepository(BoothEntity);
      const existing = await repo.find({ where: { fairId }, select: { code: true } });
      assertInventoryFits(existing.length, request.booths.length, fair.boothCount);
      const taken = new Set(existing.map((b) => b.code));
      const clash = request.booths.find((b) => taken.has(b.code));
      if (clash)
        throw new ConflictError(
          {
            vi: `Hội chợ đã có gian hàng ${clash.code}`,
            en: `Booth ${clash.code} already exists at this fair`,
          },
          'booth.code-taken',
        );
      const booths = request.booths.map((b) =>
        repo.create({
          id: randomUUID(),
          fairId,
          code: b.code,
          hall: b.hall,
          zone: b.zone ?? null,
          kind: b.kind,
          areaM2: b.areaM2 ?? DEFAULT_BOOTH_AREA_M2[b.kind],
          rentVnd: b.rentVnd,
          ...b.layout,
          state: 'free',
          registrationId: null,
        }),
      );
      await repo.insert(booths);
      await addToPool(manager, fairId, booths.length);
      const inventorySize = existing.length + booths.length;
      await this.outbox.append(manager, boothAddedV1, {
        aggregateId: fairId,
        provinceCode: fair.provinceCode,
        payload: {
          fairId,
          booths: booths.map(({ code, hall, zone, kind, areaM2, rentVnd, x, y, w, h }) => ({
            code,
            hall,
            zone,
            kind,
            areaM2,
            rentVnd,
            layout: { x, y, w, h },
          })),
          inventorySize,
        },
      });
      await this.outbox.audit(manager, {
        action: 'fair-booth.add',
        resourceType: 'fair',
        resourceId: fairId,
        provinceCode: fair.provinceCode,
        summary: `Thêm ${booths.length} gian hàng vào hội chợ "${fair.name}" (tổng ${inventorySize} gian)`,
      });
      await this.allocation.promote(manager, fair);
      return booths.map((b) => boothView(b, 'free'));
    });
  }

  /**
   * Every booth with its state now: a hold past its deadline shows as free, since anyone may take it; an
   * allocated booth whose facility has arrived shows as checked in.
   */
  async listBooths(fairId: string): Promise<BoothView[]> {
    await fairOrThrow(this.dataSource.manager, fairId);
    const rows = await boothsWithLiveState(this.dataSource.manager, fairId);
    return rows.map((b) => boothView(b, b.liveState));
  }

  /**
   * Reserves booths for provinces of a regional fair's region until `releaseAt`; the rest is the common
   * pool. Quotas are settled before anyone registers, so no booth is ever charged to a quota that changes.
   */
  async setQuotas(fairId: string, request: SetQuotasRequest): Promise<QuotaView[]> {
    return inTransaction(this.dataSource, async (manager) => {
      const fair = await fairOrThrow(manager, fairId, true);
      const { registrations, inventory } = await registrationAndBoothCounts(manager, fairId);
      if (registrations > 0) {
        throw new ConflictError(
          {
            vi: 'Đã có doanh nghiệp đăng ký hội chợ này: không thể đổi chỉ tiêu nữa',
            en: 'Businesses have already registered for this fair: its quotas can no longer change',
          },
          'quota.registrations-exist',
        );
      }
      const pool = planQuotas(fair, request.quotas, inventory, referenceProvinces);
      await replaceQuotas(manager, fairId, pool, request.quotas, request.releaseAt);
      await this.outbox.append(manager, quotaSetV1, {
        aggregateId: fairId,
        provinceCode: fair.provinceCode,
        payload: { fairId, quotas: request.quotas, poolBooths: pool, releaseAt: request.releaseAt },
      });
      await this.outbox.audit(manager, {
        action: 'fair-quota.set',
        resourceType: 'fair',
        resourceId: fairId,
        provinceCode: fair.provinceCode,
        summary:
          `Phân bổ chỉ tiêu gian hàng hội chợ "${fair.name}": ` +
          request.quotas.map((q) => `${q.provinceCode}: ${q.booths}`).join(', ') +
          `; dùng chung: ${pool}; trả về dùng chung sau ${request.releaseAt}`,
      });
      return this.quotasIn(manager.getRepository(BoothBucketEntity), fairId);
    });
  }

  async listQuotas(fairId: string): Promise<QuotaView[]> {
    await fairOrThrow(this.dataSource.manager, fairId);
    return this.quotasIn(this.dataSource.getRepository(BoothBucketEntity), fairId);
  }

  async setRegistrationWindow(
    principal: Principal,
    fairId: string,
    request: RegistrationWindowRequest,
  ): Promise<FairView> {
    assertRunsFair(principal, fairId);
    await inTransaction(this.dataSource, async (manager) => {
      const fair = await fairOrThrow(manager, fairId, true);
      fair.registrationOpensAt = new Date(request.opensAt);
      fair.registrationClosesAt = new Date(request.closesAt);
      fair.holdMinutes = request.holdMinutes ?? fair.holdMinutes;
      fair.facilityBoothLimit = request.facilityBoothLimit ?? fair.facilityBoothLimit;
      await manager.save(fair);
      await this.fairs.recordWindow(manager, fair);
    });
    return this.fairs.get(fairId);
  }

  private async quotasIn(repo: Repository<BoothBucketEntity>, fairId: string): Promise<QuotaView[]> {
    const buckets = await repo.find({ where: { fairId }, order: { bucket: 'ASC' } });
    return buckets.map((b) => ({
      bucket: b.bucket,
      capacity: b.capacity,
      used: b.used,
      releaseAt: b.releaseAt?.toISOString() ?? null,
      released: b.released,
    }));
  }
}

const boothView = (b: BoothEntity, state: BoothView['state']): BoothView => ({
  id: b.id,
  code: b.code,
  hall: b.hall,
  zone: b.zone,
  kind: b.kind,
  areaM2: b.areaM2,
  rentVnd: b.rentVnd,
  layout: { x: b.x, y: b.y, w: b.w, h: b.h },
  state,
  stateLabel: boothStateLabels[state],
});
