import type { EntityManager } from 'typeorm';
import type { EventDefinition, PayloadOf } from '@kc/contracts';
import { outboxEntry, type OutboxEntry, type OutboxWriter } from '@kc/messaging';

interface ProjectKeys {
  id: string;
  planId: string;
  planYear: number;
  provinceCode: string;
}

type Keys = 'projectId' | 'planId' | 'planYear' | 'provinceCode';

/**
 * A project event: keyed by the project (one partition keeps its history in order), with the facts every
 * project event carries — project, plan, plan year, province — filled in from the project.
 */
export function projectEvent<D extends EventDefinition>(
  definition: D,
  project: ProjectKeys,
  facts: Omit<PayloadOf<D>, Keys>,
): OutboxEntry {
  return outboxEntry(definition, {
    aggregateId: project.id,
    provinceCode: project.provinceCode,
    payload: {
      projectId: project.id,
      planId: project.planId,
      planYear: project.planYear,
      provinceCode: project.provinceCode,
      ...facts,
    } as PayloadOf<D>,
  });
}

/** Appends a project event (see `projectEvent`) to the outbox in the caller's transaction. */
export async function appendProjectEvent<D extends EventDefinition>(
  outbox: OutboxWriter,
  manager: EntityManager,
  definition: D,
  project: ProjectKeys,
  facts: Omit<PayloadOf<D>, Keys>,
) {
  await outbox.appendAll(manager, [projectEvent(definition, project, facts)]);
}
