import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bytes of the dossier files, in pieces of at most 512 KiB (what one request carries inside the platform's
 * 1 MB JSON body limit), in the awards database beside the entry they belong to: one backup, one transaction
 * with the entry, no volume shared between replicas. A file counts as uploaded once every declared byte is
 * here; the service checks the SHA-256 of the whole before it says so.
 */
export class DossierFileContents1763900000490 implements MigrationInterface {
  name = 'DossierFileContents1763900000490';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE award_entry_file
        ADD COLUMN received_bytes bigint NOT NULL DEFAULT 0,
        ADD COLUMN uploaded_at timestamptz,
        ADD CONSTRAINT award_entry_file_received_within_size
          CHECK (received_bytes >= 0 AND received_bytes <= size_bytes),
        ADD CONSTRAINT award_entry_file_uploaded_when_whole
          CHECK ((uploaded_at IS NOT NULL) = (received_bytes = size_bytes)),
        -- PDF, JPEG, PNG only from now on (rows declared before stay as they were).
        ADD CONSTRAINT award_entry_file_media_type
          CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')) NOT VALID`);
    await q.query(`
      CREATE TABLE award_entry_file_chunk (
        entry_id     uuid   NOT NULL,
        position     int    NOT NULL,
        offset_bytes bigint NOT NULL CHECK (offset_bytes >= 0),
        bytes        bytea  NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 524288),
        PRIMARY KEY (entry_id, position, offset_bytes),
        FOREIGN KEY (entry_id, position) REFERENCES award_entry_file (entry_id, position) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE award_entry_file_chunk`);
    await q.query(`
      ALTER TABLE award_entry_file
        DROP CONSTRAINT award_entry_file_media_type,
        DROP COLUMN uploaded_at,
        DROP COLUMN received_bytes`);
  }
}
