import type { EntityManager } from 'typeorm';
import type { BoothKind, CreateRegistrationRequest, RegistrationState } from '@kc/contracts';
import { sql } from '@kc/persistence';
import { FairEntity } from './fair.entity';
import { RegistrationEntity } from './registration.entity';

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

/**
 * Every column of a registration, each named as RegistrationEntity names it: the rows of a statement that
 * selects or returns them become entities through `asRegistrationEntity`, so an answer is built from the
 * statement that wrote the row rather than read again.
 */
export function registrationEntityColumns(manager: EntityManager): string {
  return registrationMetadata(manager)
    .columns.map((column) => `${column.databaseName} AS "${column.propertyName}"`)
    .join(', ');
}

export function asRegistrationEntity(
  manager: EntityManager,
  row: Record<string, unknown>,
): RegistrationEntity {
  const metadata = registrationMetadata(manager);
  const entity = metadata.create() as RegistrationEntity;
  for (const column of metadata.columns) {
    // TypeORM applies a list of transformers' `from` last to first.
    const transformers = column.transformer ? [column.transformer].flat().reverse() : [];
    const value: unknown = transformers.reduce((v, t) => t.from(v), row[column.propertyName]);
    column.setEntityValue(entity, value);
  }
  return entity;
}

const registrationMetadata = (manager: EntityManager) => manager.connection.getMetadata(RegistrationEntity);

export interface BookingContext {
  fair: FairEntity | undefined;
  /** The registration the key already made at this fair, if any: a re-send answers with it. */
  keyUsedBy: { id: string; requestHash: string } | null;
  /** Whether the facility already has a live registration at this fair (a hold past its deadline is not). */
  facilityHasLive: boolean;
}

/**
 * What a booking decides on before its transaction, in one statement: the fair; the registration the
 * Idempotency-Key made, through the unique index fair_registration_idempotency (the same index refuses a second
 * row for the key at insert, so a race between two re-sends is settled there); whether the facility has a live
 * registration — an early answer only: the partial unique index fair_registration_one_live_per_facility is what
 * refuses a second one, at insert.
 */
export async function bookingContext(
  manager: EntityManager,
  fairId: string,
  idempotencyKey: string,
  taxCode: string,
): Promise<BookingContext> {
  const { entities, raw } = await manager
    .getRepository(FairEntity)
    .createQueryBuilder('fair')
    .addSelect(
      `(SELECT json_build_object('id', r.id, 'requestHash', r.request_hash) FROM fair_registration r
         WHERE r.fair_id = fair.id AND r.idempotency_key = :idempotencyKey)`,
      'key_used_by',
    )
    .addSelect(
      `EXISTS (SELECT 1 FROM fair_registration r WHERE r.fair_id = fair.id AND r.facility_tax_code = :taxCode
         AND (r.state IN ('requested', 'allocated', 'waitlisted') OR (r.state = 'held' AND r.hold_expires_at > now())))`,
      'facility_has_live',
    )
    .where('fair.id = :fairId', { fairId, idempotencyKey, taxCode })
    .getRawAndEntities<{ key_used_by: BookingContext['keyUsedBy']; facility_has_live: boolean }>();
  return {
    fair: entities[0],
    keyUsedBy: raw[0]?.key_used_by ?? null,
    facilityHasLive: raw[0]?.facility_has_live ?? false,
  };
}

export interface NewRegistration {
  id: string;
  fairId: string;
  idempotencyKey: string;
  requestHash: string;
  facility: CreateRegistrationRequest['facility'];
  products: CreateRegistrationRequest['products'];
  boothCount: number;
  boothKind: BoothKind;
  /** `waitlisted` takes the next place on the fair's waiting list. */
  state: 'requested' | 'held' | 'waitlisted';
  chargedTo: string | null;
  holdExpiresAt: Date | null;
  awardCertified: boolean;
}

/**
 * Idempotent booking; returns the row written, or undefined when a concurrent request with the same key wrote
 * first (nothing is written; the caller rolls back). The unique index fair_registration_idempotency
 * (fair_id, idempotency_key) lets one row in per key. The partial unique index
 * fair_registration_one_live_per_facility refuses a second live registration of the facility (23505), whatever
 * the key. A request joining the waiting list takes its place from the fair row's counter, incremented here under
 * that row's lock; the partial unique index fair_registration_waitlist refuses a place given twice.
 */
export async function insertRegistrationUnlessKeyUsed(
  manager: EntityManager,
  registration: NewRegistration,
): Promise<RegistrationEntity | undefined> {
  const { facility } = registration;
  const [inserted] = await sql(
    manager,
    `WITH place AS (
       UPDATE trade_fair SET last_waitlist_position = last_waitlist_position + 1
        WHERE id = $2 AND $12::text = 'waitlisted' RETURNING last_waitlist_position)
     INSERT INTO fair_registration (id, fair_id, idempotency_key, request_hash, facility_tax_code,
       facility_name, facility_province_code, facility_legal_form, products, booth_count, booth_kind, state,
       charged_to, hold_expires_at, waitlist_position, award_certified)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
       (SELECT last_waitlist_position FROM place), $15)
     ON CONFLICT (fair_id, idempotency_key) DO NOTHING RETURNING ${registrationEntityColumns(manager)}`,
    [
      registration.id,
      registration.fairId,
      registration.idempotencyKey,
      registration.requestHash,
      facility.taxCode,
      facility.name,
      facility.provinceCode,
      facility.legalForm,
      JSON.stringify(registration.products),
      registration.boothCount,
      registration.boothKind,
      registration.state,
      registration.chargedTo,
      registration.holdExpiresAt,
      registration.awardCertified,
    ],
    { inTransaction: true },
  );
  return inserted && asRegistrationEntity(manager, inserted);
}

/** The registration, its row locked until the transaction ends; undefined when the fair has none by that id. */
export async function lockRegistration(
  manager: EntityManager,
  fairId: string,
  id: string,
): Promise<RegistrationRow | undefined> {
  const [registration] = await sql<RegistrationRow>(
    manager,
    `SELECT ${REGISTRATION_COLUMNS} FROM fair_registration WHERE id = $1 AND fair_id = $2 FOR UPDATE`,
    [id, fairId],
    { inTransaction: true },
  );
  return registration;
}

export async function isCertified(manager: EntityManager, id: string): Promise<boolean> {
  const [{ certified }] = await sql<{ certified: boolean }>(
    manager,
    `SELECT certified_at IS NOT NULL AS certified FROM fair_registration WHERE id = $1`,
    [id],
    { inTransaction: true },
  );
  return certified;
}

/** Cancelled, it is charged to no counter and holds nothing (the caller has freed its booths). */
export async function markCancelled(manager: EntityManager, id: string, reason: string): Promise<void> {
  await sql(
    manager,
    `UPDATE fair_registration SET state = 'cancelled', charged_to = NULL, hold_expires_at = NULL,
       cancel_reason = $2, updated_at = now() WHERE id = $1`,
    [id, reason],
    { inTransaction: true },
  );
}
