import type { EntityManager } from 'typeorm';
import { maySee } from '@kc/auth';
import type { Principal } from '@kc/contracts';
import { projectNotFound } from './project-store';
import { ProjectEntity } from '../infrastructure/persistence/project.entity';

/** The project, if the caller may see it: another province's project answers like a missing one (404). */
export async function findVisibleProject(
  manager: EntityManager,
  principal: Principal,
  id: string,
): Promise<ProjectEntity> {
  const project = await manager.getRepository(ProjectEntity).findOneBy({ id });
  if (!project || !maySee(principal, project.provinceCode)) throw projectNotFound(id);
  return project;
}

/** A Postgres unique violation on the named constraint. */
export const violates = (error: unknown, constraint: string) =>
  (error as { code?: string; constraint?: string }).code === '23505' &&
  (error as { constraint?: string }).constraint === constraint;
