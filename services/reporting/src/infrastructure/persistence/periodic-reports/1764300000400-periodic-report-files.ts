import type { MigrationInterface, QueryRunner } from 'typeorm';

const fail = (message: string) =>
  `RAISE EXCEPTION ${message} USING ERRCODE = 'integrity_constraint_violation'`;

/** Whether a version of the report pins the file: its content lists an attachment with that SHA-256. */
const PINNED = (report: string, sha256: string) => `EXISTS (
  SELECT 1 FROM periodic_report_version v CROSS JOIN LATERAL jsonb_array_elements(v.content -> 'attachments') a
   WHERE v.report_id = ${report} AND a ->> 'sha256' = ${sha256})`;

/**
 * The files of periodic reports' attachments (issue 16, docs/design/periodic-reports.md, "Attachment files"):
 * one row per declared file of a report, keyed by its SHA-256, and its bytes in pieces (the platform's piece
 * table, as the awards' dossier files). The database holds what the service relies on:
 *
 * - a whole file (every byte in, hash checked) never changes, nor do its pieces; pieces are only added to a file
 *   not yet whole, or discarded with it;
 * - a whole file a submitted version pins (its content lists the SHA-256) is never deleted — a draft's may be;
 * - a live version is written only when each of its attachments is a whole file of the report with the declared
 *   type and size; reports recorded from history (paper, legacy systems) carry their declarations alone.
 */
export class PeriodicReportFiles1764300000400 implements MigrationInterface {
  name = 'PeriodicReportFiles1764300000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE periodic_report_file (
        report_id      uuid   NOT NULL REFERENCES periodic_report (id),
        sha256         text   NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        media_type     text   NOT NULL CHECK (length(media_type) BETWEEN 1 AND 200),
        size_bytes     bigint NOT NULL CHECK (size_bytes >= 1),
        received_bytes bigint NOT NULL CHECK (received_bytes >= 0 AND received_bytes <= size_bytes),
        completed_at   timestamptz,
        created_at     timestamptz NOT NULL,
        PRIMARY KEY (report_id, sha256),
        CHECK (completed_at IS NULL OR received_bytes = size_bytes)
      )`);
    await q.query(`
      CREATE TABLE periodic_report_file_chunk (
        report_id    uuid   NOT NULL,
        sha256       text   NOT NULL,
        offset_bytes bigint NOT NULL CHECK (offset_bytes >= 0),
        bytes        bytea  NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 524288),
        PRIMARY KEY (report_id, sha256, offset_bytes),
        FOREIGN KEY (report_id, sha256) REFERENCES periodic_report_file (report_id, sha256) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE FUNCTION periodic_report_file_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.completed_at IS NOT NULL AND ${PINNED('OLD.report_id', 'OLD.sha256')} THEN
            ${fail(`'periodic_report_file %/%: a submitted version pins it; it is never deleted', OLD.report_id, OLD.sha256`)};
          END IF;
          RETURN OLD;
        END IF;
        IF OLD.completed_at IS NOT NULL THEN
          ${fail(`'periodic_report_file %/%: a whole file never changes', OLD.report_id, OLD.sha256`)};
        END IF;
        IF (NEW.report_id, NEW.sha256, NEW.media_type, NEW.size_bytes, NEW.created_at)
           IS DISTINCT FROM (OLD.report_id, OLD.sha256, OLD.media_type, OLD.size_bytes, OLD.created_at) THEN
          ${fail(`'periodic_report_file %/%: what the file is cannot change', OLD.report_id, OLD.sha256`)};
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER periodic_report_file_guard BEFORE UPDATE OR DELETE ON periodic_report_file
        FOR EACH ROW EXECUTE FUNCTION periodic_report_file_guard()`);

    // A piece's file: absent while a file is being deleted (the cascade runs after the file's row is gone).
    await q.query(`
      CREATE FUNCTION periodic_report_file_chunk_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE whole boolean;
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          ${fail(`'periodic_report_file_chunk %/%: a stored piece is never rewritten', OLD.report_id, OLD.sha256`)};
        END IF;
        SELECT completed_at IS NOT NULL INTO whole FROM periodic_report_file
         WHERE report_id = COALESCE(NEW.report_id, OLD.report_id) AND sha256 = COALESCE(NEW.sha256, OLD.sha256);
        IF whole THEN
          ${fail(`'periodic_report_file_chunk: the file is whole; its pieces never change (%)', TG_OP`)};
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$;
      CREATE TRIGGER periodic_report_file_chunk_guard BEFORE INSERT OR UPDATE OR DELETE ON periodic_report_file_chunk
        FOR EACH ROW EXECUTE FUNCTION periodic_report_file_chunk_guard()`);

    await q.query(`
      CREATE FUNCTION periodic_report_version_files() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE missing text;
      BEGIN
        IF (SELECT recorded_by FROM periodic_report WHERE id = NEW.report_id) IS NOT NULL THEN
          RETURN NEW;
        END IF;
        SELECT a ->> 'sha256' INTO missing FROM jsonb_array_elements(NEW.content -> 'attachments') a
         WHERE NOT EXISTS (
           SELECT 1 FROM periodic_report_file f
            WHERE f.report_id = NEW.report_id AND f.sha256 = a ->> 'sha256' AND f.completed_at IS NOT NULL
              AND f.media_type = a ->> 'mediaType' AND f.size_bytes = (a ->> 'bytes')::bigint)
         LIMIT 1;
        IF missing IS NOT NULL THEN
          ${fail(`'periodic_report_version %/%: attachment % is not a whole file of the report', NEW.report_id, NEW.number, missing`)};
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER periodic_report_version_files BEFORE INSERT ON periodic_report_version
        FOR EACH ROW EXECUTE FUNCTION periodic_report_version_files()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER periodic_report_version_files ON periodic_report_version`);
    await q.query(`DROP FUNCTION periodic_report_version_files()`);
    await q.query(`DROP TABLE periodic_report_file_chunk`);
    await q.query(`DROP FUNCTION periodic_report_file_chunk_guard()`);
    await q.query(`DROP TABLE periodic_report_file`);
    await q.query(`DROP FUNCTION periodic_report_file_guard()`);
  }
}
