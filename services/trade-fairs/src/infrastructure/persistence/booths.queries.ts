import type { EntityManager } from 'typeorm';
import type { BoothKind, BoothState } from '@kc/contracts';
import { sql } from '@kc/persistence';
import { BoothEntity } from './booth.entity';

/*
 * The inventory and its buckets. The capacities of a fair's buckets add up to its inventory: new booths grow
 * the common pool, and quotas are cut from the inventory before anyone registers, under the fair's row lock
 * the caller holds — so no booth is ever charged to a quota that changes.
 */

/** New booths join the common pool (created with the fair's first booths). */
export async function addToPool(manager: EntityManager, fairId: string, booths: number): Promise<void> {
  await sql(
    manager,
    `INSERT INTO booth_bucket (fair_id, bucket, capacity) VALUES ($1, 'pool', $2)
     ON CONFLICT (fair_id, bucket) DO UPDATE SET capacity = booth_bucket.capacity + EXCLUDED.capacity`,
    [fairId, booths],
    { inTransaction: true },
  );
}

export async function registrationAndBoothCounts(
  manager: EntityManager,
  fairId: string,
): Promise<{ registrations: number; inventory: number }> {
  const [counts] = await sql<{ registrations: number; inventory: number }>(
    manager,
    `SELECT (SELECT count(*)::int FROM fair_registration WHERE fair_id = $1) AS registrations,
            (SELECT count(*)::int FROM booth WHERE fair_id = $1) AS inventory`,
    [fairId],
    { inTransaction: true },
  );
  return counts;
}

/** The fair's buckets become the pool and the quotas given, each released to the pool at `releaseAt`. */
export async function replaceQuotas(
  manager: EntityManager,
  fairId: string,
  pool: number,
  quotas: { provinceCode: string; booths: number }[],
  releaseAt: string,
): Promise<void> {
  await sql(manager, `DELETE FROM booth_bucket WHERE fair_id = $1`, [fairId], { inTransaction: true });
  await sql(
    manager,
    `INSERT INTO booth_bucket (fair_id, bucket, capacity) VALUES ($1, 'pool', $2)`,
    [fairId, pool],
    { inTransaction: true },
  );
  for (const quota of quotas) {
    await sql(
      manager,
      `INSERT INTO booth_bucket (fair_id, bucket, capacity, release_at) VALUES ($1, $2, $3, $4)`,
      [fairId, quota.provinceCode, quota.booths, releaseAt],
      { inTransaction: true },
    );
  }
}

/**
 * A booth's state now: a hold past its deadline is free, since anyone may take it (the sweeper records it
 * later); an allocated booth whose facility has arrived is checked in. Over booth `b` joined to its
 * registration `r`.
 */
const LIVE_STATE = `CASE WHEN b.state = 'held' AND r.hold_expires_at <= now() THEN 'free'
              WHEN b.state = 'allocated' AND r.checked_in_at IS NOT NULL THEN 'checked-in'
              ELSE b.state END`;

/** Every booth of the fair by hall and code, with its state now. */
export function boothsWithLiveState(
  manager: EntityManager,
  fairId: string,
): Promise<(BoothEntity & { liveState: BoothState })[]> {
  return manager
    .getRepository(BoothEntity)
    .createQueryBuilder('b')
    .leftJoin('fair_registration', 'r', 'r.id = b.registration_id')
    .addSelect(LIVE_STATE, 'live_state')
    .where('b.fair_id = :fairId', { fairId })
    .orderBy('b.hall')
    .addOrderBy('b.code')
    .getRawAndEntities()
    .then(({ entities, raw }) =>
      entities.map((e, i) =>
        Object.assign(e, { liveState: (raw[i] as { live_state: BoothState }).live_state }),
      ),
    );
}

export interface FloorPlanBoothRow {
  code: string;
  hall: string;
  zone: string | null;
  kind: BoothKind;
  x: string;
  y: string;
  w: string;
  h: string;
  live_state: BoothState;
  facility_name: string | null;
  facility_tax_code: string | null;
  facility_province_code: string | null;
}

/** Every booth of the fair by hall and code, with its state now and the facility that has it, if any. */
export function floorPlanBooths(manager: EntityManager, fairId: string): Promise<FloorPlanBoothRow[]> {
  return sql<FloorPlanBoothRow>(
    manager,
    `SELECT b.code, b.hall, b.zone, b.kind, b.x, b.y, b.w, b.h,
            ${LIVE_STATE} AS live_state,
            r.facility_name, r.facility_tax_code, r.facility_province_code
       FROM booth b LEFT JOIN fair_registration r ON r.id = b.registration_id
      WHERE b.fair_id = $1 ORDER BY b.hall, b.code`,
    [fairId],
  );
}
