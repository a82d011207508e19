import {
  attemptsInRound,
  mayRedrive,
  statusAfterAttempt,
  WEBHOOK_DELIVERY_STATUSES,
} from './webhook-delivery-state';

describe('webhook delivery state', () => {
  it('is delivered on a 2xx even if the endpoint unsubscribed meanwhile (it was received)', () => {
    expect(statusAfterAttempt({ ok: true, retry: false, unsubscribed: true })).toBe('delivered');
  });

  it('after a failure: pending while retries remain, given up when spent, cancelled once unsubscribed', () => {
    expect(statusAfterAttempt({ ok: false, retry: true, unsubscribed: false })).toBe('pending');
    expect(statusAfterAttempt({ ok: false, retry: false, unsubscribed: false })).toBe('given-up');
    expect(statusAfterAttempt({ ok: false, retry: true, unsubscribed: true })).toBe('cancelled');
  });

  it('counts the retry budget from the round the last redrive opened', () => {
    expect(attemptsInRound(1, 1)).toBe(1);
    expect(attemptsInRound(20, 1)).toBe(20);
    expect(attemptsInRound(21, 21)).toBe(1);
    expect(attemptsInRound(23, 21)).toBe(3);
    expect(() => attemptsInRound(20, 21)).toThrow(RangeError);
    expect(() => attemptsInRound(1, 0)).toThrow(RangeError);
  });

  it('redrives only a given-up delivery', () => {
    expect(WEBHOOK_DELIVERY_STATUSES.filter(mayRedrive)).toEqual(['given-up']);
  });
});
