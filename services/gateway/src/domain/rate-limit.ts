/**
 * Fixed one-minute windows: a caller may make `limit` requests per clock minute; the request that goes past
 * it (and every later one in that minute) is refused until the next minute starts.
 */
export const WINDOW_SECONDS = 60;

/** The window a moment falls in, as part of the counter's key. */
export const windowOf = (nowMs: number): number => Math.floor(nowMs / 1000 / WINDOW_SECONDS);

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** `count` includes this request. */
export function rateVerdict(count: number, limit: number, nowMs: number): RateVerdict {
  if (count <= limit) return { allowed: true };
  const windowEndsMs = (windowOf(nowMs) + 1) * WINDOW_SECONDS * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEndsMs - nowMs) / 1000)) };
}
