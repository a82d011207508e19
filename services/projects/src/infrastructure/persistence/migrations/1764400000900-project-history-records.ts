import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projects migrated from a legacy system keep the legacy record's identifier: a history import sent again finds
 * the project it created instead of creating a second one (one project per record, one record per project).
 */
export class ProjectHistoryRecords1764400000900 implements MigrationInterface {
  name = 'ProjectHistoryRecords1764400000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE project_history_record (
        plan_id     uuid NOT NULL REFERENCES plan_ref (id),
        legacy_ref  text NOT NULL CHECK (legacy_ref ~ '^[!-~]{1,100}$'),
        project_id  uuid NOT NULL UNIQUE REFERENCES project (id),
        imported_by text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (plan_id, legacy_ref)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE project_history_record`);
  }
}
