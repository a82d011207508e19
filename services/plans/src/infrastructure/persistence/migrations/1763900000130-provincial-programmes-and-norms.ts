import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Provinces run their own KCĐP procedure (domain notes §5): their own programmes and their own versions of
 * the funding norms. A province's programmes never overlap in years; versions of a norm never overlap within
 * one scope (national, or one province), and are numbered per scope.
 */
export class ProvincialProgrammesAndNorms1763900000130 implements MigrationInterface {
  name = 'ProvincialProgrammesAndNorms1763900000130';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE programme
        ADD CONSTRAINT programme_at_most_ten_years CHECK (last_year - first_year < 10),
        ADD CONSTRAINT programme_one_per_province_and_year
          EXCLUDE USING gist (province_code WITH =, int4range(first_year, last_year, '[]') WITH &&)
          WHERE (province_code IS NOT NULL)`);

    await q.query(`ALTER TABLE funding_norm DROP CONSTRAINT funding_norm_pkey`);
    await q.query(`ALTER TABLE funding_norm DROP CONSTRAINT funding_norm_one_version_in_force`);
    await q.query(`
      ALTER TABLE funding_norm
        ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        ADD COLUMN province_code text CHECK (province_code ~ '^[0-9]{2}$'),
        ADD CONSTRAINT funding_norm_version_unique UNIQUE NULLS NOT DISTINCT (code, province_code, version),
        ADD CONSTRAINT funding_norm_one_version_in_force
          EXCLUDE USING gist (code WITH =, coalesce(province_code, '') WITH =,
                              daterange(valid_from, valid_to, '[]') WITH &&)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM funding_norm WHERE province_code IS NOT NULL`);
    await q.query(`ALTER TABLE funding_norm DROP CONSTRAINT funding_norm_one_version_in_force`);
    await q.query(`ALTER TABLE funding_norm DROP CONSTRAINT funding_norm_version_unique`);
    await q.query(`ALTER TABLE funding_norm DROP COLUMN province_code, DROP COLUMN id`);
    await q.query(`ALTER TABLE funding_norm ADD PRIMARY KEY (code, version)`);
    await q.query(`
      ALTER TABLE funding_norm ADD CONSTRAINT funding_norm_one_version_in_force
        EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to, '[]') WITH &&)`);
    await q.query(`
      ALTER TABLE programme
        DROP CONSTRAINT programme_one_per_province_and_year,
        DROP CONSTRAINT programme_at_most_ten_years`);
  }
}
