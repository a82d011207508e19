import type { EntityManager } from 'typeorm';
import type { BoothKind, CreateRegistrationRequest, RegistrationState } from '@kc/contracts';
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

/** A registration a facility may have only one of per fair; a hold past its deadline no longer counts. */
const LIVE_STATES =
  "(state IN ('requested', 'allocated', 'waitlisted') OR (state = 'held' AND hold_expires_at > now()))";

export async function hasLiveRegistration(
  manager: EntityManager,
  fairId: string,
  taxCode: string,
): Promise<boolean> {
  const live = await sql(
    manager,
    `SELECT 1 FROM fair_registration WHERE fair_id = $1 AND facility_tax_code = $2 AND ${LIVE_STATES}`,
    [fairId, taxCode],
  );
  return live.length > 0;
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
  state: 'requested' | 'held' | 'waitlisted';
  chargedTo: string | null;
  holdExpiresAt: Date | null;
  waitlistPosition: number | null;
  awardCertified: boolean;
}

/**
 * Idempotent booking. The unique index fair_registration_idempotency (fair_id, idempotency_key) lets one row in
 * per key: false when a concurrent request with the same key wrote it first (nothing is written). The partial
 * unique index fair_registration_one_live_per_facility refuses a second live registration of the facility
 * (23505), whatever the key.
 */
export async function insertRegistrationUnlessKeyUsed(
  manager: EntityManager,
  registration: NewRegistration,
): Promise<boolean> {
  const { facility } = registration;
  const inserted = await sql(
    manager,
    `INSERT INTO fair_registration (id, fair_id, idempotency_key, request_hash, facility_tax_code,
       facility_name, facility_province_code, facility_legal_form, products, booth_count, booth_kind, state,
       charged_to, hold_expires_at, waitlist_position, award_certified)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     ON CONFLICT (fair_id, idempotency_key) DO NOTHING RETURNING id`,
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
      registration.waitlistPosition,
      registration.awardCertified,
    ],
    { inTransaction: true },
  );
  return inserted.length > 0;
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
