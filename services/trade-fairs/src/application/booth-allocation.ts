import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { boothHeldV1, holdExpiredV1, registrationWaitlistedV1, SYSTEM_ACTOR } from '@kc/contracts';
import { OutboxWriter, outboxEntry } from '@kc/messaging';
import { currentContext, runWithContext } from '@kc/observability';
import {
  chargeQuotaOrPool,
  freeBoothsByKind,
  freeBoothsOf,
  growPool,
  hasDueWork,
  holdForWaitingRequest,
  holdFreeBooths,
  lockIfStillWaiting,
  lockLapsedHolds,
  markExpired,
  returnCharge,
  shrinkDueQuotas,
  undoCharge,
  waitingInOrder,
  type HeldBooth,
} from '../infrastructure/persistence/booth-allocation.queries';
import type { RegistrationRow } from '../infrastructure/persistence/registrations.queries';
import { registrationFacts } from './registration-facts';

export interface Hold {
  chargedTo: string;
  boothCodes: string[];
  booths: HeldBooth[];
  expiresAt: Date;
}

export interface CaughtUp {
  quotasReleased: number;
  expired: number;
  promoted: number;
}

/** Work the platform does by itself (expiring holds, promoting the waiting list) is recorded as the system's. */
function asSystem<T>(work: () => Promise<T>): Promise<T> {
  const context = currentContext();
  return runWithContext(
    {
      correlationId: context?.correlationId ?? randomUUID(),
      causationId: null,
      actor: SYSTEM_ACTOR,
      principal: null,
      origin: null,
    },
    work,
  );
}

/**
 * Moves booths between free, held and allocated through the statements of booth-allocation.queries.ts, where
 * the database keeps the guarantees: a booth row names one registration at most, and a counter row (a
 * province's quota or the common pool) is charged only while used + n ≤ capacity, under that row's lock.
 *
 * Lock order, to keep deadlocks rare (the caller retries the few left): registrations, then counter rows,
 * then booths.
 */
@Injectable()
export class BoothAllocation {
  constructor(private readonly outbox: OutboxWriter) {}

  /**
   * Holds `booth_count` free booths of the wanted kind, charged to the facility's province quota if it has
   * room, else to the common pool; or returns null (nothing taken) when neither can supply them. The caller
   * writes the registration row (the booths' foreign key to it is checked at commit).
   */
  async tryHold(
    manager: EntityManager,
    fair: { id: string; holdMinutes: number },
    registration: Pick<RegistrationRow, 'id' | 'facility_province_code' | 'booth_count' | 'booth_kind'>,
  ): Promise<Hold | null> {
    const n = registration.booth_count;
    const chargedTo = await chargeQuotaOrPool(manager, fair.id, registration.facility_province_code, n);
    if (chargedTo === null) return null;
    const { booths, expiresAt } = await holdFreeBooths(manager, {
      fairId: fair.id,
      registrationId: registration.id,
      kind: registration.booth_kind,
      n,
      holdMinutes: fair.holdMinutes,
    });
    if (booths.length < n) {
      // Room in the count but not enough booths of this kind: the pool has no other booths to offer.
      await undoCharge(manager, fair.id, chargedTo, n);
      return null;
    }
    return { chargedTo, boothCodes: booths.map((b) => b.code), booths, expiresAt };
  }

  /** Gives `n` charged booths back to their counter; a released quota passes them on to the common pool. */
  async releaseCharge(manager: EntityManager, fairId: string, bucket: string, n: number): Promise<void> {
    if (await returnCharge(manager, fairId, bucket, n)) await growPool(manager, fairId, n);
  }

  /** Frees a registration's booths and its charge; returns the codes of the booths freed. */
  async freeBooths(manager: EntityManager, registration: RegistrationRow): Promise<string[]> {
    const freed = await freeBoothsOf(manager, registration.id);
    if (registration.charged_to) {
      await this.releaseCharge(
        manager,
        registration.fair_id,
        registration.charged_to,
        registration.booth_count,
      );
    }
    return freed.sort();
  }

  /**
   * Expires one held registration whose deadline has passed (the caller holds its row lock): its booths are
   * free again in this same transaction.
   */
  async expire(manager: EntityManager, registration: RegistrationRow): Promise<void> {
    await asSystem(async () => {
      const freed = await this.freeBooths(manager, registration);
      const expiredAt = await markExpired(manager, registration.id);
      await this.outbox.appendAll(manager, [
        outboxEntry(holdExpiredV1, {
          aggregateId: registration.fair_id,
          provinceCode: registration.facility_province_code,
          payload: {
            ...registrationFacts(registration),
            freedBoothCodes: freed,
            expiredAt: expiredAt.toISOString(),
          },
        }),
        this.outbox.auditEvent({
          action: 'fair-registration.expire',
          resourceType: 'fair-registration',
          resourceId: registration.id,
          provinceCode: registration.facility_province_code,
          summary: `Hết hạn giữ gian hàng ${freed.join(', ')} của cơ sở ${registration.facility_tax_code}: gian hàng được trả lại`,
        }),
      ]);
    });
  }

  /**
   * Whatever has come due at the fair is done, in this order: quotas past their release time go back to the
   * pool, lapsed holds are expired, and the waiting list is served from what is free. A booking runs this before
   * it takes anything, so it never takes booths ahead of the waiting list, nor is refused for booths or quota
   * not yet returned; a single look (hasDueWork) skips the rounds when none of them would change anything.
   */
  async catchUp(
    manager: EntityManager,
    fair: { id: string; holdMinutes: number; awardPriority: boolean },
  ): Promise<CaughtUp> {
    if (!(await hasDueWork(manager, fair.id))) return { quotasReleased: 0, expired: 0, promoted: 0 };
    const quotasReleased = await this.releaseDueQuotas(manager, fair.id);
    const expired = await this.expireDue(manager, fair.id);
    const promoted = await this.promote(manager, fair);
    return { quotasReleased, expired, promoted };
  }

  /**
   * Expires every due hold of the fair that no other transaction is working on. A hold counts only while
   * hold_expires_at > now(): whoever next touches the fair returns lapsed booths before taking any.
   */
  async expireDue(manager: EntityManager, fairId: string): Promise<number> {
    const due = await lockLapsedHolds(manager, fairId);
    for (const registration of due) await this.expire(manager, registration);
    return due.length;
  }

  /** Returns a quota's unused booths to the common pool once its release time has come. */
  async releaseDueQuotas(manager: EntityManager, fairId: string): Promise<number> {
    const due = await shrinkDueQuotas(manager, fairId);
    if (due.length === 0) return 0;
    const unused = due.reduce((sum, d) => sum + d.unused, 0);
    await growPool(manager, fairId, unused);
    await asSystem(() =>
      this.outbox.appendAll(
        manager,
        due.map((quota) =>
          this.outbox.auditEvent({
            action: 'fair-quota.release',
            resourceType: 'fair',
            resourceId: fairId,
            provinceCode: quota.bucket,
            summary: `Hết hạn chỉ tiêu của tỉnh ${quota.bucket}: ${quota.unused} gian chưa dùng trả về dùng chung`,
          }),
        ),
      ),
    );
    return due.length;
  }

  /**
   * Gives holds to waiting requests in the order they joined the list, while booths they can use are free;
   * at a fair that grants award priority, every award-certified request comes before every other, each class
   * in the order it joined. A request that cannot be served now (its kind is gone, or its booths are reserved
   * for other provinces) keeps its place; later ones that fit are served. Returns how many were promoted.
   */
  async promote(
    manager: EntityManager,
    fair: { id: string; holdMinutes: number; awardPriority: boolean },
  ): Promise<number> {
    const free = new Map((await freeBoothsByKind(manager, fair.id)).map((r) => [r.kind, r.n]));
    if (![...free.values()].some((n) => n > 0)) return 0;
    const waiting = await waitingInOrder(manager, fair);
    let promoted = 0;
    for (const { id } of waiting) {
      if (![...free.values()].some((n) => n > 0)) break;
      const registration = await lockIfStillWaiting(manager, id);
      if (!registration || (free.get(registration.booth_kind) ?? 0) < registration.booth_count) continue;
      const hold = await this.tryHold(manager, fair, registration);
      if (!hold) continue;
      free.set(registration.booth_kind, (free.get(registration.booth_kind) ?? 0) - registration.booth_count);
      await asSystem(async () => {
        await holdForWaitingRequest(manager, registration.id, hold);
        await this.recordHold(manager, registration, hold, true);
      });
      promoted++;
    }
    return promoted;
  }

  async recordHold(
    manager: EntityManager,
    registration: Pick<RegistrationRow, 'id' | 'fair_id' | 'facility_tax_code' | 'facility_province_code'>,
    hold: Hold,
    promotedFromWaitlist: boolean,
  ): Promise<void> {
    await this.outbox.appendAll(manager, [
      outboxEntry(boothHeldV1, {
        aggregateId: registration.fair_id,
        provinceCode: registration.facility_province_code,
        payload: {
          ...registrationFacts(registration),
          boothCodes: hold.boothCodes,
          expiresAt: hold.expiresAt.toISOString(),
          chargedTo: hold.chargedTo,
          promotedFromWaitlist,
        },
      }),
      this.outbox.auditEvent({
        action: promotedFromWaitlist ? 'fair-registration.promote' : 'fair-registration.hold',
        resourceType: 'fair-registration',
        resourceId: registration.id,
        provinceCode: registration.facility_province_code,
        summary:
          `${promotedFromWaitlist ? 'Chuyển từ danh sách chờ: giữ' : 'Giữ'} gian hàng ${hold.boothCodes.join(', ')} ` +
          `cho cơ sở ${registration.facility_tax_code} đến ${hold.expiresAt.toISOString()}`,
      }),
    ]);
  }

  async recordWaitlisted(
    manager: EntityManager,
    registration: Pick<
      RegistrationRow,
      'id' | 'fair_id' | 'facility_tax_code' | 'facility_province_code' | 'booth_count' | 'booth_kind'
    > & { position: number },
  ): Promise<void> {
    await this.outbox.appendAll(manager, [
      outboxEntry(registrationWaitlistedV1, {
        aggregateId: registration.fair_id,
        provinceCode: registration.facility_province_code,
        payload: {
          ...registrationFacts(registration),
          boothCount: registration.booth_count,
          boothKind: registration.booth_kind,
          position: registration.position,
        },
      }),
      this.outbox.auditEvent({
        action: 'fair-registration.waitlist',
        resourceType: 'fair-registration',
        resourceId: registration.id,
        provinceCode: registration.facility_province_code,
        summary:
          `Hết gian hàng: cơ sở ${registration.facility_tax_code} vào danh sách chờ, số thứ tự ${registration.position} ` +
          `(${registration.booth_count} gian)`,
      }),
    ]);
  }
}
