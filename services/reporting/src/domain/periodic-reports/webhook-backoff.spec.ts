import {
  attemptWindows,
  defaultRetryPolicy,
  delayBounds,
  nextAttempt,
  nominalDelaySeconds,
  type RetryPolicy,
} from './webhook-backoff';

const policy = defaultRetryPolicy;

describe('webhook retry backoff', () => {
  it('doubles from 10 seconds up to the two-hour cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => nominalDelaySeconds(policy, n))).toEqual([10, 20, 40, 80, 160]);
    expect(nominalDelaySeconds(policy, 9)).toBe(2_560);
    expect(nominalDelaySeconds(policy, 10)).toBe(5_120);
    expect(nominalDelaySeconds(policy, 11)).toBe(7_200);
    expect(nominalDelaySeconds(policy, 19)).toBe(7_200);
    expect(delayBounds(policy, 3)).toEqual({ min: 20, max: 40 });
  });

  it('draws the jitter within its bounds', () => {
    const state = { attemptsMade: 3, firstAttemptMs: 0, lastAttemptMs: 100_000 };
    expect(nextAttempt(policy, { ...state, random: 0 })).toEqual({
      retry: true,
      atMs: 120_000,
      delaySeconds: 20,
    });
    const high = nextAttempt(policy, { ...state, random: 0.999999 });
    expect(high.retry && high.delaySeconds > 39.99 && high.delaySeconds < 40).toBe(true);
    expect(() => nextAttempt(policy, { ...state, random: 1 })).toThrow(RangeError);
  });

  it('gives up after the last attempt or past the maximum age', () => {
    expect(nextAttempt(policy, { attemptsMade: 20, firstAttemptMs: 0, lastAttemptMs: 0, random: 0 })).toEqual(
      { retry: false, reason: 'max-attempts' },
    );
    const short: RetryPolicy = { ...policy, maxAgeSeconds: 60 };
    expect(
      nextAttempt(short, { attemptsMade: 3, firstAttemptMs: 0, lastAttemptMs: 50_000, random: 0 }),
    ).toEqual({ retry: false, reason: 'max-age' });
  });

  it.each([0, 0.25, 0.5, 0.999999])(
    'delivers to a receiver that is down for a minute (jitter draw %s)',
    (random) => {
      const downUntilMs = 60_000;
      let atMs = 0;
      let attempts = 1;
      for (;;) {
        if (atMs >= downUntilMs) break; // this attempt is answered
        const next = nextAttempt(policy, {
          attemptsMade: attempts,
          firstAttemptMs: 0,
          lastAttemptMs: atMs,
          random,
        });
        if (!next.retry) throw new Error(`gave up after ${attempts} attempts (${next.reason})`);
        atMs = next.atMs;
        attempts++;
      }
      expect(attempts).toBeLessThanOrEqual(6);
      expect(atMs).toBeLessThan(5 * 60_000);
    },
  );

  it('keeps trying through a night, and gives up within a day, whatever the jitter', () => {
    const windows = attemptWindows(policy);
    expect(windows).toHaveLength(20);
    expect(windows.find((w) => w.earliest >= 60)?.attempt).toBe(5);
    expect(windows.at(-1)!.earliest).toBeGreaterThan(10 * 3_600);
    expect(windows.at(-1)!.latest).toBeLessThan(policy.maxAgeSeconds);
  });
});
