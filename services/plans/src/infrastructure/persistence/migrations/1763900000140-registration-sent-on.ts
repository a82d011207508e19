import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lateness of a registration report is judged on the day the province sent it (`sent_on`), not on the moment
 * someone entered it here (`submitted_at`, kept with `submitted_by`). Reports entered before this change were
 * entered as they were sent: their day of entry in Vietnam is their sending day.
 */
export class RegistrationSentOn1763900000140 implements MigrationInterface {
  name = 'RegistrationSentOn1763900000140';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registration ADD COLUMN sent_on date`);
    await q.query(`UPDATE registration SET sent_on = (submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`);
    await q.query(`
      ALTER TABLE registration
        ALTER COLUMN sent_on SET NOT NULL,
        ADD CONSTRAINT registration_late_when_sent_after_deadline CHECK (late = (sent_on > deadline))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registration DROP COLUMN sent_on`);
  }
}
