import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProjects1763900000500 implements MigrationInterface {
  name = 'CreateProjects1763900000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plan_ref (
        id                 uuid PRIMARY KEY,
        year               int  NOT NULL,
        level              text NOT NULL CHECK (level IN ('national', 'provincial')),
        province_code      text,
        budget_vnd         bigint NOT NULL CHECK (budget_vnd >= 0),
        approved_total_vnd bigint NOT NULL DEFAULT 0 CHECK (approved_total_vnd >= 0),
        CONSTRAINT plan_ref_within_budget CHECK (approved_total_vnd <= budget_vnd)
      )`);
    await q.query(`
      CREATE TABLE project_code_counter (
        plan_id       uuid NOT NULL REFERENCES plan_ref (id),
        province_code text NOT NULL,
        last_sequence int  NOT NULL,
        PRIMARY KEY (plan_id, province_code)
      )`);
    await q.query(`
      CREATE TABLE project (
        id                    uuid PRIMARY KEY,
        code                  text NOT NULL UNIQUE,
        plan_id               uuid NOT NULL REFERENCES plan_ref (id),
        plan_year             int  NOT NULL,
        title                 text NOT NULL,
        province_code         text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        activity_contents     int[] NOT NULL CHECK (cardinality(activity_contents) BETWEEN 1 AND 9
                                AND activity_contents <@ ARRAY[1,2,3,4,5,6,7,8,9]),
        requested_support_vnd bigint NOT NULL CHECK (requested_support_vnd > 0),
        approved_support_vnd  bigint CHECK (approved_support_vnd > 0),
        status                text NOT NULL CHECK (status IN ('registered', 'approved')),
        created_at            timestamptz NOT NULL DEFAULT now(),
        approved_at           timestamptz,
        CONSTRAINT project_approval_within_request CHECK (approved_support_vnd <= requested_support_vnd),
        CONSTRAINT project_approval_complete CHECK ((status = 'approved') = (approved_support_vnd IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX project_by_plan ON project (plan_id, province_code)`);
    await q.query(`CREATE INDEX project_by_year ON project (plan_year, province_code, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE project`);
    await q.query(`DROP TABLE project_code_counter`);
    await q.query(`DROP TABLE plan_ref`);
  }
}
