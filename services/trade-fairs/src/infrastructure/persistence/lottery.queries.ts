import type { EntityManager } from 'typeorm';
import { sql } from '@kc/persistence';
import type { DrawEntry } from '../../domain/lottery';
import { REGISTRATION_COLUMNS, type RegistrationRow } from './registrations.queries';

/*
 * The lottery: drawn once per fair. The caller holds the fair's row lock, which serialises draws; the primary
 * key of fair_lottery (fair_id) refuses a second draw anyway, and the unique registration_id of
 * fair_lottery_entry gives each request one ticket. The requests are locked FOR UPDATE in id order, so none is
 * cancelled while it is drawn. Booths go to the drawn requests through the statements of first-come requests
 * (booth-allocation.queries.ts), which keep the same guarantees.
 */

export type RequestForDraw = RegistrationRow & { award_certified: boolean };

/** The transaction's now(): the clock the window's close is compared with. */
export async function databaseNow(manager: EntityManager): Promise<Date> {
  const [{ now }] = await sql<{ now: Date }>(manager, `SELECT now()`, [], { inTransaction: true });
  return now;
}

export async function isDrawn(manager: EntityManager, fairId: string): Promise<boolean> {
  const drawn = await sql(manager, `SELECT 1 FROM fair_lottery WHERE fair_id = $1`, [fairId], {
    inTransaction: true,
  });
  return drawn.length > 0;
}

/** Every request waiting for the draw, locked, in id order. */
export function lockRequestsForDraw(manager: EntityManager, fairId: string): Promise<RequestForDraw[]> {
  return sql<RequestForDraw>(
    manager,
    `SELECT ${REGISTRATION_COLUMNS}, award_certified FROM fair_registration
      WHERE fair_id = $1 AND state = 'requested' ORDER BY id FOR UPDATE`,
    [fairId],
    { inTransaction: true },
  );
}

/** A drawn request now holds the booths charged to `chargedTo`. */
export async function holdForDrawnRequest(
  manager: EntityManager,
  registrationId: string,
  hold: { chargedTo: string; expiresAt: Date },
): Promise<void> {
  await sql(
    manager,
    `UPDATE fair_registration SET state = 'held', charged_to = $2, hold_expires_at = $3, updated_at = now()
      WHERE id = $1`,
    [registrationId, hold.chargedTo, hold.expiresAt],
    { inTransaction: true },
  );
}

/** A drawn request that found no booth joins the waiting list at `position`. */
export async function waitlistDrawnRequest(
  manager: EntityManager,
  registrationId: string,
  position: number,
): Promise<void> {
  await sql(
    manager,
    `UPDATE fair_registration SET state = 'waitlisted', waitlist_position = $2, updated_at = now()
      WHERE id = $1`,
    [registrationId, position],
    { inTransaction: true },
  );
}

/** Records the draw with its published seed and its entries in rank order; returns when it was drawn. */
export async function recordDraw(
  manager: EntityManager,
  draw: {
    fairId: string;
    seed: string;
    algorithm: string;
    awardPriority: boolean;
    digest: string;
    entries: DrawEntry[];
    outcomes: ('held' | 'waitlisted')[];
  },
): Promise<Date> {
  const { fairId, entries } = draw;
  const [{ drawn_at }] = await sql<{ drawn_at: Date }>(
    manager,
    `INSERT INTO fair_lottery (fair_id, seed, algorithm, award_priority, entries, draw_digest)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING drawn_at`,
    [fairId, draw.seed, draw.algorithm, draw.awardPriority, entries.length, draw.digest],
    { inTransaction: true },
  );
  await sql(
    manager,
    `INSERT INTO fair_lottery_entry (fair_id, rank, registration_id, ticket, award_priority, outcome)
     SELECT $1::uuid, * FROM unnest($2::int[], $3::uuid[], $4::text[], $5::boolean[], $6::text[])`,
    [
      fairId,
      entries.map((e) => e.rank),
      entries.map((e) => e.registrationId),
      entries.map((e) => e.ticket),
      entries.map((e) => e.awardPriority),
      draw.outcomes,
    ],
    { inTransaction: true },
  );
  return drawn_at;
}

export interface DrawRow {
  seed: string;
  algorithm: string;
  award_priority: boolean;
  draw_digest: string;
  drawn_at: Date;
}

export interface DrawEntryRow {
  rank: number;
  registration_id: string;
  ticket: string;
  award_priority: boolean;
  outcome: 'held' | 'waitlisted';
}

/** The fair's published draw, if it has been drawn. */
export async function drawOf(manager: EntityManager, fairId: string): Promise<DrawRow | undefined> {
  const [draw] = await sql<DrawRow>(
    manager,
    `SELECT seed, algorithm, award_priority, draw_digest, drawn_at FROM fair_lottery WHERE fair_id = $1`,
    [fairId],
  );
  return draw;
}

/** The draw's entries in rank order. */
export function drawEntriesOf(manager: EntityManager, fairId: string): Promise<DrawEntryRow[]> {
  return sql<DrawEntryRow>(
    manager,
    `SELECT rank, registration_id, ticket, award_priority, outcome FROM fair_lottery_entry
      WHERE fair_id = $1 ORDER BY rank`,
    [fairId],
  );
}

/** When each of the fairs that have been drawn was drawn. */
export async function drawTimesOf(manager: EntityManager, fairIds: string[]): Promise<Map<string, Date>> {
  const rows = await sql<{ fair_id: string; drawn_at: Date }>(
    manager,
    `SELECT fair_id, drawn_at FROM fair_lottery WHERE fair_id = ANY($1::uuid[])`,
    [fairIds],
  );
  return new Map(rows.map((r) => [r.fair_id, r.drawn_at]));
}
