import type { EntityManager } from 'typeorm';
import { sql } from '@kc/persistence';
import { pieceStore, type RunSql } from '@kc/uploads';
import type { Attachment, StoredFile } from '../../../domain/periodic-reports';

interface FileRow {
  sha256: string;
  media_type: string;
  size_bytes: string;
  received_bytes: string;
  completed: boolean;
}

const stored = (row: FileRow): StoredFile => ({
  sha256: row.sha256,
  mediaType: row.media_type,
  sizeBytes: Number(row.size_bytes),
  receivedBytes: Number(row.received_bytes),
  complete: row.completed,
});

const COLUMNS = `sha256, media_type, size_bytes::text, received_bytes::text, completed_at IS NOT NULL AS completed`;

/** The pieces of the files: `periodic_report_file_chunk`, keyed by report and SHA-256. */
export const reportFilePieces = pieceStore({
  table: 'periodic_report_file_chunk',
  key: ['report_id', 'sha256'],
});

/** Statements in the caller's transaction (the report's row is locked there). */
export const runIn =
  (manager: EntityManager): RunSql =>
  (text, params) =>
    sql(manager, text, params, { inTransaction: true });

/**
 * The files of a report's attachments (migration 1764300000400-periodic-report-files): one row per declared
 * file, by SHA-256, with the bytes received so far and whether the file is whole. The tables' triggers keep a
 * whole file and a pinned one as they are.
 */
export const reportFiles = {
  async list(manager: EntityManager, reportId: string): Promise<StoredFile[]> {
    const rows = await sql<FileRow>(
      manager,
      `SELECT ${COLUMNS} FROM periodic_report_file WHERE report_id = $1 ORDER BY created_at, sha256`,
      [reportId],
    );
    return rows.map(stored);
  },

  async find(manager: EntityManager, reportId: string, sha256: string): Promise<StoredFile | null> {
    const [row] = await sql<FileRow>(
      manager,
      `SELECT ${COLUMNS} FROM periodic_report_file WHERE report_id = $1 AND sha256 = $2`,
      [reportId, sha256],
    );
    return row ? stored(row) : null;
  },

  /** The declared file's row, written on its first piece, locked for the piece being stored. */
  async claim(manager: EntityManager, reportId: string, a: Attachment, at: Date): Promise<StoredFile> {
    await sql(
      manager,
      `INSERT INTO periodic_report_file (report_id, sha256, media_type, size_bytes, received_bytes, created_at)
       VALUES ($1, $2, $3, $4, 0, $5) ON CONFLICT (report_id, sha256) DO NOTHING`,
      [reportId, a.sha256, a.mediaType, a.bytes, at],
      { inTransaction: true },
    );
    const [row] = await sql<FileRow>(
      manager,
      `SELECT ${COLUMNS} FROM periodic_report_file WHERE report_id = $1 AND sha256 = $2 FOR UPDATE`,
      [reportId, a.sha256],
      { inTransaction: true },
    );
    return stored(row);
  },

  async received(
    manager: EntityManager,
    reportId: string,
    sha256: string,
    bytes: number,
    completedAt: Date | null,
  ): Promise<void> {
    await sql(
      manager,
      `UPDATE periodic_report_file SET received_bytes = $3, completed_at = $4 WHERE report_id = $1 AND sha256 = $2`,
      [reportId, sha256, bytes, completedAt],
      { inTransaction: true },
    );
  },

  /**
   * Drops the files no longer declared as they are (hash, type, size) by the working content, unless a submitted
   * version pins them: a draft's replaced or removed file leaves nothing behind.
   */
  async dropUndeclared(
    manager: EntityManager,
    reportId: string,
    declared: readonly Attachment[],
  ): Promise<void> {
    await sql(
      manager,
      `DELETE FROM periodic_report_file f
        WHERE f.report_id = $1
          AND NOT EXISTS (
            SELECT 1 FROM jsonb_array_elements($2::jsonb) a
             WHERE a ->> 'sha256' = f.sha256 AND a ->> 'mediaType' = f.media_type
               AND (a ->> 'bytes')::bigint = f.size_bytes)
          AND NOT EXISTS (
            SELECT 1 FROM periodic_report_version v CROSS JOIN LATERAL jsonb_array_elements(v.content -> 'attachments') a
             WHERE v.report_id = f.report_id AND a ->> 'sha256' = f.sha256)`,
      [reportId, JSON.stringify(declared)],
      { inTransaction: true },
    );
  },
};
