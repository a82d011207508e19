import type { EntityManager } from 'typeorm';
import { sql } from '@kc/persistence';

/*
 * The host's certification of the participant list: one per fair (primary key fair_id of
 * participant_list_certification). The allocated registrations are locked while it is made, so a delegation
 * certifying or a cancellation waits for it, then finds the list closed.
 */

export interface CertificationRow {
  fair_id: string;
  host_province_code: string;
  document_number: string;
  certified_at: Date;
  certified_by: string;
  province_codes: string[];
  facilities: number;
  booths: number;
  rent_vnd: string;
  support_vnd: string;
}

export async function certificationOf(
  manager: EntityManager,
  fairId: string,
): Promise<CertificationRow | undefined> {
  const [row] = await sql<CertificationRow>(
    manager,
    `SELECT * FROM participant_list_certification WHERE fair_id = $1`,
    [fairId],
  );
  return row;
}

/** The fair's allocated registrations, locked in id order, with what their province certified. */
export function lockAllocatedRegistrations(
  manager: EntityManager,
  fairId: string,
): Promise<{ province: string; certified: boolean; rent: string | null; support: string | null }[]> {
  return sql<{ province: string; certified: boolean; rent: string | null; support: string | null }>(
    manager,
    `SELECT facility_province_code AS province, certified_at IS NOT NULL AS certified,
            certified_rent_vnd AS rent, certified_support_vnd AS support
       FROM fair_registration WHERE fair_id = $1 AND state = 'allocated' ORDER BY id FOR UPDATE`,
    [fairId],
  );
}

export async function allocatedBoothCount(manager: EntityManager, fairId: string): Promise<number> {
  const [{ booths }] = await sql<{ booths: number }>(
    manager,
    `SELECT count(*)::int AS booths FROM booth b JOIN fair_registration r ON r.id = b.registration_id
      WHERE r.fair_id = $1 AND r.state = 'allocated'`,
    [fairId],
  );
  return booths;
}

export async function insertCertification(
  manager: EntityManager,
  certification: {
    fairId: string;
    hostProvinceCode: string;
    documentNumber: string;
    certifiedBy: string;
    provinceCodes: string[];
    facilities: number;
    booths: number;
    rentVnd: number;
    supportVnd: number;
  },
): Promise<CertificationRow> {
  const [row] = await sql<CertificationRow>(
    manager,
    `INSERT INTO participant_list_certification
       (fair_id, host_province_code, document_number, certified_by, province_codes, facilities, booths,
        rent_vnd, support_vnd)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
    [
      certification.fairId,
      certification.hostProvinceCode,
      certification.documentNumber,
      certification.certifiedBy,
      certification.provinceCodes,
      certification.facilities,
      certification.booths,
      certification.rentVnd,
      certification.supportVnd,
    ],
  );
  return row;
}
