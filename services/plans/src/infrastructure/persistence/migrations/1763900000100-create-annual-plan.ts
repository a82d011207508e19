import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAnnualPlan1763900000100 implements MigrationInterface {
  name = 'CreateAnnualPlan1763900000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE annual_plan (
        id            uuid PRIMARY KEY,
        name          text NOT NULL,
        year          int  NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        level         text NOT NULL CHECK (level IN ('national', 'provincial')),
        province_code text CHECK (province_code ~ '^[0-9]{2}$'),
        budget_vnd    bigint NOT NULL CHECK (budget_vnd >= 0),
        created_at    timestamptz NOT NULL DEFAULT now(),
        CHECK ((level = 'national') = (province_code IS NULL))
      )`);
    // One national plan per year and one plan per provincial unit per year.
    await q.query(
      `CREATE UNIQUE INDEX annual_plan_one_per_year ON annual_plan (year, level, coalesce(province_code, ''))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE annual_plan`);
  }
}
