import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Entries, their dossier files and the lower authorities' shortlists. A certificate enters a round once (unique
 * per round); the round's quota per province and product group is checked again by a trigger that locks the
 * round, so concurrent entries cannot both take the last place.
 */
export class EntriesAndShortlists1763900000430 implements MigrationInterface {
  name = 'EntriesAndShortlists1763900000430';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE award_entry (
        id                       uuid PRIMARY KEY,
        round_id                 uuid NOT NULL REFERENCES award_round (id),
        code                     text NOT NULL CHECK (code ~ '^E-[0-9]{4,}$'),
        facility_name            text NOT NULL CHECK (length(btrim(facility_name)) BETWEEN 1 AND 300),
        facility_tax_code        text NOT NULL CHECK (facility_tax_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
        province_code            text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        local_unit_code          text CHECK (local_unit_code ~ '^([0-9]{3}|[0-9]{5})$'),
        product_group            text NOT NULL
          CHECK (product_group IN ('handicraft', 'agro-food', 'machinery', 'other')),
        product_kind             text NOT NULL CHECK (product_kind IN ('product', 'product-set')),
        product_name             text NOT NULL CHECK (length(btrim(product_name)) BETWEEN 1 AND 300),
        product_items            text[] NOT NULL DEFAULT '{}',
        lower_certificate_number text,
        submitted_on             date NOT NULL,
        submitted_by             text NOT NULL,
        created_at               timestamptz NOT NULL DEFAULT now(),
        -- A set lists at least two products; a single product lists none.
        CHECK ((product_kind = 'product-set') = (cardinality(product_items) >= 2)),
        CHECK (product_kind = 'product-set' OR cardinality(product_items) = 0),
        UNIQUE (round_id, code),
        UNIQUE (round_id, lower_certificate_number)
      )`);
    await q.query(
      `CREATE INDEX award_entry_by_group ON award_entry (round_id, province_code, product_group)`,
    );
    await q.query(`CREATE INDEX award_entry_by_facility ON award_entry (facility_tax_code)`);
    await q.query(`
      CREATE FUNCTION award_entry_within_quota() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        quota int;
        taken int;
      BEGIN
        SELECT quota_per_province_and_group INTO quota FROM award_round WHERE id = NEW.round_id FOR UPDATE;
        IF quota IS NOT NULL THEN
          SELECT count(*) INTO taken FROM award_entry
          WHERE round_id = NEW.round_id AND province_code = NEW.province_code
            AND product_group = NEW.product_group AND id <> NEW.id;
          IF taken >= quota THEN
            RAISE EXCEPTION 'province % already has % entries in group %, the round''s quota',
              NEW.province_code, taken, NEW.product_group
              USING ERRCODE = 'check_violation', CONSTRAINT = 'award_entry_within_quota';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER award_entry_within_quota
      BEFORE INSERT OR UPDATE OF round_id, province_code, product_group ON award_entry
      FOR EACH ROW EXECUTE FUNCTION award_entry_within_quota()`);
    await q.query(`
      CREATE TABLE award_entry_file (
        entry_id   uuid NOT NULL REFERENCES award_entry (id) ON DELETE CASCADE,
        position   int  NOT NULL CHECK (position >= 0),
        kind       text NOT NULL CHECK (kind IN ('registration-form', 'description', 'photo', 'certificate-copy')),
        file_name  text NOT NULL CHECK (length(btrim(file_name)) BETWEEN 1 AND 255),
        media_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 20971520),
        sha256     text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        PRIMARY KEY (entry_id, position),
        UNIQUE (entry_id, sha256)
      )`);
    await q.query(`
      CREATE TABLE award_shortlist (
        round_id           uuid NOT NULL REFERENCES award_round (id),
        certificate_number text NOT NULL CHECK (length(certificate_number) BETWEEN 1 AND 40),
        province_code      text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        put_forward_by     text NOT NULL,
        put_forward_at     timestamptz NOT NULL,
        -- One province puts a certificate forward to a round.
        PRIMARY KEY (round_id, certificate_number)
      )`);
    await q.query(`CREATE INDEX award_shortlist_province ON award_shortlist (round_id, province_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE award_shortlist`);
    await q.query(`DROP TABLE award_entry_file`);
    await q.query(`DROP TABLE award_entry`);
    await q.query(`DROP FUNCTION award_entry_within_quota()`);
  }
}
