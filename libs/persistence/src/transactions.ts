import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';

/** Deadlock and serialization failures: the transaction did nothing and may simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);

const driverError = (error: unknown): { code?: string; constraint?: string } | undefined =>
  error instanceof QueryFailedError
    ? (error.driverError as { code?: string; constraint?: string } | undefined)
    : undefined;

/** The Postgres SQLSTATE of a failed query (23505 unique, 23514 check, 23P01 exclusion, …). */
export const pgCode = (error: unknown): string | undefined => driverError(error)?.code;
/** The name of the constraint a failed query broke: the key to a precise problem for the caller. */
export const pgConstraint = (error: unknown): string | undefined => driverError(error)?.constraint;

/**
 * One transaction, run again after a short random pause if Postgres chose it as a deadlock victim: guarded
 * counters (ceilings, quotas, money totals) are locked by concurrent requests in orders that can cross.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  attempts = 8,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (attempt >= attempts || !RETRYABLE.has(pgCode(error) ?? '')) throw error;
      await sleep(Math.random() * 20 * attempt);
    }
  }
}

export interface SqlOptions {
  /**
   * Refuse to run outside a transaction. For statements whose guarantees rest on the caller's transaction (rows
   * locked FOR UPDATE, guarded UPDATEs that later statements rely on): on a plain manager each statement would
   * take a pooled connection of its own, the locks gone before the next one runs — a silent race, so an error.
   */
  inTransaction?: boolean;
}

/**
 * Raw SQL with its rows typed by the caller, in the manager's transaction if it has one. Read as TypeORM's
 * structured result, whose `records` are the rows for every statement (its plain answer to UPDATE and DELETE
 * is `[rows, affected]`), so `RETURNING` reads the same everywhere.
 */
export async function sql<T = Record<string, unknown>>(
  manager: EntityManager,
  query: string,
  parameters: unknown[] = [],
  options: SqlOptions = {},
): Promise<T[]> {
  const own = manager.queryRunner;
  if (options.inTransaction && !own?.isTransactionActive) {
    throw new Error('this statement runs only inside a transaction');
  }
  const runner = own ?? manager.connection.createQueryRunner();
  try {
    return (await runner.query(query, parameters, true)).records as T[];
  } finally {
    if (!own) await runner.release();
  }
}

/** SQLSTATEs of a server that cannot serve anyone right now: connection exceptions, shutting down or starting up, full. */
const UNAVAILABLE_STATE = /^(08|57P0[123]$|53300$)/;
/** Socket errors of a server that does not answer (down, restarting, unreachable). */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);
/** What node-postgres says when it loses or cannot get a connection (no code attached). */
const CONNECTION_LOST =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|the database system is (starting up|shutting down|in recovery mode)|is not currently accepting connections/i;

/**
 * True when the error says Postgres could not be reached, not that the statement was wrong: the same work will
 * succeed once the server is back (after a restart, a failover, a network cut), so it is worth waiting for.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNAVAILABLE_STATE.test(code) || UNREACHABLE.has(code)) return true;
    if (CONNECTION_LOST.test(String(e.message ?? ''))) return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}
