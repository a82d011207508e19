import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The planning cycle: ceilings per funding source (Σ allocated ≤ ceiling by CHECK), registration reports,
 * plan-assignment decisions with their allocations, and the replica of the projects plans decide about.
 */
export class CreatePlanningCycle1763900000120 implements MigrationInterface {
  name = 'CreatePlanningCycle1763900000120';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE annual_plan
        ADD COLUMN programme_id uuid REFERENCES programme (id),
        ADD COLUMN registration_deadline date`);
    // Plans made before deadlines existed: the national default, 20 June of the year before.
    await q.query(`UPDATE annual_plan SET registration_deadline = make_date(year - 1, 6, 20)`);
    await q.query(`ALTER TABLE annual_plan ALTER COLUMN registration_deadline SET NOT NULL`);

    await q.query(`
      CREATE TABLE plan_ceiling (
        plan_id        uuid   NOT NULL REFERENCES annual_plan (id),
        funding_source text   NOT NULL CHECK (funding_source IN ('KCQG', 'KCDP')),
        ceiling_vnd    bigint NOT NULL CHECK (ceiling_vnd >= 0),
        allocated_vnd  bigint NOT NULL DEFAULT 0 CHECK (allocated_vnd >= 0),
        PRIMARY KEY (plan_id, funding_source),
        CONSTRAINT plan_ceiling_not_exceeded CHECK (allocated_vnd <= ceiling_vnd)
      )`);
    // The budget of existing plans becomes the ceiling of their own source; the plan's budget is Σ ceilings.
    await q.query(`
      INSERT INTO plan_ceiling (plan_id, funding_source, ceiling_vnd)
      SELECT id, CASE level WHEN 'national' THEN 'KCQG' ELSE 'KCDP' END, budget_vnd FROM annual_plan`);
    await q.query(`ALTER TABLE annual_plan DROP COLUMN budget_vnd`);

    await q.query(`
      CREATE TABLE plan_ceiling_change (
        id              uuid PRIMARY KEY,
        plan_id         uuid   NOT NULL,
        funding_source  text   NOT NULL,
        previous_vnd    bigint CHECK (previous_vnd >= 0),
        ceiling_vnd     bigint NOT NULL CHECK (ceiling_vnd >= 0),
        decision_number text,
        signed_on       date,
        changed_by      text   NOT NULL,
        changed_at      timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (plan_id, funding_source) REFERENCES plan_ceiling (plan_id, funding_source),
        CHECK ((decision_number IS NULL) = (signed_on IS NULL)),
        CONSTRAINT plan_ceiling_change_decision_unique UNIQUE (plan_id, funding_source, decision_number)
      )`);

    await q.query(`
      CREATE TABLE project_ref (
        project_id            uuid PRIMARY KEY,
        code                  text NOT NULL,
        plan_id               uuid NOT NULL,
        plan_year             int  NOT NULL,
        province_code         text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        funding_source        text NOT NULL CHECK (funding_source IN ('KCQG', 'KCDP')),
        status                text NOT NULL,
        total_cost_vnd        bigint NOT NULL CHECK (total_cost_vnd >= 0),
        requested_support_vnd bigint NOT NULL CHECK (requested_support_vnd >= 0),
        appraised_support_vnd bigint CHECK (appraised_support_vnd >= 0),
        norm_code             text,
        norm_units            int CHECK (norm_units >= 1),
        start_date            date NOT NULL,
        updated_at            timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX project_ref_plan ON project_ref (plan_id, province_code, status)`);

    await q.query(`
      CREATE TABLE registration (
        id            uuid PRIMARY KEY,
        plan_id       uuid NOT NULL REFERENCES annual_plan (id),
        province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        report_number text NOT NULL,
        report_date   date NOT NULL,
        submitted_at  timestamptz NOT NULL,
        deadline      date NOT NULL,
        late          boolean NOT NULL,
        submitted_by  text NOT NULL,
        UNIQUE (plan_id, province_code, report_number)
      )`);
    await q.query(`
      CREATE TABLE registration_project (
        registration_id uuid NOT NULL REFERENCES registration (id),
        plan_id         uuid NOT NULL,
        project_id      uuid NOT NULL REFERENCES project_ref (project_id),
        PRIMARY KEY (registration_id, project_id),
        -- A project is listed in one registration report of a plan.
        UNIQUE (plan_id, project_id)
      )`);

    await q.query(`
      CREATE TABLE assignment_decision (
        id         uuid PRIMARY KEY,
        plan_id    uuid NOT NULL REFERENCES annual_plan (id),
        number     text NOT NULL,
        signed_on  date NOT NULL,
        kind       text NOT NULL CHECK (kind IN ('initial', 'adjustment')),
        decided_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT assignment_decision_number_unique UNIQUE (plan_id, number)
      )`);
    await q.query(`
      CREATE TABLE decision_allocation (
        decision_id    uuid   NOT NULL REFERENCES assignment_decision (id),
        project_id     uuid   NOT NULL REFERENCES project_ref (project_id),
        province_code  text   NOT NULL,
        funding_source text   NOT NULL CHECK (funding_source IN ('KCQG', 'KCDP')),
        amount_vnd     bigint NOT NULL CHECK (amount_vnd >= 0),
        previous_vnd   bigint NOT NULL CHECK (previous_vnd >= 0),
        PRIMARY KEY (decision_id, project_id, funding_source)
      )`);
    // The allocation in force per project and source: what the latest decision (or a stop) left.
    await q.query(`
      CREATE TABLE project_allocation (
        project_id     uuid   NOT NULL REFERENCES project_ref (project_id),
        funding_source text   NOT NULL CHECK (funding_source IN ('KCQG', 'KCDP')),
        plan_id        uuid   NOT NULL,
        amount_vnd     bigint NOT NULL CHECK (amount_vnd >= 0),
        PRIMARY KEY (project_id, funding_source),
        FOREIGN KEY (plan_id, funding_source) REFERENCES plan_ceiling (plan_id, funding_source)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE project_allocation, decision_allocation, assignment_decision`);
    await q.query(`DROP TABLE registration_project, registration, project_ref, plan_ceiling_change`);
    await q.query(
      `ALTER TABLE annual_plan ADD COLUMN budget_vnd bigint NOT NULL DEFAULT 0 CHECK (budget_vnd >= 0)`,
    );
    await q.query(`
      UPDATE annual_plan p SET budget_vnd = c.total
        FROM (SELECT plan_id, sum(ceiling_vnd) AS total FROM plan_ceiling GROUP BY plan_id) c
       WHERE c.plan_id = p.id`);
    await q.query(`DROP TABLE plan_ceiling`);
    await q.query(`ALTER TABLE annual_plan DROP COLUMN programme_id, DROP COLUMN registration_deadline`);
  }
}
