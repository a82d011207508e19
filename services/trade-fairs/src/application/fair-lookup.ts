import type { EntityManager } from 'typeorm';
import { NotFoundError } from '@kc/errors';
import { FairEntity } from '../infrastructure/persistence/fair.entity';

export async function fairOrThrow(manager: EntityManager, id: string, lock = false): Promise<FairEntity> {
  const fair = await manager
    .getRepository(FairEntity)
    .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!fair) throw fairNotFound(id);
  return fair;
}

export const fairNotFound = (id: string) =>
  new NotFoundError({ vi: `Không có hội chợ ${id}`, en: `Fair ${id} does not exist` }, 'fair.not-found');
