import type { EntityManager } from 'typeorm';
import { sql } from '@kc/persistence';
import type { CertificateFacts, ProgressReceipt, ProjectFacts } from '../../../domain/periodic-reports';

const DATE = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/**
 * What reporting's projections know about the reporters besides the departments: projects that ever had a
 * contract (the only ones that can owe a progress report) and the award certificates with their holders. The
 * domain (`reporters.ts`) decides who owes which period from these facts.
 */
export const reporterFacts = {
  projects(manager: EntityManager): Promise<ProjectFacts[]> {
    return sql<ProjectFacts>(
      manager,
      `SELECT project_id AS "projectId", code, title, province_code AS "provinceCode",
              ${DATE('province_as_of')} AS "provinceAsOf", status,
              ${DATE('start_date')} AS "startDate", ${DATE('end_date')} AS "endDate",
              ${DATE('contracted_on')} AS "contractedOn", ${DATE('stopped_on')} AS "stoppedOn",
              to_char(status_changed_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS "statusChangedOn"
         FROM project_projection
        WHERE contracted_on IS NOT NULL
        ORDER BY project_id`,
      [],
    );
  },

  /**
   * The monthly progress reports the projects service received for the months `from`–`to` (`2026-03`), with
   * their receipt time. The projection's `late` flag is not read: the form's deadline judges the receipt
   * (progress-reports.ts says why).
   */
  async progressReceipts(manager: EntityManager, from: string, to: string): Promise<ProgressReceipt[]> {
    const rows = await sql<{ projectId: string; month: string; receivedAt: Date }>(
      manager,
      `SELECT project_id AS "projectId", month, received_at AS "receivedAt"
         FROM progress_report_projection
        WHERE month BETWEEN $1 AND $2
        ORDER BY month, project_id`,
      [from, to],
    );
    return rows.map((r) => ({
      projectId: r.projectId,
      month: r.month,
      receivedAt: r.receivedAt.toISOString(),
    }));
  },

  certificates(manager: EntityManager): Promise<CertificateFacts[]> {
    return sql<CertificateFacts>(
      manager,
      `SELECT number, holder_tax_code AS "holderTaxCode", holder_name AS "holderName",
              province_code AS "provinceCode", ${DATE('issued_on')} AS "issuedOn",
              ${DATE('valid_until')} AS "validUntil", ${DATE('withdrawn_on')} AS "withdrawnOn"
         FROM award_certificate_projection
        ORDER BY number`,
      [],
    );
  },
};
