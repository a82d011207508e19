import { In, type EntityManager } from 'typeorm';
import type { ProjectRef } from '../domain/project-ref';
import { ProjectRefEntity } from '../infrastructure/persistence/project-ref.entity';

/**
 * The replica rows of these projects, locked in id order so that two decisions (or a decision and a stop)
 * touching the same projects take turns instead of reading the same "previous" allocation.
 */
export async function lockedProjects(
  manager: EntityManager,
  ids: readonly string[],
): Promise<Map<string, ProjectRef>> {
  const rows = await manager.getRepository(ProjectRefEntity).find({
    where: { projectId: In([...ids]) },
    order: { projectId: 'ASC' },
    lock: { mode: 'pessimistic_write' },
  });
  return new Map(rows.map((r) => [r.projectId, r]));
}
