import type { EntityManager } from 'typeorm';
import { ConflictError } from '@kc/errors';
import { holdsFunding } from '../domain/lifecycle';
import type { ProjectEntity } from '../infrastructure/persistence/project.entity';

/**
 * Writes the project's claims on its beneficiaries' support (tax code × activity content × period) and lets
 * the exclusion constraint `beneficiary_funding_no_double` refuse double funding across every plan, national
 * and provincial. A claim covered by a recorded exemption carries its id and is outside the constraint.
 * `ON CONFLICT DO NOTHING` waits for a concurrent claim to commit or roll back, so of two parallel
 * registrations exactly one wins, and the loser can name the project it collided with.
 */
export async function claimFunding(
  manager: EntityManager,
  project: ProjectEntity,
  taxCodes: string[],
): Promise<void> {
  await manager.query(`DELETE FROM beneficiary_funding WHERE project_id = $1`, [project.id]);
  if (!holdsFunding(project.status)) return;
  const period = `[${project.startDate},${project.endDate}]`;
  for (const taxCode of taxCodes) {
    for (const content of project.activityContents) {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO beneficiary_funding (project_id, tax_code, activity_content, period, active, exemption_id)
         VALUES ($1, $2, $3, $4::daterange, true,
           (SELECT e.id FROM double_funding_exemption e
             WHERE e.tax_code = $2 AND e.activity_content = $3 AND e.period @> $4::daterange
             ORDER BY e.recorded_at LIMIT 1))
         ON CONFLICT DO NOTHING RETURNING project_id`,
        [project.id, taxCode, content, period],
      );
      if (inserted.length === 0) await refuseDoubleFunding(manager, project, taxCode, content, period);
    }
  }
}

/** 409 project.double-funding naming the project that holds the claim (`project` lost it to). */
export async function refuseDoubleFunding(
  manager: EntityManager,
  project: Pick<ProjectEntity, 'id' | 'code'>,
  taxCode: string,
  content: number,
  period: string,
): Promise<never> {
  const [other]: { code: string; start: string; end: string }[] = await manager.query(
    `SELECT p.code, lower(f.period)::text AS start, (upper(f.period) - 1)::text AS end
       FROM beneficiary_funding f JOIN project p ON p.id = f.project_id
      WHERE f.tax_code = $1 AND f.activity_content = $2 AND f.period && $3::daterange
        AND f.active AND f.exemption_id IS NULL AND f.project_id <> $4
      LIMIT 1`,
    [taxCode, content, period, project.id],
  );
  const when = other ? ` (${other.start} – ${other.end})` : '';
  throw new ConflictError(
    {
      vi:
        `Cơ sở ${taxCode} đã được hỗ trợ nội dung ${content} trong thời gian trùng lặp bởi đề án ` +
        `${other?.code ?? 'khác'}${when}; cần ghi nhận miễn trừ hỗ trợ trùng lặp để cho phép`,
      en:
        `facility ${taxCode} is already supported for activity content ${content} in an overlapping period ` +
        `by ${other ? `project ${other.code}` : 'another project'}${when}; record a double-funding ` +
        'exemption to allow it',
    },
    'project.double-funding',
    'beneficiaries',
  );
}

/** A rejected or stopped project no longer holds its beneficiaries' support. */
export async function releaseFunding(manager: EntityManager, projectId: string): Promise<void> {
  await manager.query(`UPDATE beneficiary_funding SET active = false WHERE project_id = $1`, [projectId]);
}
