import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models built from other services' events. Each row is keyed by its aggregate id, so replaying an event
 * overwrites rather than duplicates. A province code is kept as recorded together with the date it is read on
 * (province_as_of): the pair, not the code, identifies the unit across the 2025 reorganisation.
 */
export class CreateProjections1763900000600 implements MigrationInterface {
  name = 'CreateProjections1763900000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plan_projection (
        plan_id        uuid PRIMARY KEY,
        name           text NOT NULL,
        year           int  NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        level          text NOT NULL CHECK (level IN ('national', 'provincial')),
        province_code  text CHECK (province_code ~ '^[0-9]{2}$'),
        province_as_of date,
        budget_vnd     bigint NOT NULL CHECK (budget_vnd >= 0),
        created_at     timestamptz NOT NULL,
        CHECK ((level = 'national') = (province_code IS NULL)),
        CHECK ((province_code IS NULL) = (province_as_of IS NULL))
      )`);
    await q.query(`CREATE INDEX plan_projection_year ON plan_projection (year)`);

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

    await q.query(`
      CREATE TABLE cluster_projection (
        cluster_id          uuid PRIMARY KEY,
        code                text NOT NULL,
        name                text NOT NULL,
        province_code       text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        province_as_of      date NOT NULL,
        status              text NOT NULL
          CHECK (status IN ('planned', 'established', 'detailed-plan', 'infrastructure', 'operating')),
        total_area_centi_ha int NOT NULL CHECK (total_area_centi_ha >= 0),
        registered_at       timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE fair_projection (
        fair_id        uuid PRIMARY KEY,
        name           text NOT NULL,
        year           int  NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        scale          text NOT NULL CHECK (scale IN ('provincial', 'regional', 'national')),
        region_code    text CHECK (region_code IN ('north', 'central', 'south')),
        province_code  text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        province_as_of date NOT NULL,
        start_date     date NOT NULL,
        end_date       date NOT NULL CHECK (end_date >= start_date),
        booth_count    int  NOT NULL CHECK (booth_count >= 1),
        created_at     timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX fair_projection_year ON fair_projection (year)`);

    await q.query(`
      CREATE TABLE award_round_projection (
        round_id       uuid PRIMARY KEY,
        name           text NOT NULL,
        year           int  NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        level          text NOT NULL CHECK (level IN ('provincial', 'regional', 'national')),
        province_code  text CHECK (province_code ~ '^[0-9]{2}$'),
        province_as_of date,
        region_code    text CHECK (region_code IN ('north', 'central', 'south')),
        opened_at      timestamptz NOT NULL,
        CHECK ((province_code IS NULL) = (province_as_of IS NULL)),
        CHECK (level <> 'provincial' OR province_code IS NOT NULL),
        CHECK (level <> 'regional' OR region_code IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX award_round_projection_year ON award_round_projection (year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'award_round_projection',
      'fair_projection',
      'cluster_projection',
      'project_projection',
      'plan_projection',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
