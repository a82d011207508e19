import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTradeFair1763900000300 implements MigrationInterface {
  name = 'CreateTradeFair1763900000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE trade_fair (
        id            uuid PRIMARY KEY,
        name          text NOT NULL,
        year          int  NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        scale         text NOT NULL CHECK (scale IN ('provincial', 'regional', 'national')),
        region_code   text CHECK (region_code IN ('north', 'central', 'south')),
        province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        start_date    date NOT NULL,
        end_date      date NOT NULL,
        booth_count   int  NOT NULL CHECK (booth_count BETWEEN 1 AND 100000),
        venue         text,
        created_at    timestamptz NOT NULL DEFAULT now(),
        CHECK ((scale = 'regional') = (region_code IS NOT NULL)),
        CHECK (start_date <= end_date),
        CHECK (extract(year FROM start_date) = year AND extract(year FROM end_date) = year)
      )`);
    await q.query(`CREATE INDEX trade_fair_by_year ON trade_fair (year, scale)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE trade_fair`);
  }
}
