import { rateVerdict, windowOf } from './rate-limit';

const at = (iso: string) => Date.parse(iso);

describe('per-minute rate limits', () => {
  it('allows up to the limit within a minute', () => {
    expect(rateVerdict(600, 600, at('2026-03-02T08:00:10Z'))).toEqual({ allowed: true });
  });

  it('refuses past the limit until the next minute starts', () => {
    expect(rateVerdict(601, 600, at('2026-03-02T08:00:10Z'))).toEqual({
      allowed: false,
      retryAfterSeconds: 50,
    });
    expect(rateVerdict(700, 600, at('2026-03-02T08:00:59.900Z'))).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
  });

  it('counts each clock minute separately', () => {
    expect(windowOf(at('2026-03-02T08:00:59.999Z'))).not.toBe(windowOf(at('2026-03-02T08:01:00Z')));
    expect(windowOf(at('2026-03-02T08:01:00Z'))).toBe(windowOf(at('2026-03-02T08:01:59Z')));
  });
});
