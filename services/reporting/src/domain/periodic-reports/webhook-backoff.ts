/**
 * When to retry a webhook delivery that failed (a network error, a timeout or a non-2xx answer): exponential
 * backoff with a cap and bounded jitter, giving up after `maxAttempts` attempts or once the next attempt would
 * fall more than `maxAgeSeconds` after the first. Jitter spreads the retries of many deliveries that failed
 * together (a provincial system restarting) so they do not all come back at the same second.
 */
export interface RetryPolicy {
  baseSeconds: number;
  factor: number;
  capSeconds: number;
  /** The delay is the nominal one times a factor drawn from [min, max]. */
  jitter: { min: number; max: number };
  /** Attempts in all, the first included. */
  maxAttempts: number;
  maxAgeSeconds: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  baseSeconds: 10,
  factor: 2,
  capSeconds: 7_200,
  jitter: { min: 0.5, max: 1 },
  // 20 attempts span 10.7 to 21.4 hours whatever the jitter draws: a receiver down overnight still gets it.
  maxAttempts: 20,
  maxAgeSeconds: 24 * 3_600,
};

export function assertRetryPolicy(policy: RetryPolicy): void {
  const ok =
    policy.baseSeconds > 0 &&
    policy.factor >= 1 &&
    policy.capSeconds >= policy.baseSeconds &&
    policy.jitter.min > 0 &&
    policy.jitter.min <= policy.jitter.max &&
    policy.jitter.max <= 1 &&
    Number.isInteger(policy.maxAttempts) &&
    policy.maxAttempts >= 1 &&
    policy.maxAgeSeconds > 0;
  if (!ok) throw new RangeError(`not a usable retry policy: ${JSON.stringify(policy)}`);
}

/** The nominal delay before retry `n` (1 = the retry after the first attempt failed), capped. */
export function nominalDelaySeconds(policy: RetryPolicy, n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`a retry is numbered from 1, got ${n}`);
  return Math.min(policy.capSeconds, policy.baseSeconds * policy.factor ** (n - 1));
}

/** The least and most delay before retry `n`, whatever the jitter draws. */
export function delayBounds(policy: RetryPolicy, n: number): { min: number; max: number } {
  const nominal = nominalDelaySeconds(policy, n);
  return { min: nominal * policy.jitter.min, max: nominal * policy.jitter.max };
}

export type NextAttempt =
  | { retry: true; atMs: number; delaySeconds: number }
  | { retry: false; reason: 'max-attempts' | 'max-age' };

/**
 * After attempt `attemptsMade` failed at `lastAttemptMs`: when to try again, or why not. `random` in [0, 1)
 * picks the jitter (the caller passes Math.random(); tests pass fixed values).
 */
export function nextAttempt(
  policy: RetryPolicy,
  state: { attemptsMade: number; firstAttemptMs: number; lastAttemptMs: number; random: number },
): NextAttempt {
  assertRetryPolicy(policy);
  if (!(state.random >= 0 && state.random < 1))
    throw new RangeError(`random must be in [0, 1), got ${state.random}`);
  if (state.attemptsMade >= policy.maxAttempts) return { retry: false, reason: 'max-attempts' };
  const { min, max } = delayBounds(policy, state.attemptsMade);
  const delaySeconds = min + (max - min) * state.random;
  const atMs = state.lastAttemptMs + Math.round(delaySeconds * 1000);
  if (atMs - state.firstAttemptMs > policy.maxAgeSeconds * 1000) return { retry: false, reason: 'max-age' };
  return { retry: true, atMs, delaySeconds };
}

/**
 * The earliest and latest moment (seconds after the first attempt) of every attempt the policy allows before
 * giving up — how long a receiver may be down and still get the delivery.
 */
export function attemptWindows(policy: RetryPolicy): { attempt: number; earliest: number; latest: number }[] {
  assertRetryPolicy(policy);
  const windows = [{ attempt: 1, earliest: 0, latest: 0 }];
  for (let n = 1; n < policy.maxAttempts; n++) {
    const previous = windows[windows.length - 1];
    const { min, max } = delayBounds(policy, n);
    const next = { attempt: n + 1, earliest: previous.earliest + min, latest: previous.latest + max };
    if (next.earliest > policy.maxAgeSeconds) break;
    windows.push(next);
  }
  return windows;
}
