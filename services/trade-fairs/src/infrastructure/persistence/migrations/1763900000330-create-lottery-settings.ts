import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * International fairs; each fair's organiser, award ceremony and allocation method (first come or lottery,
 * with priority for award-certified products); lottery requests (`requested`) and the published draws.
 */
export class CreateLotterySettings1763900000330 implements MigrationInterface {
  name = 'CreateLotterySettings1763900000330';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE trade_fair DROP CONSTRAINT trade_fair_scale_check`);
    await q.query(`
      ALTER TABLE trade_fair
        ADD CONSTRAINT trade_fair_scale_check
          CHECK (scale IN ('provincial', 'regional', 'national', 'international')),
        ADD COLUMN organiser            text,
        ADD COLUMN award_ceremony_name  text,
        ADD COLUMN award_ceremony_level text
          CHECK (award_ceremony_level IN ('commune', 'provincial', 'regional', 'national')),
        ADD COLUMN award_ceremony_date  date,
        ADD COLUMN allocation_method    text NOT NULL DEFAULT 'first-come'
          CHECK (allocation_method IN ('first-come', 'lottery')),
        ADD COLUMN award_priority       boolean NOT NULL DEFAULT false,
        ADD CHECK (award_ceremony_name IS NOT NULL OR (award_ceremony_level IS NULL AND award_ceremony_date IS NULL)),
        ADD CHECK (award_ceremony_date BETWEEN start_date AND end_date),
        -- Priority orders a draw: a first-come fair has none to order.
        ADD CHECK (NOT award_priority OR allocation_method = 'lottery')`);

    await q.query(`ALTER TABLE fair_registration DROP CONSTRAINT fair_registration_state_check`);
    await q.query(`
      ALTER TABLE fair_registration
        ADD CONSTRAINT fair_registration_state_check
          CHECK (state IN ('requested', 'held', 'allocated', 'waitlisted', 'expired', 'cancelled')),
        ADD COLUMN award_certified boolean NOT NULL DEFAULT false`);
    // A lottery request is live too: one per facility and fair, as for the other live states.
    await q.query(`DROP INDEX fair_registration_one_live_per_facility`);
    await q.query(`
      CREATE UNIQUE INDEX fair_registration_one_live_per_facility ON fair_registration (fair_id, facility_tax_code)
        WHERE state IN ('requested', 'held', 'allocated', 'waitlisted')`);

    // One draw per fair, published with its seed and algorithm; the entries in rank order make it checkable.
    await q.query(`
      CREATE TABLE fair_lottery (
        fair_id        uuid PRIMARY KEY REFERENCES trade_fair (id),
        seed           text NOT NULL CHECK (seed ~ '^[\\x21-\\x7e]{8,200}$'),
        algorithm      text NOT NULL,
        award_priority boolean NOT NULL,
        entries        int  NOT NULL CHECK (entries >= 0),
        draw_digest    text NOT NULL CHECK (draw_digest ~ '^[0-9a-f]{64}$'),
        drawn_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE fair_lottery_entry (
        fair_id         uuid NOT NULL REFERENCES fair_lottery (fair_id),
        rank            int  NOT NULL CHECK (rank >= 1),
        registration_id uuid NOT NULL UNIQUE REFERENCES fair_registration (id),
        ticket          text NOT NULL CHECK (ticket ~ '^[0-9a-f]{64}$'),
        award_priority  boolean NOT NULL,
        outcome         text NOT NULL CHECK (outcome IN ('held', 'waitlisted')),
        PRIMARY KEY (fair_id, rank)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fair_lottery_entry`);
    await q.query(`DROP TABLE fair_lottery`);
    await q.query(`DROP INDEX fair_registration_one_live_per_facility`);
    await q.query(`
      CREATE UNIQUE INDEX fair_registration_one_live_per_facility ON fair_registration (fair_id, facility_tax_code)
        WHERE state IN ('held', 'allocated', 'waitlisted')`);
    await q.query(`ALTER TABLE fair_registration DROP COLUMN award_certified`);
    await q.query(`ALTER TABLE fair_registration DROP CONSTRAINT fair_registration_state_check`);
    await q.query(`
      ALTER TABLE fair_registration ADD CONSTRAINT fair_registration_state_check
        CHECK (state IN ('held', 'allocated', 'waitlisted', 'expired', 'cancelled'))`);
    await q.query(`
      ALTER TABLE trade_fair
        DROP COLUMN organiser, DROP COLUMN award_ceremony_name, DROP COLUMN award_ceremony_level,
        DROP COLUMN award_ceremony_date, DROP COLUMN allocation_method, DROP COLUMN award_priority`);
    await q.query(`ALTER TABLE trade_fair DROP CONSTRAINT trade_fair_scale_check`);
    await q.query(`
      ALTER TABLE trade_fair ADD CONSTRAINT trade_fair_scale_check
        CHECK (scale IN ('provincial', 'regional', 'national'))`);
  }
}
