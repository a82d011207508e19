import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys look like `kc_<prefix>_<secret>`: the prefix (12 hex digits) finds the client's row, the secret
 * (256 random bits) proves possession. Only a SHA-256 of the whole key is stored: with that much entropy a
 * slow hash adds nothing, and the key is checked on every request.
 */
const API_KEY_PATTERN = /^kc_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export interface NewApiKey {
  key: string;
  prefix: string;
  hash: string;
}

export function newApiKey(): NewApiKey {
  const prefix = randomBytes(6).toString('hex');
  const key = `kc_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: sha256(key) };
}

/** The prefix of a well-formed key, or null. */
export function apiKeyPrefix(key: string): string | null {
  return API_KEY_PATTERN.exec(key)?.[1] ?? null;
}

/** Constant-time comparison of a presented key with the stored hash. */
export function apiKeyMatches(key: string, storedHash: string): boolean {
  const presented = Buffer.from(sha256(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** A client secret or refresh token: 256 random bits, URL-safe. */
export const randomSecret = (): string => randomBytes(32).toString('base64url');
