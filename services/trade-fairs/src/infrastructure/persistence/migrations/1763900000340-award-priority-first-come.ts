import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Award priority at first-come fairs too: there it orders the waiting list (certified requests are promoted
 * first, each class in the order it joined). The lottery-only CHECK of 1763900000330 goes; the index serves
 * the promotion order.
 */
export class AwardPriorityFirstCome1763900000340 implements MigrationInterface {
  name = 'AwardPriorityFirstCome1763900000340';

  async up(q: QueryRunner): Promise<void> {
    // The CHECK was added unnamed: find it by its definition.
    const [check] = await q.query(`
      SELECT conname FROM pg_constraint
       WHERE conrelid = 'trade_fair'::regclass AND contype = 'c'
         AND pg_get_constraintdef(oid) LIKE '%award_priority%allocation_method%'`);
    if (check) await q.query(`ALTER TABLE trade_fair DROP CONSTRAINT "${check.conname}"`);
    await q.query(`
      CREATE INDEX fair_registration_waitlist_by_priority
        ON fair_registration (fair_id, award_certified DESC, waitlist_position) WHERE state = 'waitlisted'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX fair_registration_waitlist_by_priority`);
    await q.query(`
      ALTER TABLE trade_fair ADD CONSTRAINT trade_fair_award_priority_lottery_only
        CHECK (NOT award_priority OR allocation_method = 'lottery')`);
  }
}
