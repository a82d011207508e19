import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = [
  'draft',
  'registered',
  'base-appraised',
  'submitted',
  'ministry-appraised',
  'in-plan',
  'contracted',
  'in-progress',
  'accepted',
  'liquidated',
  'settled',
  'rejected',
  'extended',
  'stopped',
]
  .map((s) => `'${s}'`)
  .join(', ');

/**
 * The project read model follows the whole lifecycle (issue 4). The old table held only registered/approved
 * projects from events that have left the catalog and lacks the facts the new one needs, so it is replaced;
 * the new events rebuild it. Allocations come from plans decisions on another topic, in no guaranteed order
 * relative to the project's own events: they are kept apart and summed when read.
 */
export class ProjectLifecycleProjection1763900000620 implements MigrationInterface {
  name = 'ProjectLifecycleProjection1763900000620';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE project_projection`);
    await q.query(`
      CREATE TABLE project_projection (
        project_id              uuid PRIMARY KEY,
        code                    text NOT NULL,
        title                   text NOT NULL,
        plan_id                 uuid NOT NULL,
        plan_year               int  NOT NULL CHECK (plan_year BETWEEN 2000 AND 2100),
        plan_level              text NOT NULL CHECK (plan_level IN ('national', 'provincial')),
        funding_source          text NOT NULL CHECK (funding_source IN ('KCQG', 'KCDP')),
        kind                    text NOT NULL CHECK (kind IN ('ordinary', 'flagship', 'group')),
        activity_contents       int[] NOT NULL
          CHECK (cardinality(activity_contents) BETWEEN 1 AND 9 AND activity_contents <@ '{1,2,3,4,5,6,7,8,9}'),
        advance_category        text NOT NULL,
        province_code           text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        province_as_of          date NOT NULL,
        start_date              date NOT NULL,
        end_date                date NOT NULL CHECK (end_date >= start_date),
        status                  text NOT NULL CHECK (status IN (${STATUSES})),
        status_changed_at       timestamptz NOT NULL,
        requested_support_vnd   bigint NOT NULL CHECK (requested_support_vnd >= 0),
        appraised_support_vnd   bigint CHECK (appraised_support_vnd >= 0),
        counterpart_vnd         bigint NOT NULL CHECK (counterpart_vnd >= 0),
        contract_value_vnd      bigint CHECK (contract_value_vnd >= 0),
        contracted_on           date,
        advanced_vnd            bigint NOT NULL DEFAULT 0 CHECK (advanced_vnd >= 0),
        paid_vnd                bigint NOT NULL DEFAULT 0 CHECK (paid_vnd >= 0),
        first_advance_on        date,
        settled_vnd             bigint CHECK (settled_vnd BETWEEN 0 AND paid_vnd),
        settled_on              date,
        settled_late            boolean,
        released_vnd            bigint NOT NULL DEFAULT 0 CHECK (released_vnd >= 0),
        stopped_on              date,
        last_progress_month     text CHECK (last_progress_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        last_progress_percent   int CHECK (last_progress_percent BETWEEN 0 AND 100),
        last_report_received_at timestamptz,
        registered_at           timestamptz NOT NULL,
        CHECK ((contract_value_vnd IS NULL) = (contracted_on IS NULL)),
        CHECK ((settled_vnd IS NULL) = (settled_on IS NULL)),
        CHECK ((last_progress_month IS NULL) = (last_progress_percent IS NULL))
      )`);
    await q.query(`CREATE INDEX project_projection_plan_year ON project_projection (plan_year, status)`);

    await q.query(`
      CREATE TABLE progress_report_projection (
        project_id   uuid NOT NULL,
        month        text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        report_id    uuid NOT NULL UNIQUE,
        percent_done int NOT NULL CHECK (percent_done BETWEEN 0 AND 100),
        spent_vnd    bigint NOT NULL CHECK (spent_vnd >= 0),
        received_at  timestamptz NOT NULL,
        late         boolean NOT NULL,
        PRIMARY KEY (project_id, month)
      )`);

    await q.query(`
      CREATE TABLE allocation_projection (
        decision_id    uuid NOT NULL,
        project_id     uuid NOT NULL,
        funding_source text NOT NULL CHECK (funding_source IN ('KCQG', 'KCDP')),
        plan_id        uuid NOT NULL,
        plan_year      int  NOT NULL CHECK (plan_year BETWEEN 2000 AND 2100),
        decision_number text NOT NULL,
        signed_on      date NOT NULL,
        amount_vnd     bigint NOT NULL CHECK (amount_vnd >= 0),
        previous_vnd   bigint NOT NULL CHECK (previous_vnd >= 0),
        PRIMARY KEY (decision_id, project_id, funding_source)
      )`);
    await q.query(`CREATE INDEX allocation_projection_project ON allocation_projection (project_id)`);

    await q.query(`
      CREATE TABLE plan_ceiling_projection (
        plan_id         uuid NOT NULL,
        funding_source  text NOT NULL CHECK (funding_source IN ('KCQG', 'KCDP')),
        ceiling_vnd     bigint NOT NULL CHECK (ceiling_vnd >= 0),
        decision_number text,
        signed_on       date,
        PRIMARY KEY (plan_id, funding_source)
      )`);

    await q.query(`CREATE INDEX allocation_projection_plan_year ON allocation_projection (plan_year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'plan_ceiling_projection',
      'allocation_projection',
      'progress_report_projection',
      'project_projection',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`
      CREATE TABLE project_projection (
        project_id            uuid PRIMARY KEY,
        code                  text NOT NULL,
        plan_id               uuid NOT NULL,
        plan_year             int  NOT NULL CHECK (plan_year BETWEEN 2000 AND 2100),
        province_code         text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        province_as_of        date NOT NULL,
        activity_contents     int[] NOT NULL CHECK (cardinality(activity_contents) BETWEEN 1 AND 9),
        status                text NOT NULL DEFAULT 'registered' CHECK (status IN ('registered', 'approved')),
        requested_support_vnd bigint NOT NULL CHECK (requested_support_vnd >= 0),
        approved_support_vnd  bigint CHECK (approved_support_vnd BETWEEN 0 AND requested_support_vnd),
        registered_at         timestamptz NOT NULL,
        approved_at           timestamptz,
        CHECK ((status = 'approved') = (approved_support_vnd IS NOT NULL)),
        CHECK ((status = 'approved') = (approved_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX project_projection_plan_year ON project_projection (plan_year)`);
  }
}
