import { createHash } from 'node:crypto';

/**
 * Idempotency-Key rules of the public edge: a POST retried with the same key and the same request gets the
 * first answer again, without a second effect upstream.
 */

/** 1–200 visible ASCII characters (no spaces or control characters). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export function isValidIdempotencyKey(key: string): boolean {
  return IDEMPOTENCY_KEY_PATTERN.test(key);
}

export interface FingerprintedRequest {
  method: string;
  /** Path and query string as the client sent them. */
  path: string;
  body?: unknown;
}

/** JSON with object keys sorted, so `{"a":1,"b":2}` and `{"b":2,"a":1}` are the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Same method, path and body (whatever the key order) → same fingerprint; reusing a key on another route differs. */
export function fingerprintOf(request: FingerprintedRequest): string {
  return createHash('sha256')
    .update(`${request.method.toUpperCase()} ${request.path}\n${canonicalJson(request.body ?? null)}`)
    .digest('hex');
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
