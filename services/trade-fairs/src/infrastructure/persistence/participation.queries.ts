import type { EntityManager } from 'typeorm';
import { sql } from '@kc/persistence';
import { REGISTRATION_COLUMNS, type RegistrationRow } from './registrations.queries';

/*
 * After allocation: certification and check-in. Each happens once per registration because it is decided under
 * the registration's row lock (FOR UPDATE), on certified_at / checked_in_at read in that same transaction.
 */

export type ParticipationRow = RegistrationRow & { certified_at: Date | null; checked_in_at: Date | null };
const COLUMNS = `${REGISTRATION_COLUMNS}, certified_at, checked_in_at`;

/** The registration, its row locked until the transaction ends; undefined when the fair has none by that id. */
export async function lockParticipation(
  manager: EntityManager,
  fairId: string,
  id: string,
): Promise<ParticipationRow | undefined> {
  const [row] = await sql<ParticipationRow>(
    manager,
    `SELECT ${COLUMNS} FROM fair_registration WHERE id = $1 AND fair_id = $2 FOR UPDATE`,
    [id, fairId],
    { inTransaction: true },
  );
  return row;
}

/** The province's allocated registrations not certified yet, locked, in id order. */
export function lockUncertifiedDelegation(
  manager: EntityManager,
  fairId: string,
  provinceCode: string,
): Promise<ParticipationRow[]> {
  return sql<ParticipationRow>(
    manager,
    `SELECT ${COLUMNS} FROM fair_registration
      WHERE fair_id = $1 AND facility_province_code = $2 AND state = 'allocated' AND certified_at IS NULL
      ORDER BY id FOR UPDATE`,
    [fairId, provinceCode],
    { inTransaction: true },
  );
}

/** The registration's booths in code order, with their rent. */
export function boothsOfRegistration(
  manager: EntityManager,
  registrationId: string,
): Promise<{ code: string; rent_vnd: string }[]> {
  return sql<{ code: string; rent_vnd: string }>(
    manager,
    `SELECT code, rent_vnd FROM booth WHERE registration_id = $1 ORDER BY code`,
    [registrationId],
    { inTransaction: true },
  );
}

/** Fixes the rent and support certified by `certifiedBy`: later policy versions do not change them. */
export async function markCertified(
  manager: EntityManager,
  registrationId: string,
  certification: { certifiedBy: string; rentVnd: number; supportVnd: number },
): Promise<void> {
  await sql(
    manager,
    `UPDATE fair_registration SET certified_at = now(), certified_by = $2, certified_rent_vnd = $3,
        certified_support_vnd = $4, updated_at = now()
      WHERE id = $1`,
    [registrationId, certification.certifiedBy, certification.rentVnd, certification.supportVnd],
    { inTransaction: true },
  );
}

/** Returns when the facility checked in. */
export async function markCheckedIn(manager: EntityManager, registrationId: string): Promise<Date> {
  const [{ checked_in_at }] = await sql<{ checked_in_at: Date }>(
    manager,
    `UPDATE fair_registration SET checked_in_at = now(), updated_at = now() WHERE id = $1
      RETURNING checked_in_at`,
    [registrationId],
    { inTransaction: true },
  );
  return checked_in_at;
}
