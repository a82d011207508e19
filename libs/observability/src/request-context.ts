import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Actor, Principal } from '@kc/contracts';

/**
 * What follows one piece of work from an HTTP request into the events it causes and the handlers of those
 * events: the correlation id (same for the whole chain), the id of the event being handled (causation)
 * and who acted.
 */
export interface RequestContext {
  correlationId: string;
  causationId: string | null;
  actor: Actor | null;
  /** The verified caller of an HTTP request (set by the auth guard); null in event handlers. */
  principal?: Principal | null;
  /**
   * The verified access token of that caller: a service that must ask another service about facts it only
   * holds a copy of asks as the caller, so the answer is limited to what the caller may see.
   */
  accessToken?: string | null;
  /** Where the request came from, for the audit trail. */
  origin?: { ip: string | null; userAgent: string | null } | null;
}

/** The actor recorded in events and the audit trail for a verified caller. */
export function actorOf(principal: Principal): Actor {
  return {
    kind: principal.kind,
    id: principal.kind === 'user' ? principal.name : `client:${principal.id}`,
    role: principal.role,
    ...(principal.provinceCode ? { provinceCode: principal.provinceCode } : {}),
    ...(principal.via ? { via: principal.via } : {}),
  };
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
