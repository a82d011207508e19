import { createHash } from 'node:crypto';

/**
 * The platform's one Idempotency-Key policy (the gateway's key records and the trade-fairs booking store).
 *
 * A key is spent only on an answer that a retry of the same request could never change:
 * - a completed write (2xx): replayed as it was, with no second effect;
 * - a refusal of the request's shape (400 invalid, 413 too large, 415 not JSON): the same bytes stay invalid.
 *
 * Every other answer depends on state that can change, so it is not kept and the same key may be sent again:
 * 401/403 (credentials and roles change), 404 (a record may yet arrive from another service), 409 and 422
 * (conflicts and business rules are judged against current state: a ceiling raised, a replica caught up, a
 * lock released), 429, 5xx and no answer at all. None of these had an effect, so a retry cannot double one.
 */
const FINAL_REFUSALS = new Set([400, 413, 415]);

/** True when an Idempotency-Key keeps this answer for replay (see the policy above). */
export function isFinalAnswer(status: number): boolean {
  return (status >= 200 && status < 300) || FINAL_REFUSALS.has(status);
}

/** 1–200 visible ASCII characters (no spaces or control characters), at the gateway and the booking store alike. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** The rule a malformed key breaks, as the problem answer words it. */
export const IDEMPOTENCY_KEY_RULE = {
  vi: 'phải gồm 1 đến 200 ký tự ASCII nhìn thấy được',
  en: 'must be 1 to 200 visible ASCII characters',
} as const;

export function isValidIdempotencyKey(key: string): boolean {
  return IDEMPOTENCY_KEY_PATTERN.test(key);
}

/** JSON with object keys sorted (undefined members dropped), so `{"a":1,"b":2}` and `{"b":2,"a":1}` are one request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * What a key is checked against on a retry: the SHA-256 of `scope` (what else makes two requests the same — the
 * route, the caller) and the canonical body. Stored fingerprints outlive a deploy, so the format never changes.
 */
export function requestFingerprint(scope: string, body: unknown): string {
  return createHash('sha256')
    .update(`${scope}\n${canonicalJson(body)}`)
    .digest('hex');
}
