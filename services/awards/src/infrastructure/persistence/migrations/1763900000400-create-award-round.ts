import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAwardRound1763900000400 implements MigrationInterface {
  name = 'CreateAwardRound1763900000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE award_round (
        id            uuid PRIMARY KEY,
        name          text NOT NULL,
        year          int  NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        level         text NOT NULL CHECK (level IN ('provincial', 'regional', 'national')),
        province_code text CHECK (province_code ~ '^[0-9]{2}$'),
        region_code   text CHECK (region_code IN ('north', 'central', 'south')),
        closes_on     date,
        created_at    timestamptz NOT NULL DEFAULT now(),
        CHECK ((level = 'provincial') = (province_code IS NOT NULL)),
        CHECK ((level = 'regional') = (region_code IS NOT NULL))
      )`);
    // One round per year and level: one national, one per region, one per provincial unit.
    await q.query(`
      CREATE UNIQUE INDEX award_round_one_per_scope
      ON award_round (year, level, coalesce(province_code, ''), coalesce(region_code, ''))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE award_round`);
  }
}
