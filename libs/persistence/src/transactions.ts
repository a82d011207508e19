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

/**
 * Raw SQL with its rows typed by the caller. TypeORM answers UPDATE and DELETE with `[rows, affected]` rather
 * than the rows: unwrapped here, so `RETURNING` reads the same for every statement.
 */
export async function sql<T = Record<string, unknown>>(
  manager: EntityManager,
  query: string,
  parameters: unknown[],
): Promise<T[]> {
  const result: unknown = await manager.query(query, parameters);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
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
