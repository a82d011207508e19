import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Fairs may now be international (fair-created v2): the projection must accept them. */
export class InternationalFairs1763900000630 implements MigrationInterface {
  name = 'InternationalFairs1763900000630';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fair_projection DROP CONSTRAINT fair_projection_scale_check`);
    await q.query(`ALTER TABLE fair_projection ADD CONSTRAINT fair_projection_scale_check
      CHECK (scale IN ('provincial', 'regional', 'national', 'international'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fair_projection DROP CONSTRAINT fair_projection_scale_check`);
    await q.query(`ALTER TABLE fair_projection ADD CONSTRAINT fair_projection_scale_check
      CHECK (scale IN ('provincial', 'regional', 'national'))`);
  }
}
