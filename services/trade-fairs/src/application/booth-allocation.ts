import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  boothHeldV1,
  holdExpiredV1,
  registrationWaitlistedV1,
  SYSTEM_ACTOR,
  type BoothKind,
  type RegistrationState,
} from '@kc/contracts';
import { OutboxWriter } from '@kc/messaging';
import { currentContext, runWithContext } from '@kc/observability';
import { sql } from '@kc/persistence';

/** The columns of a registration that allocation works with. */
export interface RegistrationRow {
  id: string;
  fair_id: string;
  facility_tax_code: string;
  facility_province_code: string;
  booth_count: number;
  booth_kind: BoothKind;
  state: RegistrationState;
  charged_to: string | null;
}

export const REGISTRATION_COLUMNS =
  'id, fair_id, facility_tax_code, facility_province_code, booth_count, booth_kind, state, charged_to';

export interface Hold {
  chargedTo: string;
  boothCodes: string[];
  expiresAt: Date;
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
 * The statements that move booths between free, held and allocated. The database keeps the guarantees:
 * a booth row names one registration at most, and the conditional UPDATE of a counter row (a province's quota
 * or the common pool) succeeds only while used + n ≤ capacity, under that row's lock. Booths are taken with
 * SKIP LOCKED so concurrent requests of different quotas do not queue behind each other's booths.
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
    for (const bucket of [registration.facility_province_code, 'pool']) {
      const charged = await sql(
        manager,
        `UPDATE booth_bucket SET used = used + $3
          WHERE fair_id = $1 AND bucket = $2 AND used + $3 <= capacity RETURNING bucket`,
        [fair.id, bucket, n],
        { inTransaction: true },
      );
      if (charged.length === 0) continue;
      const booths = await sql<{ id: string; code: string }>(
        manager,
        `SELECT id, code FROM booth WHERE fair_id = $1 AND kind = $2 AND state = 'free'
          ORDER BY code LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [fair.id, registration.booth_kind, n],
        { inTransaction: true },
      );
      if (booths.length < n) {
        // Room in the count but not enough booths of this kind: the pool has no other booths to offer.
        await sql(
          manager,
          `UPDATE booth_bucket SET used = used - $3 WHERE fair_id = $1 AND bucket = $2`,
          [fair.id, bucket, n],
          { inTransaction: true },
        );
        return null;
      }
      await sql(
        manager,
        `UPDATE booth SET state = 'held', registration_id = $1 WHERE id = ANY($2::uuid[])`,
        [registration.id, booths.map((b) => b.id)],
        { inTransaction: true },
      );
      const [{ expires_at }] = await sql<{ expires_at: Date }>(
        manager,
        `SELECT now() + make_interval(mins => $1) AS expires_at`,
        [fair.holdMinutes],
        { inTransaction: true },
      );
      return { chargedTo: bucket, boothCodes: booths.map((b) => b.code), expiresAt: expires_at };
    }
    return null;
  }

  /** Gives `n` charged booths back to their counter; a released quota passes them on to the common pool. */
  async releaseCharge(manager: EntityManager, fairId: string, bucket: string, n: number): Promise<void> {
    const [row] = await sql<{ released: boolean }>(
      manager,
      `UPDATE booth_bucket SET used = used - $3, capacity = capacity - CASE WHEN released THEN $3 ELSE 0 END
        WHERE fair_id = $1 AND bucket = $2 RETURNING released`,
      [fairId, bucket, n],
      { inTransaction: true },
    );
    if (row?.released) {
      await sql(
        manager,
        `UPDATE booth_bucket SET capacity = capacity + $2 WHERE fair_id = $1 AND bucket = 'pool'`,
        [fairId, n],
        { inTransaction: true },
      );
    }
  }

  /** Frees a registration's booths and its charge; returns the codes of the booths freed. */
  async freeBooths(manager: EntityManager, registration: RegistrationRow): Promise<string[]> {
    const freed = await sql<{ code: string }>(
      manager,
      `UPDATE booth SET state = 'free', registration_id = NULL WHERE registration_id = $1 RETURNING code`,
      [registration.id],
      { inTransaction: true },
    );
    if (registration.charged_to) {
      await this.releaseCharge(
        manager,
        registration.fair_id,
        registration.charged_to,
        registration.booth_count,
      );
    }
    return freed.map((b) => b.code).sort();
  }

  /**
   * Expires one held registration whose deadline has passed (the caller holds its row lock): its booths are
   * free again in this same transaction.
   */
  async expire(manager: EntityManager, registration: RegistrationRow): Promise<void> {
    await asSystem(async () => {
      const freed = await this.freeBooths(manager, registration);
      const [{ expired_at }] = await sql<{ expired_at: Date }>(
        manager,
        `UPDATE fair_registration SET state = 'expired', charged_to = NULL, hold_expires_at = NULL, updated_at = now()
          WHERE id = $1 RETURNING updated_at AS expired_at`,
        [registration.id],
        { inTransaction: true },
      );
      await this.outbox.append(manager, holdExpiredV1, {
        aggregateId: registration.fair_id,
        provinceCode: registration.facility_province_code,
        payload: {
          fairId: registration.fair_id,
          registrationId: registration.id,
          facilityTaxCode: registration.facility_tax_code,
          provinceCode: registration.facility_province_code,
          freedBoothCodes: freed,
          expiredAt: expired_at.toISOString(),
        },
      });
      await this.outbox.audit(manager, {
        action: 'fair-registration.expire',
        resourceType: 'fair-registration',
        resourceId: registration.id,
        provinceCode: registration.facility_province_code,
        summary: `Hết hạn giữ gian hàng ${freed.join(', ')} của cơ sở ${registration.facility_tax_code}: gian hàng được trả lại`,
      });
    });
  }

  /**
   * Expires every due hold of the fair that no other transaction is working on. A hold counts only while
   * hold_expires_at > now(): whoever next touches the fair returns lapsed booths before taking any.
   */
  async expireDue(manager: EntityManager, fairId: string): Promise<number> {
    const due = await sql<RegistrationRow>(
      manager,
      `SELECT ${REGISTRATION_COLUMNS} FROM fair_registration
        WHERE fair_id = $1 AND state = 'held' AND hold_expires_at <= now()
        ORDER BY hold_expires_at LIMIT 200 FOR UPDATE SKIP LOCKED`,
      [fairId],
      { inTransaction: true },
    );
    for (const registration of due) await this.expire(manager, registration);
    return due.length;
  }

  /** Returns a quota's unused booths to the common pool once its release time has come. */
  async releaseDueQuotas(manager: EntityManager, fairId: string): Promise<number> {
    const due = await sql<{ bucket: string; unused: number }>(
      manager,
      `WITH due AS (
         SELECT bucket, capacity - used AS unused FROM booth_bucket
          WHERE fair_id = $1 AND bucket <> 'pool' AND NOT released AND release_at <= now()
          ORDER BY bucket FOR UPDATE SKIP LOCKED)
       UPDATE booth_bucket b SET released = true, capacity = b.used
         FROM due WHERE b.fair_id = $1 AND b.bucket = due.bucket
       RETURNING b.bucket, due.unused`,
      [fairId],
      { inTransaction: true },
    );
    if (due.length === 0) return 0;
    const unused = due.reduce((sum, d) => sum + d.unused, 0);
    await sql(
      manager,
      `UPDATE booth_bucket SET capacity = capacity + $2 WHERE fair_id = $1 AND bucket = 'pool'`,
      [fairId, unused],
      { inTransaction: true },
    );
    await asSystem(async () => {
      for (const quota of due) {
        await this.outbox.audit(manager, {
          action: 'fair-quota.release',
          resourceType: 'fair',
          resourceId: fairId,
          provinceCode: quota.bucket,
          summary: `Hết hạn chỉ tiêu của tỉnh ${quota.bucket}: ${quota.unused} gian chưa dùng trả về dùng chung`,
        });
      }
    });
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
    const free = new Map(
      (
        await sql<{ kind: BoothKind; n: number }>(
          manager,
          `SELECT kind, count(*)::int AS n FROM booth WHERE fair_id = $1 AND state = 'free' GROUP BY kind`,
          [fair.id],
          { inTransaction: true },
        )
      ).map((r) => [r.kind, r.n]),
    );
    if (![...free.values()].some((n) => n > 0)) return 0;
    const waiting = await sql<{ id: string }>(
      manager,
      `SELECT id FROM fair_registration WHERE fair_id = $1 AND state = 'waitlisted'
        ORDER BY ${fair.awardPriority ? 'award_certified DESC, ' : ''}waitlist_position LIMIT 1000`,
      [fair.id],
      { inTransaction: true },
    );
    let promoted = 0;
    for (const { id } of waiting) {
      if (![...free.values()].some((n) => n > 0)) break;
      const [registration] = await sql<RegistrationRow>(
        manager,
        `SELECT ${REGISTRATION_COLUMNS} FROM fair_registration
          WHERE id = $1 AND state = 'waitlisted' FOR UPDATE SKIP LOCKED`,
        [id],
        { inTransaction: true },
      );
      if (!registration || (free.get(registration.booth_kind) ?? 0) < registration.booth_count) continue;
      const hold = await this.tryHold(manager, fair, registration);
      if (!hold) continue;
      free.set(registration.booth_kind, (free.get(registration.booth_kind) ?? 0) - registration.booth_count);
      await asSystem(async () => {
        await sql(
          manager,
          `UPDATE fair_registration SET state = 'held', charged_to = $2, hold_expires_at = $3, waitlist_position = NULL,
                updated_at = now()
            WHERE id = $1`,
          [registration.id, hold.chargedTo, hold.expiresAt],
          { inTransaction: true },
        );
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
    await this.outbox.append(manager, boothHeldV1, {
      aggregateId: registration.fair_id,
      provinceCode: registration.facility_province_code,
      payload: {
        fairId: registration.fair_id,
        registrationId: registration.id,
        facilityTaxCode: registration.facility_tax_code,
        provinceCode: registration.facility_province_code,
        boothCodes: hold.boothCodes,
        expiresAt: hold.expiresAt.toISOString(),
        chargedTo: hold.chargedTo,
        promotedFromWaitlist,
      },
    });
    await this.outbox.audit(manager, {
      action: promotedFromWaitlist ? 'fair-registration.promote' : 'fair-registration.hold',
      resourceType: 'fair-registration',
      resourceId: registration.id,
      provinceCode: registration.facility_province_code,
      summary:
        `${promotedFromWaitlist ? 'Chuyển từ danh sách chờ: giữ' : 'Giữ'} gian hàng ${hold.boothCodes.join(', ')} ` +
        `cho cơ sở ${registration.facility_tax_code} đến ${hold.expiresAt.toISOString()}`,
    });
  }

  async recordWaitlisted(
    manager: EntityManager,
    registration: Pick<
      RegistrationRow,
      'id' | 'fair_id' | 'facility_tax_code' | 'facility_province_code' | 'booth_count' | 'booth_kind'
    > & { position: number },
  ): Promise<void> {
    await this.outbox.append(manager, registrationWaitlistedV1, {
      aggregateId: registration.fair_id,
      provinceCode: registration.facility_province_code,
      payload: {
        fairId: registration.fair_id,
        registrationId: registration.id,
        facilityTaxCode: registration.facility_tax_code,
        provinceCode: registration.facility_province_code,
        boothCount: registration.booth_count,
        boothKind: registration.booth_kind,
        position: registration.position,
      },
    });
    await this.outbox.audit(manager, {
      action: 'fair-registration.waitlist',
      resourceType: 'fair-registration',
      resourceId: registration.id,
      provinceCode: registration.facility_province_code,
      summary:
        `Hết gian hàng: cơ sở ${registration.facility_tax_code} vào danh sách chờ, số thứ tự ${registration.position} ` +
        `(${registration.booth_count} gian)`,
    });
  }
}
