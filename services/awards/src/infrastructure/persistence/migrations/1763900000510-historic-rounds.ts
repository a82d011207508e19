import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Historic rounds: past rounds the agency runs again through the platform from its records (domain
 * historic-round.ts). They always have a schedule, which the entries' recorded dates fall within.
 */
export class HistoricRounds1763900000510 implements MigrationInterface {
  name = 'HistoricRounds1763900000510';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE award_round
        ADD COLUMN historic boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT award_round_historic_scheduled CHECK (NOT historic OR entries_open_on IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE award_round DROP COLUMN historic`);
  }
}
