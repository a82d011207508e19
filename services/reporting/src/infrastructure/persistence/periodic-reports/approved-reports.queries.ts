import type { EntityManager } from 'typeorm';
import { sql } from '@kc/persistence';
import { departmentForms, type ApprovedReport } from '../../../domain/periodic-reports';

const DEPARTMENT_FORM_IDS = departmentForms.map((form) => form.id);

/**
 * The department reports of `year` that have an approved version, each with that version's entered figures: the
 * version that counts for its period, also while the report is reopened for correction (its status is then no
 * longer `approved`). Returned or awaiting submissions are not read. Which report counts for the year is the
 * domain's choice (`countedReports`).
 */
export async function approvedReportsOf(manager: EntityManager, year: number): Promise<ApprovedReport[]> {
  return sql<ApprovedReport>(
    manager,
    `SELECT r.form_id AS "formId", r.form_version AS "formVersion", r.period, r.province_code AS "provinceCode",
            r.approved_version AS "approvedVersion", v.content -> 'entered' AS values,
            r.status <> 'approved' AS "underCorrection"
       FROM periodic_report r
       JOIN periodic_report_version v ON v.report_id = r.id AND v.number = r.approved_version
      WHERE r.approved_version IS NOT NULL AND r.form_id = ANY($1) AND left(r.period, 4) = $2
      ORDER BY r.province_code, r.period, r.form_id`,
    [DEPARTMENT_FORM_IDS, String(year)],
  );
}
