import { requestFingerprint } from '@kc/contracts';

/**
 * Idempotency-Key rules of the public edge: a POST retried with the same key and the same request gets the
 * first answer again, without a second effect upstream.
 */

export interface FingerprintedRequest {
  method: string;
  /** Path and query string as the client sent them. */
  path: string;
  body?: unknown;
}

/** Same method, path and body (whatever the key order) → same fingerprint; reusing a key on another route differs. */
export function fingerprintOf(request: FingerprintedRequest): string {
  return requestFingerprint(`${request.method.toUpperCase()} ${request.path}`, request.body ?? null);
}

export type IdempotencyRecord =
  | { state: 'in-flight'; fingerprint: string; token: string }
  | {
      state: 'completed';
      fingerprint: string;
      status: number;
      contentType: string | null;
      location: string | null;
      body: string;
    };

/**
 * - `proceed`: nothing stored under the key — forward the request;
 * - `replay`: the same request already completed — answer with the stored response;
 * - `in-flight`: the same request is being forwarded right now — 409, try again later;
 * - `mismatch`: the key was used for a different request — 409, never a replay of someone else's answer.
 */
export type IdempotencyDecision = 'proceed' | 'replay' | 'in-flight' | 'mismatch';

export function decide(stored: IdempotencyRecord | null, fingerprint: string): IdempotencyDecision {
  if (stored === null) return 'proceed';
  if (stored.fingerprint !== fingerprint) return 'mismatch';
  return stored.state === 'completed' ? 'replay' : 'in-flight';
}
