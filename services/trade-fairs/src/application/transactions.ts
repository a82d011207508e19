import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { NotFoundError } from '@kc/errors';
import { FairEntity } from '../infrastructure/persistence/fair.entity';

/** Deadlock and serialization failures: the transaction did nothing and may simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);

export const pgCode = (error: unknown): string | undefined =>
  error instanceof QueryFailedError ? (error.driverError as { code?: string } | undefined)?.code : undefined;

export const pgConstraint = (error: unknown): string | undefined =>
  error instanceof QueryFailedError
    ? (error.driverError as { constraint?: string } | undefined)?.constraint
    : undefined;

/**
 * One transaction, run again (with a short random pause) if Postgres chose it as a deadlock victim: the
 * allocation statements lock counter rows of several quotas, and under a rush two may meet in either order.
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

export async function fairOrThrow(manager: EntityManager, id: string, lock = false): Promise<FairEntity> {
  const fair = await manager
    .getRepository(FairEntity)
    .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!fair) throw new NotFoundError(`Fair ${id} does not exist`, 'fair.not-found');
  return fair;
}
