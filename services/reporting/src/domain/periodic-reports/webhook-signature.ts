/**
 * Signing webhook deliveries. Node's crypto is a runtime library, not a framework: the domain stays pure.
 *
 * Header: `KC-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. The timestamp is inside
 * the signed text, so a captured delivery cannot be replayed later with a fresh `t`; a receiver rejects a `t`
 * outside its tolerance window. While a client's secret rotates, the header carries one `v1` per secret in force
 * and a receiver accepts any of them.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'KC-Signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

const sign = (secret: string, timestamp: number, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');

function assertTimestamp(timestamp: number): void {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new RangeError(`a signature timestamp is whole seconds since the epoch, got ${timestamp}`);
  }
}

/** The header value for `body` (the exact bytes sent, as UTF-8 text) at `timestamp`, one `v1` per secret. */
export function signatureHeader(secrets: readonly string[], timestamp: number, body: string): string {
  assertTimestamp(timestamp);
  if (secrets.length === 0 || secrets.some((s) => s.length < 16)) {
    throw new RangeError('signing needs at least one secret of 16 characters or more');
  }
  return [`t=${timestamp}`, ...secrets.map((secret) => `v1=${sign(secret, timestamp, body)}`)].join(',');
}

export type Verification =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'malformed' | 'outside-tolerance' | 'mismatch' };

/**
 * What a receiver does (and our own tests of it): parse the header, check the timestamp is within
 * `toleranceSeconds` of `nowSeconds` either way, and compare in constant time against every secret it holds.
 */
export function verifySignature(input: {
  header: string;
  body: string;
  secrets: readonly string[];
  nowSeconds: number;
  toleranceSeconds?: number;
}): Verification {
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const parts = input.header.split(',').map((p) => p.trim());
  const timestamps = parts.filter((p) => p.startsWith('t=')).map((p) => p.slice(2));
  const signatures = parts.filter((p) => p.startsWith('v1=')).map((p) => p.slice(3));
  if (timestamps.length !== 1 || !/^\d{1,15}$/.test(timestamps[0]) || signatures.length === 0) {
    return { ok: false, reason: 'malformed' };
  }
  if (!signatures.every((s) => /^[0-9a-f]{64}$/.test(s))) return { ok: false, reason: 'malformed' };
  const timestamp = Number(timestamps[0]);
  if (Math.abs(input.nowSeconds - timestamp) > tolerance) return { ok: false, reason: 'outside-tolerance' };
  const matches = input.secrets.some((secret) => {
    const expected = Buffer.from(sign(secret, timestamp, input.body), 'hex');
    return signatures.some((s) => timingSafeEqual(expected, Buffer.from(s, 'hex')));
  });
  return matches ? { ok: true, timestamp } : { ok: false, reason: 'mismatch' };
}
