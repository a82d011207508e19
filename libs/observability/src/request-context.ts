import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@kc/contracts';

/**
 * What follows one piece of work from an HTTP request into the events it causes and the handlers of those
 * events: the correlation id (same for the whole chain), the id of the event being handled (causation)
 * and who acted.
 */
export interface RequestContext {
  correlationId: string;
  causationId: string | null;
  actor: Actor | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const CORRELATION_HEADER = 'x-correlation-id';
const correlationIdPattern = /^[\w.:-]{1,100}$/;

export function runWithContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Accepts a caller's correlation id only if it is a plain token; anything else gets a fresh id. */
export function correlationIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && correlationIdPattern.test(value) ? value : randomUUID();
}
