import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Booths allocated at trade fairs, one row per registration (replays overwrite). A row counts as allocated
 * until cancelled, and as supported once certified (never cancelled); support never exceeds the rent.
 */
export class CreateBoothProjection1763900000610 implements MigrationInterface {
  name = 'CreateBoothProjection1763900000610';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE booth_projection (
        registration_id   uuid PRIMARY KEY,
        fair_id           uuid NOT NULL,
        fair_year         int  NOT NULL CHECK (fair_year BETWEEN 2000 AND 2100),
        facility_tax_code text NOT NULL,
        province_code     text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        province_as_of    date NOT NULL,
        booth_count       int  NOT NULL CHECK (booth_count >= 1),
        rent_vnd          bigint NOT NULL CHECK (rent_vnd >= 0),
        support_vnd       bigint CHECK (support_vnd BETWEEN 0 AND rent_vnd),
        allocated_at      timestamptz NOT NULL,
        certified_at      timestamptz,
        cancelled_at      timestamptz,
        CHECK ((certified_at IS NULL) = (support_vnd IS NULL))
      )`);
    await q.query(`CREATE INDEX booth_projection_fair_year ON booth_projection (fair_year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE booth_projection`);
  }
}
