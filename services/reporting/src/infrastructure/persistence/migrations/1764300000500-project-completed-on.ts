import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The day a project was completed (accepted, Vietnamese calendar day of its status change), so that a periodic
 * report counts the projects completed by its period's last day, not those completed since. Rows already past
 * acceptance take the day of their last status change: exact for an accepted project, a later day for a
 * liquidated or settled one (it then counts from that day — never before it was done).
 */
export class ProjectCompletedOn1764300000500 implements MigrationInterface {
  name = 'ProjectCompletedOn1764300000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE project_projection ADD COLUMN completed_on date`);
    await q.query(`
      UPDATE project_projection
         SET completed_on = (status_changed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
       WHERE status IN ('accepted', 'liquidated', 'settled')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE project_projection DROP COLUMN completed_on`);
  }
}
