import type { EntityManager } from 'typeorm';
import { sql } from '@kc/persistence';
import type { AwardCertificate } from '../../domain/award-certificate';

/*
 * award_certificate_ref: trade-fairs' copy of the awards service's certificates, written only by the
 * certificate event handlers. A registration judging a facility's priority and an event changing that
 * facility's certificates take the same per-facility lock first, so neither decides on what the other is about
 * to change: a withdrawal committed before a registration's judgement is seen by it, and a registration
 * committed before a withdrawal is judged again by the withdrawal.
 */

const CERTIFICATE_COLUMNS = `number, holder_tax_code AS "holderTaxCode",
  to_char(issued_on, 'YYYY-MM-DD') AS "issuedOn", to_char(valid_until, 'YYYY-MM-DD') AS "validUntil",
  to_char(withdrawn_on, 'YYYY-MM-DD') AS "withdrawnOn"`;

/** Waits for, then holds until the transaction ends, the lock on one facility's award certificates. */
export async function lockFacilityAwards(manager: EntityManager, taxCode: string): Promise<void> {
  await sql(
    manager,
    `SELECT pg_advisory_xact_lock(hashtextextended('award-certificates:' || $1, 0))`,
    [taxCode],
    {
      inTransaction: true,
    },
  );
}

/** The facility's certificates, and those under `numbers` whoever holds them (under the facility's lock). */
export function certificatesOf(
  manager: EntityManager,
  taxCode: string,
  numbers: readonly string[] = [],
): Promise<AwardCertificate[]> {
  return sql<AwardCertificate>(
    manager,
    `SELECT ${CERTIFICATE_COLUMNS} FROM award_certificate_ref
      WHERE holder_tax_code = $1 OR number = ANY($2::text[])`,
    [taxCode, numbers],
    { inTransaction: true },
  );
}

export interface IssuedCertificate {
  number: string;
  holderTaxCode: string;
  level: string;
  roundYear: number;
  productName: string;
  issuedOn: string;
  validUntil: string;
}

/** Records an issued certificate; the same one again changes nothing, and never undoes its withdrawal. */
export async function recordIssued(manager: EntityManager, c: IssuedCertificate): Promise<void> {
  await sql(
    manager,
    `INSERT INTO award_certificate_ref
       (number, holder_tax_code, level, round_year, product_name, issued_on, valid_until)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (number) DO UPDATE SET
       holder_tax_code = excluded.holder_tax_code, level = excluded.level, round_year = excluded.round_year,
       product_name = excluded.product_name, issued_on = excluded.issued_on, valid_until = excluded.valid_until`,
    [c.number, c.holderTaxCode, c.level, c.roundYear, c.productName, c.issuedOn, c.validUntil],
    { inTransaction: true },
  );
}

/** The holder of a certificate in the copy, if the copy has it. */
export async function holderOf(manager: EntityManager, number: string): Promise<string | undefined> {
  const [row] = await sql<{ holder_tax_code: string }>(
    manager,
    `SELECT holder_tax_code FROM award_certificate_ref WHERE number = $1`,
    [number],
    { inTransaction: true },
  );
  return row?.holder_tax_code;
}

export async function recordWithdrawal(manager: EntityManager, number: string, on: string): Promise<void> {
  await sql(manager, `UPDATE award_certificate_ref SET withdrawn_on = $2 WHERE number = $1`, [number, on], {
    inTransaction: true,
  });
}

/** A registration whose priority may still change: nothing is held or allocated for it yet. */
export interface WaitingRegistration {
  id: string;
  fairId: string;
  facilityProvinceCode: string;
  fairStartDate: string;
  awardCertified: boolean;
}

/** The facility's requests still waiting for booths (for a draw or on a waiting list), locked, in id order. */
export function lockWaitingRegistrations(
  manager: EntityManager,
  taxCode: string,
): Promise<WaitingRegistration[]> {
  return sql<WaitingRegistration>(
    manager,
    `SELECT r.id, r.fair_id AS "fairId", r.facility_province_code AS "facilityProvinceCode",
            to_char(f.start_date, 'YYYY-MM-DD') AS "fairStartDate", r.award_certified AS "awardCertified"
       FROM fair_registration r JOIN trade_fair f ON f.id = r.fair_id
      WHERE r.facility_tax_code = $1 AND r.state IN ('requested', 'waitlisted')
      ORDER BY r.id FOR UPDATE OF r`,
    [taxCode],
    { inTransaction: true },
  );
}

export async function setAwardCertified(
  manager: EntityManager,
  registrationIds: readonly string[],
  awardCertified: boolean,
): Promise<void> {
  await sql(
    manager,
    `UPDATE fair_registration SET award_certified = $2, updated_at = now() WHERE id = ANY($1::uuid[])`,
    [registrationIds, awardCertified],
    { inTransaction: true },
  );
}
