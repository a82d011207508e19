import type { EntityManager } from 'typeorm';
import type { BoothKind } from '@kc/contracts';
import { sql, vndTransformer } from '@kc/persistence';
import type { RegistrationEntity } from './registration.entity';
import {
  asRegistrationEntity,
  REGISTRATION_COLUMNS,
  registrationEntityColumns,
  type RegistrationRow,
} from './registrations.queries';

/*
 * The statements that move booths between free, held and allocated, grouped by the guarantee they keep. All
 * but the sweeper's look-up (last) refuse to run outside a transaction: the locks they take hold until it ends.
 */

// ─── No overbooked booth ────────────────────────────────────────────────────────────────────────────────────
// Carried by two rules of the schema. A counter row (a province's quota or the common `pool`) is charged by a
// conditional UPDATE that succeeds only while used + n ≤ capacity, under that row's lock; the CHECK
// booth_bucket_within_capacity backs it up. A booth row names one registration at most
// (CHECK (state = 'free') = (registration_id IS NULL)), and is taken FOR UPDATE SKIP LOCKED, so concurrent
// requests never take the same booth nor queue behind each other's.

/**
 * Charges `n` booths to the province's quota if it has room for them, and only if it has not, to the common
 * pool: each a guarded UPDATE under its row's lock, judged on the row's latest version. Returns the bucket
 * charged, or null (nothing charged) when neither has room.
 */
export async function chargeQuotaOrPool(
  manager: EntityManager,
  fairId: string,
  provinceCode: string,
  n: number,
): Promise<string | null> {
  const [{ charged_to }] = await sql<{ charged_to: string | null }>(
    manager,
    `WITH quota AS (
       UPDATE booth_bucket SET used = used + $3::int
        WHERE fair_id = $1 AND bucket = $2::text AND used + $3::int <= capacity RETURNING bucket),
     pool AS (
       UPDATE booth_bucket SET used = used + $3::int
        WHERE fair_id = $1 AND bucket = 'pool' AND used + $3::int <= capacity AND NOT EXISTS (SELECT 1 FROM quota)
        RETURNING bucket)
     SELECT coalesce((SELECT bucket FROM quota), (SELECT bucket FROM pool)) AS charged_to`,
    [fairId, provinceCode, n],
    { inTransaction: true },
  );
  return charged_to;
}

/** Booths taken for a hold, as a registration's view shows them. */
export interface HeldBooth {
  code: string;
  hall: string;
  kind: BoothKind;
  rentVnd: number;
}

/**
 * Up to `n` free booths of the kind, in code order, locked (booths another transaction is taking are skipped),
 * and held for the registration only if all `n` were found (its row may come later in the transaction: the
 * key is deferred); run after the charge, in a statement of its own, so it sees every booth freed before the
 * charge went through. Returns the booths held (none when fewer than
 * `n` were free: the caller takes the charge back) and the transaction's now() plus the fair's hold time, when
 * a hold made now lapses.
 */
export async function holdFreeBooths(
  manager: EntityManager,
  wanted: { fairId: string; registrationId: string; kind: BoothKind; n: number; holdMinutes: number },
): Promise<{ booths: HeldBooth[]; expiresAt: Date }> {
  const [row] = await sql<{ booths: HeldBoothJson[]; expires_at: Date }>(
    manager,
    `WITH free AS (
       SELECT id FROM booth WHERE fair_id = $1 AND kind = $3::text AND state = 'free'
        ORDER BY code LIMIT $4::int FOR UPDATE SKIP LOCKED),
     held AS (
       UPDATE booth b SET state = 'held', registration_id = $2 FROM free
        WHERE b.id = free.id AND (SELECT count(*) FROM free) = $4::int
        RETURNING b.code, b.hall, b.kind, b.rent_vnd)
     SELECT (SELECT coalesce(json_agg(json_build_object('code', code, 'hall', hall, 'kind', kind,
                                                        'rentVnd', rent_vnd::text) ORDER BY code), '[]')
               FROM held) AS booths,
            now() + make_interval(mins => $5::int) AS expires_at`,
    [wanted.fairId, wanted.registrationId, wanted.kind, wanted.n, wanted.holdMinutes],
    { inTransaction: true },
  );
  return { booths: heldBooths(row.booths), expiresAt: row.expires_at };
}

/** Rent travels through JSON as text, so no amount is rounded on the way (vndTransformer checks it). */
type HeldBoothJson = Omit<HeldBooth, 'rentVnd'> & { rentVnd: string };

const heldBooths = (booths: HeldBoothJson[]): HeldBooth[] =>
  booths.map((b) => ({ ...b, rentVnd: vndTransformer.from(b.rentVnd) as number }));

/** Takes back a charge just made, when the booths it counted were not there to take. */
export async function undoCharge(
  manager: EntityManager,
  fairId: string,
  bucket: string,
  n: number,
): Promise<void> {
  await sql(
    manager,
    `UPDATE booth_bucket SET used = used - $3 WHERE fair_id = $1 AND bucket = $2`,
    [fairId, bucket, n],
    {
      inTransaction: true,
    },
  );
}

/**
 * Gives `n` charged booths back to their bucket. A released quota shrinks by them too (what it does not use
 * belongs to the pool): true then, and the caller grows the pool by them.
 */
export async function returnCharge(
  manager: EntityManager,
  fairId: string,
  bucket: string,
  n: number,
): Promise<boolean> {
  const [row] = await sql<{ released: boolean }>(
    manager,
    `UPDATE booth_bucket SET used = used - $3, capacity = capacity - CASE WHEN released THEN $3 ELSE 0 END
      WHERE fair_id = $1 AND bucket = $2 RETURNING released`,
    [fairId, bucket, n],
    { inTransaction: true },
  );
  return row?.released === true;
}

export async function growPool(manager: EntityManager, fairId: string, n: number): Promise<void> {
  await sql(
    manager,
    `UPDATE booth_bucket SET capacity = capacity + $2 WHERE fair_id = $1 AND bucket = 'pool'`,
    [fairId, n],
    { inTransaction: true },
  );
}

/** Frees every booth of the registration; returns their codes. */
export async function freeBoothsOf(manager: EntityManager, registrationId: string): Promise<string[]> {
  const freed = await sql<{ code: string }>(
    manager,
    `UPDATE booth SET state = 'free', registration_id = NULL WHERE registration_id = $1 RETURNING code`,
    [registrationId],
    { inTransaction: true },
  );
  return freed.map((b) => b.code);
}

// ─── Quotas returned to the pool ────────────────────────────────────────────────────────────────────────────
// Due quota rows are locked FOR UPDATE SKIP LOCKED, so one transaction releases each; the quota shrinks to
// what it uses and the caller grows the pool by the rest in the same transaction, so the capacities of a
// fair's buckets still add up to its inventory.

/** Releases every quota of the fair past its release time: each shrinks to what it uses; returns what it gave up. */
export function shrinkDueQuotas(
  manager: EntityManager,
  fairId: string,
): Promise<{ bucket: string; unused: number }[]> {
  return sql<{ bucket: string; unused: number }>(
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
}

// ─── Holds ──────────────────────────────────────────────────────────────────────────────────────────────────
// A hold counts only while hold_expires_at > now(), and the statement that confirms it checks that itself;
// CHECK ((state = 'held') = (hold_expires_at IS NOT NULL)) keeps the deadline and the state together. Lapsed
// holds are locked FOR UPDATE SKIP LOCKED, so one transaction expires each and the others pass over it.

/** Up to 200 lapsed holds of the fair, oldest first, locked; those another transaction is expiring are skipped. */
export function lockLapsedHolds(manager: EntityManager, fairId: string): Promise<RegistrationRow[]> {
  return sql<RegistrationRow>(
    manager,
    `SELECT ${REGISTRATION_COLUMNS} FROM fair_registration
      WHERE fair_id = $1 AND state = 'held' AND hold_expires_at <= now()
      ORDER BY hold_expires_at LIMIT 200 FOR UPDATE SKIP LOCKED`,
    [fairId],
    { inTransaction: true },
  );
}

/** Returns when it expired. The caller has freed its booths and its charge. */
export async function markExpired(manager: EntityManager, registrationId: string): Promise<Date> {
  const [{ expired_at }] = await sql<{ expired_at: Date }>(
    manager,
    `UPDATE fair_registration SET state = 'expired', charged_to = NULL, hold_expires_at = NULL, updated_at = now()
      WHERE id = $1 RETURNING updated_at AS expired_at`,
    [registrationId],
    { inTransaction: true },
  );
  return expired_at;
}

/**
 * Allocates the registration and its held booths, in one statement, if its hold is still live; undefined
 * (nothing changed) when it has lapsed. The booths change only with the registration (they follow its update).
 * Returns the registration as now stored and its booths, in code order.
 */
export async function allocateLiveHold(
  manager: EntityManager,
  registrationId: string,
): Promise<{ registration: RegistrationEntity; booths: HeldBooth[] } | undefined> {
  const [row] = await sql<Record<string, unknown> & { booths: HeldBoothJson[] }>(
    manager,
    `WITH allocated AS (
       UPDATE fair_registration SET state = 'allocated', hold_expires_at = NULL, updated_at = now()
        WHERE id = $1 AND state = 'held' AND hold_expires_at > now()
        RETURNING ${registrationEntityColumns(manager)}),
     booths AS (
       UPDATE booth SET state = 'allocated'
        WHERE registration_id = $1 AND EXISTS (SELECT 1 FROM allocated)
        RETURNING code, hall, kind, rent_vnd)
     SELECT allocated.*,
            (SELECT coalesce(json_agg(json_build_object('code', code, 'hall', hall, 'kind', kind,
                                                        'rentVnd', rent_vnd::text) ORDER BY code), '[]')
               FROM booths) AS booths
       FROM allocated`,
    [registrationId],
    { inTransaction: true },
  );
  if (!row) return undefined;
  return { registration: asRegistrationEntity(manager, row), booths: heldBooths(row.booths) };
}

// ─── Waiting list ───────────────────────────────────────────────────────────────────────────────────────────
// Positions come from the fair row's counter, incremented under its row lock, and the partial unique index
// fair_registration_waitlist (fair_id, waitlist_position) refuses a position given twice. A waiting request is
// promoted under its own row lock (SKIP LOCKED: a request another transaction is serving is passed over), and
// only while still waitlisted; its booths are taken through the statements above.

export async function nextWaitlistPosition(manager: EntityManager, fairId: string): Promise<number> {
  const [{ position }] = await sql<{ position: number }>(
    manager,
    `UPDATE trade_fair SET last_waitlist_position = last_waitlist_position + 1
      WHERE id = $1 RETURNING last_waitlist_position AS position`,
    [fairId],
    { inTransaction: true },
  );
  return position;
}

/** How many booths of each kind are free at the fair. */
export function freeBoothsByKind(
  manager: EntityManager,
  fairId: string,
): Promise<{ kind: BoothKind; n: number }[]> {
  return sql<{ kind: BoothKind; n: number }>(
    manager,
    `SELECT kind, count(*)::int AS n FROM booth WHERE fair_id = $1 AND state = 'free' GROUP BY kind`,
    [fairId],
    { inTransaction: true },
  );
}

/**
 * The first 1000 waiting requests in the order they are served: the order they joined the list, every
 * award-certified one first where the fair grants award priority (index fair_registration_waitlist_by_priority).
 */
export function waitingInOrder(
  manager: EntityManager,
  fair: { id: string; awardPriority: boolean },
): Promise<{ id: string }[]> {
  return sql<{ id: string }>(
    manager,
    `SELECT id FROM fair_registration WHERE fair_id = $1 AND state = 'waitlisted'
      ORDER BY ${fair.awardPriority ? 'award_certified DESC, ' : ''}waitlist_position LIMIT 1000`,
    [fair.id],
    { inTransaction: true },
  );
}

/** The request, locked, if it is still waiting and no other transaction is serving it. */
export async function lockIfStillWaiting(
  manager: EntityManager,
  registrationId: string,
): Promise<RegistrationRow | undefined> {
  const [registration] = await sql<RegistrationRow>(
    manager,
    `SELECT ${REGISTRATION_COLUMNS} FROM fair_registration
      WHERE id = $1 AND state = 'waitlisted' FOR UPDATE SKIP LOCKED`,
    [registrationId],
    { inTransaction: true },
  );
  return registration;
}

/** The waiting request now holds the booths charged to `chargedTo`, and leaves the list. */
export async function holdForWaitingRequest(
  manager: EntityManager,
  registrationId: string,
  hold: { chargedTo: string; expiresAt: Date },
): Promise<void> {
  await sql(
    manager,
    `UPDATE fair_registration SET state = 'held', charged_to = $2, hold_expires_at = $3, waitlist_position = NULL,
          updated_at = now()
      WHERE id = $1`,
    [registrationId, hold.chargedTo, hold.expiresAt],
    { inTransaction: true },
  );
}

// ─── The platform's rounds ──────────────────────────────────────────────────────────────────────────────────

/** The fairs with work due: a lapsed hold, a quota past its release time, or waiting requests and free booths. */
export async function fairsWithDueWork(manager: EntityManager): Promise<string[]> {
  const fairs = await sql<{ fair_id: string }>(
    manager,
    `SELECT fair_id FROM fair_registration WHERE state = 'held' AND hold_expires_at <= now()
     UNION SELECT fair_id FROM booth_bucket WHERE NOT released AND release_at <= now()
     UNION SELECT r.fair_id FROM fair_registration r WHERE r.state = 'waitlisted'
       AND EXISTS (SELECT 1 FROM booth b WHERE b.fair_id = r.fair_id AND b.state = 'free')`,
  );
  return fairs.map((f) => f.fair_id);
}

/**
 * Whether the fair has work due by the same three tests as fairsWithDueWork, at this transaction's now(). A
 * booking catches up (releases due quotas, expires lapsed holds, serves the waiting list) before it takes
 * anything, so it is never refused, nor placed, differently for work not yet done; when this says none is due,
 * those rounds would change nothing, and the booking skips them. A plain read: a row another transaction is
 * working on still counts as due here, and the rounds then pass over it as they always do (SKIP LOCKED).
 */
export async function hasDueWork(manager: EntityManager, fairId: string): Promise<boolean> {
  const [{ due }] = await sql<{ due: boolean }>(
    manager,
    `SELECT EXISTS (SELECT 1 FROM fair_registration WHERE fair_id = $1 AND state = 'held' AND hold_expires_at <= now())
         OR EXISTS (SELECT 1 FROM booth_bucket
                     WHERE fair_id = $1 AND bucket <> 'pool' AND NOT released AND release_at <= now())
         OR (EXISTS (SELECT 1 FROM fair_registration WHERE fair_id = $1 AND state = 'waitlisted')
             AND EXISTS (SELECT 1 FROM booth WHERE fair_id = $1 AND state = 'free')) AS due`,
    [fairId],
    { inTransaction: true },
  );
  return due;
}
