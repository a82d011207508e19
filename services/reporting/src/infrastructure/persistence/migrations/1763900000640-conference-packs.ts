import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Conference packs: the frozen report and the bytes of the two files rendered from it. Whoever holds a pack's id
 * must get the same files forever, so the tables refuse UPDATE, DELETE and TRUNCATE (as the gateway's audit trail
 * does), and each file's size and SHA-256 are checked against its bytes.
 */
export class ConferencePacks1763900000640 implements MigrationInterface {
  name = 'ConferencePacks1763900000640';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE conference_pack (
        id             uuid PRIMARY KEY,
        level          text NOT NULL CHECK (level IN ('national', 'regional')),
        region_code    text CHECK (region_code IN ('north', 'central', 'south')),
        year           int  NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        unit_grouping  text NOT NULL CHECK (unit_grouping IN ('current', 'historical')),
        title          text NOT NULL,
        cut_off        timestamptz NOT NULL,
        frozen_by_id   text NOT NULL,
        frozen_by_name text NOT NULL,
        report         jsonb NOT NULL,
        created_at     timestamptz NOT NULL,
        CHECK ((level = 'regional') = (region_code IS NOT NULL)),
        CHECK (created_at >= cut_off)
      )`);
    await q.query(`CREATE INDEX conference_pack_newest ON conference_pack (cut_off DESC, id)`);
    await q.query(`
      CREATE TABLE conference_pack_file (
        pack_id    uuid NOT NULL REFERENCES conference_pack (id),
        kind       text NOT NULL CHECK (kind IN ('report', 'annex')),
        media_type text NOT NULL,
        file_name  text NOT NULL,
        size_bytes int  NOT NULL CHECK (size_bytes > 0 AND size_bytes = octet_length(content)),
        sha256     text NOT NULL CHECK (sha256 = encode(sha256(content), 'hex')),
        content    bytea NOT NULL,
        PRIMARY KEY (pack_id, kind)
      )`);
    await q.query(`
      CREATE FUNCTION conference_pack_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'conference packs are frozen: % on % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['conference_pack', 'conference_pack_file']) {
      await q.query(`CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION conference_pack_frozen()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION conference_pack_frozen()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE conference_pack_file`);
    await q.query(`DROP TABLE conference_pack`);
    await q.query(`DROP FUNCTION conference_pack_frozen()`);
  }
}
