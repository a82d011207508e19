import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A round's council (platform users, with the names they are shown by) and the jury drawn from it. The jury is
 * the one truth of which juror acts in which round; the size rules (per level; odd jury) span rows, so the
 * service keeps them, while the keys keep every juror a council member.
 */
export class CouncilsAndJuries1763900000420 implements MigrationInterface {
  name = 'CouncilsAndJuries1763900000420';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE award_council_member (
        round_id     uuid NOT NULL REFERENCES award_round (id),
        user_id      text NOT NULL CHECK (length(user_id) BETWEEN 1 AND 100),
        display_name text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 200),
        PRIMARY KEY (round_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE award_jury_member (
        round_id uuid NOT NULL,
        user_id  text NOT NULL,
        PRIMARY KEY (round_id, user_id),
        FOREIGN KEY (round_id, user_id) REFERENCES award_council_member (round_id, user_id) ON DELETE CASCADE
      )`);
    // A juror's rounds, for their lists.
    await q.query(`CREATE INDEX award_jury_member_user ON award_jury_member (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE award_jury_member`);
    await q.query(`DROP TABLE award_council_member`);
  }
}
