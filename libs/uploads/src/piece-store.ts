import { createHash } from 'node:crypto';

/**
 * The SQL of a table of file pieces, the same in every service that stores files in PostgreSQL: one row per
 * piece, `(<key columns>, offset_bytes, bytes bytea)`, PRIMARY KEY (key columns, offset_bytes), read back in
 * order. Why PostgreSQL and not a directory: docs/design/awards.md, "Dossier files". The statements run through
 * the caller's own function (e.g. `sql` of @kc/persistence bound to its transaction), so this stays free of any
 * database library.
 */
export type RunSql = (text: string, params: unknown[]) => Promise<unknown[]>;

export interface PieceTable {
  table: string;
  /** The columns naming one file, in the order its key values are given. */
  key: readonly string[];
}

export interface PieceStore {
  append(run: RunSql, key: readonly unknown[], offset: number, bytes: Uint8Array): Promise<void>;
  /** Whether exactly these bytes are stored at this offset: a piece sent again after its answer was lost. */
  holds(run: RunSql, key: readonly unknown[], offset: number, bytes: Uint8Array): Promise<boolean>;
  /** Every stored byte of the file, in order. */
  whole(run: RunSql, key: readonly unknown[]): Promise<Buffer>;
  discard(run: RunSql, key: readonly unknown[]): Promise<void>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function pieceStore({ table, key }: PieceTable): PieceStore {
  // Names go into the SQL text: only plain identifiers, fixed by the code that declares the table.
  for (const name of [table, ...key]) {
    if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  }
  if (key.length === 0) throw new Error('a piece table needs key columns');
  const where = key.map((column, i) => `${column} = $${i + 1}`).join(' AND ');
  const next = key.length + 1;
  return {
    async append(run, values, offset, bytes) {
      await run(
        `INSERT INTO ${table} (${key.join(', ')}, offset_bytes, bytes)
         VALUES (${key.map((_, i) => `$${i + 1}`).join(', ')}, $${next}, $${next + 1})`,
        [...values, offset, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)],
      );
    },
    async holds(run, values, offset, bytes) {
      const rows = (await run(
        `SELECT bytes = $${next + 1} AS same FROM ${table} WHERE ${where} AND offset_bytes = $${next}`,
        [...values, offset, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)],
      )) as { same: boolean }[];
      return rows[0]?.same ?? false;
    },
    async whole(run, values) {
      const rows = (await run(`SELECT bytes FROM ${table} WHERE ${where} ORDER BY offset_bytes`, [
        ...values,
      ])) as { bytes: Buffer }[];
      return Buffer.concat(rows.map((r) => r.bytes));
    },
    async discard(run, values) {
      await run(`DELETE FROM ${table} WHERE ${where}`, [...values]);
    },
  };
}

/** Lower-case hex SHA-256: what files are declared and pinned by. */
export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
