import type { EntityManager } from 'typeorm';
import type { EventDefinition, PayloadOf } from '@kc/contracts';
import type { OutboxWriter } from '@kc/messaging';

interface ProjectKeys {
  id: string;
  planId: string;
  planYear: number;
  provinceCode: string;
}

type Keys = 'projectId' | 'planId' | 'planYear' | 'provinceCode';

/**
 * Appends a project event: keyed by the project (one partition keeps its history in order), with the facts every
 * project event carries — project, plan, plan year, province — filled in from the project.
 */
export function appendProjectEvent<D extends EventDefinition>(
  outbox: OutboxWriter,
  manager: EntityManager,
  definition: D,
  project: ProjectKeys,
  facts: Omit<PayloadOf<D>, Keys>,
) {
  return outbox.append(manager, definition, {
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
