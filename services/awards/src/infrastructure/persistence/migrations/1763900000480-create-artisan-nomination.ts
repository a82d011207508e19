import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateArtisanNomination1763900000480 implements MigrationInterface {
  name = 'CreateArtisanNomination1763900000480';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE artisan_nomination (
        id                       uuid PRIMARY KEY,
        title                    text NOT NULL CHECK (title IN ('meritorious', 'people')),
        full_name                text NOT NULL CHECK (btrim(full_name) <> ''),
        birth_year               int  NOT NULL CHECK (birth_year BETWEEN 1900 AND 2100),
        craft                    text NOT NULL CHECK (btrim(craft) <> ''),
        province_code            text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        prior_title_decision     text,
        prior_title_conferred_on date,
        craft_periods            jsonb NOT NULL
          CHECK (jsonb_typeof(craft_periods) = 'array' AND jsonb_array_length(craft_periods) > 0),
        works                    jsonb NOT NULL CHECK (jsonb_typeof(works) = 'array'),
        years_in_craft           int  NOT NULL CHECK (years_in_craft >= 0),
        rules_basis              text NOT NULL,
        nominated_on             date NOT NULL,
        nominated_by             text NOT NULL,
        status                   text NOT NULL CHECK (status IN
          ('nominated', 'provincial-passed', 'ministry-passed', 'state-passed', 'conferred', 'rejected')),
        created_at               timestamptz NOT NULL DEFAULT now(),
        CHECK ((prior_title_decision IS NULL) = (prior_title_conferred_on IS NULL)),
        CHECK (prior_title_conferred_on <= nominated_on),
        -- People's Artisan is for holders of the Meritorious title; a holder is not nominated for it again.
        CHECK ((title = 'people') = (prior_title_conferred_on IS NOT NULL))
      )`);
    await q.query(`
      CREATE INDEX artisan_nomination_listing
      ON artisan_nomination (province_code, nominated_on DESC, created_at DESC)`);
    await q.query(`
      CREATE TABLE artisan_stage_decision (
        nomination_id   uuid NOT NULL REFERENCES artisan_nomination (id),
        seq             int  NOT NULL,
        stage           text NOT NULL,
        decision_number text NOT NULL CHECK (btrim(decision_number) <> ''),
        decided_on      date NOT NULL,
        outcome         text NOT NULL CHECK (outcome IN ('passed', 'failed')),
        recorded_by     text NOT NULL,
        recorded_at     timestamptz NOT NULL,
        PRIMARY KEY (nomination_id, seq),
        -- The stages in their order, none skipped: the n-th decision is the n-th stage.
        CHECK ((seq, stage) IN ((1, 'provincial-council'), (2, 'ministry-council'), (3, 'state-council'),
                                (4, 'conferral')))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE artisan_stage_decision`);
    await q.query(`DROP TABLE artisan_nomination`);
  }
}
