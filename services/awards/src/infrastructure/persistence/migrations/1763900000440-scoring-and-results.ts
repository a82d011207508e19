import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recusals and substitutes (who scores each entry), the jurors' sheets, the published result and the service's
 * own secrets. A published result is what anyone re-derives and whose SHA-256 was announced: the table refuses
 * UPDATE, DELETE and TRUNCATE (as the conference packs do), and the hash is checked against the stored text.
 */
export class ScoringAndResults1763900000440 implements MigrationInterface {
  name = 'ScoringAndResults1763900000440';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE award_recusal (
        entry_id    uuid NOT NULL REFERENCES award_entry (id),
        member_id   text NOT NULL,
        round_id    uuid NOT NULL,
        reason      text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 1000),
        declared_at timestamptz NOT NULL,
        PRIMARY KEY (entry_id, member_id),
        FOREIGN KEY (round_id, member_id) REFERENCES award_jury_member (round_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE award_substitution (
        entry_id      uuid NOT NULL REFERENCES award_entry (id),
        substitute_id text NOT NULL,
        round_id      uuid NOT NULL,
        named_by      text NOT NULL,
        named_at      timestamptz NOT NULL,
        PRIMARY KEY (entry_id, substitute_id),
        FOREIGN KEY (round_id, substitute_id) REFERENCES award_council_member (round_id, user_id)
      )`);
    await q.query(`CREATE INDEX award_substitution_round ON award_substitution (round_id, substitute_id)`);
    await q.query(`
      CREATE TABLE award_score_sheet (
        entry_id      uuid NOT NULL REFERENCES award_entry (id),
        juror_id      text NOT NULL,
        round_id      uuid NOT NULL REFERENCES award_round (id),
        scores_tenths jsonb NOT NULL CHECK (jsonb_typeof(scores_tenths) = 'object'),
        total_tenths  int  NOT NULL CHECK (total_tenths BETWEEN 0 AND 1000),
        submitted_at  timestamptz NOT NULL,
        updated_at    timestamptz NOT NULL CHECK (updated_at >= submitted_at),
        PRIMARY KEY (entry_id, juror_id)
      )`);
    await q.query(`CREATE INDEX award_score_sheet_juror ON award_score_sheet (round_id, juror_id)`);
    await q.query(`
      CREATE TABLE award_round_result (
        round_id      uuid PRIMARY KEY REFERENCES award_round (id),
        document      text NOT NULL,
        sha256        text NOT NULL CHECK (sha256 = encode(sha256(convert_to(document, 'UTF8')), 'hex')),
        normalisation text NOT NULL CHECK (normalisation IN ('none', 'juror-z-score')),
        published_at  timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE FUNCTION award_round_result_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'published award results are frozen: % on % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER award_round_result_no_change BEFORE UPDATE OR DELETE ON award_round_result
      FOR EACH ROW EXECUTE FUNCTION award_round_result_frozen()`);
    await q.query(`CREATE TRIGGER award_round_result_no_truncate BEFORE TRUNCATE ON award_round_result
      FOR EACH STATEMENT EXECUTE FUNCTION award_round_result_frozen()`);
    // Generated on first use when the environment gives none (never in the repository).
    await q.query(`
      CREATE TABLE award_secret (
        name       text PRIMARY KEY,
        value      bytea NOT NULL CHECK (octet_length(value) >= 32),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE award_secret`);
    await q.query(`DROP TABLE award_round_result`);
    await q.query(`DROP FUNCTION award_round_result_frozen()`);
    await q.query(`DROP TABLE award_score_sheet`);
    await q.query(`DROP TABLE award_substitution`);
    await q.query(`DROP TABLE award_recusal`);
  }
}
