import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A juror's rounds are the juries the awards service seats them on, so the account no longer names any:
 * round_ids was read by nobody and contradicted the juries. Old `user.rounds-bound` audit rows stay as written.
 */
export class DropUserRoundIds1763900000800 implements MigrationInterface {
  name = 'DropUserRoundIds1763900000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN round_ids`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The bindings themselves are gone for good; down restores only the column's shape.
    await q.query(`ALTER TABLE app_user ADD COLUMN round_ids text[] NOT NULL DEFAULT '{}'`);
  }
}
