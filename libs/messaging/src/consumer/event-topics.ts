import { EVENT_CATALOG } from '@kc/contracts';

/** The topic an event type travels on; an unknown type in an @EventPattern is a boot-time error. */
export function findEventTopic(type: string): string {
  const definition = EVENT_CATALOG.find((d) => d.type === type);
  if (!definition) throw new Error(`@EventPattern('${type}') names no event in the contracts catalog`);
  return definition.topic;
}
