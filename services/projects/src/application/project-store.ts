import type { EntityManager } from 'typeorm';
import { maySee } from '@kc/auth';
import { projectStatusChangedV1, type Principal } from '@kc/contracts';
import { ConflictError, NotFoundError } from '@kc/errors';
import type { OutboxWriter } from '@kc/messaging';
import type { LifecycleActor, Transition } from '../domain/lifecycle';
import { ProjectEntity } from '../infrastructure/persistence/project.entity';
import { appendProjectEvent } from './project-events';

export const actorOf = (principal: Principal): LifecycleActor => ({
  kind: 'user',
  role: principal.role,
  provinceCode: principal.provinceCode,
});

export const projectNotFound = (id: string) =>
  new NotFoundError({ vi: `Không có đề án ${id}`, en: `project ${id} does not exist` }, 'project.not-found');

export const concurrentChange = (code: string) =>
  new ConflictError(
    { vi: `Đề án ${code} vừa thay đổi trạng thái`, en: `project ${code} changed status meanwhile` },
    'project.concurrent-change',
  );

/**
 * Loads a project for a change, row-locked until the transaction ends so concurrent changes apply one after
 * the other (the second sees the first's status). Another province's project answers like a missing one.
 */
export async function lockVisibleProject(
  manager: EntityManager,
  id: string,
  principal: Principal | null,
): Promise<ProjectEntity> {
  const project = await manager
    .getRepository(ProjectEntity)
    .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!project || (principal && !maySee(principal, project.provinceCode))) throw projectNotFound(id);
  return project;
}

/**
 * Writes a lifecycle step decided by `transition` (plus any columns the step sets) and emits
 * projects.project.status-changed when the status moved. Guarded by the status read under the lock, so a
 * step decided on a stale status changes nothing. The caller audits once for the whole change.
 */
export async function recordTransition(
  manager: EntityManager,
  outbox: OutboxWriter,
  project: ProjectEntity,
  step: Transition,
  columns: Partial<ProjectEntity> = {},
): Promise<ProjectEntity> {
  const at = new Date();
  const { affected } = await manager
    .createQueryBuilder()
    .update(ProjectEntity)
    .set({ ...columns, status: step.to, version: () => 'version + 1', updatedAt: at })
    .where('id = :id AND status = :from', { id: project.id, from: step.from })
    .execute();
  if (!affected) throw concurrentChange(project.code);
  Object.assign(project, columns, { status: step.to, version: project.version + 1, updatedAt: at });
  if (step.changed) {
    await appendProjectEvent(outbox, manager, projectStatusChangedV1, project, {
      from: step.from,
      to: step.to,
      action: step.action,
      at: at.toISOString(),
    });
  }
  return project;
}
