import type { z } from 'zod';
import type { RouteDefinition } from '@kc/contracts';

/**
 * What the handler of a json entry answers: the body its `response` schema declares. Typing a handler with it
 * makes the compiler hold the use case to the route table, as the conformance check does at run time.
 */
export type RouteAnswer<D extends RouteDefinition & { response: z.ZodType }> = Promise<
  z.output<D['response']>
>;
