import { z } from 'zod';
import type { TopicName } from '../topics';

/** One version of one event type: where it travels and what its payload must look like. */
export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  type: string;
  version: number;
  topic: TopicName;
  summary: string;
  payload: S;
}

export function defineEvent<S extends z.ZodType>(definition: EventDefinition<S>): EventDefinition<S> {
  return definition;
}

export type PayloadOf<D> = D extends EventDefinition<infer S> ? z.infer<S> : never;
