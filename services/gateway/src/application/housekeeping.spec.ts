import { EventEmitter } from 'node:events';
import type { Redis } from '@kc/cache';
import type { IdempotencyStore } from '../infrastructure/idempotency/idempotency.store';
import type { Revocations } from '../infrastructure/identity/revocations.store';
import { Housekeeping } from './housekeeping';

function housekeeping(
  revocations: Partial<Revocations>,
  idempotency: Partial<IdempotencyStore> = {},
  redis = new EventEmitter() as unknown as Redis,
) {
  return new Housekeeping(revocations as Revocations, idempotency as IdempotencyStore, redis, {
    revocationCheckMs: 0,
    sweepMs: 0,
  });
}

describe('gateway housekeeping', () => {
  it('restores the revocation markers only when the sentinel is gone', async () => {
    let complete = true;
    const restore = jest.fn(async () => {
      complete = true;
      return 3;
    });
    const rounds = housekeeping({ complete: async () => complete, restore });
    expect(await rounds.checkRevocations()).toBe(false);
    complete = false;
    expect(await rounds.checkRevocations()).toBe(true);
    expect(restore).toHaveBeenCalledTimes(1);
  });

  it('restores again when a flush interrupted the restore, and runs one restore at a time', async () => {
    // The first attempt finds its guard flushed away (null), the second completes.
    const restore: jest.Mock<Promise<number | null>> = jest.fn(async () =>
      restore.mock.calls.length === 1 ? null : 2,
    );
    const rounds = housekeeping({ complete: async () => false, restore });
    await Promise.all([rounds.checkRevocations(), rounds.checkRevocations(), rounds.checkRevocations()]);
    expect(restore).toHaveBeenCalledTimes(2);
  });

  it('restores at boot and again at every reconnect, also one that comes during a restore', async () => {
    const redis = new EventEmitter();
    let finish: () => void = () => undefined;
    const restore = jest.fn(() => new Promise<number>((done) => (finish = () => done(0))));
    const rounds = housekeeping({ complete: async () => true, restore }, {}, redis as unknown as Redis);
    const booting = rounds.onApplicationBootstrap();
    redis.emit('ready');
    finish();
    await booting;
    await new Promise(setImmediate);
    expect(restore).toHaveBeenCalledTimes(2);
    finish();
    await new Promise(setImmediate);
    redis.emit('ready');
    expect(restore).toHaveBeenCalledTimes(3);
    finish();
    await rounds.onApplicationShutdown();
  });

  it('sweeps in batches until one comes back short, and at most 50 batches a round', async () => {
    const partial = [1000, 1000, 10];
    const expiredRecords = jest.fn(async () => partial.shift() ?? 0);
    const expiredTokens = jest.fn(async () => 1000);
    const rounds = housekeeping({ sweepExpired: expiredTokens }, { sweepExpired: expiredRecords });
    expect(await rounds.sweep()).toEqual({ idempotencyRecords: 2010, revokedTokens: 50_000 });
    expect(expiredRecords).toHaveBeenCalledTimes(3);
    expect(expiredTokens).toHaveBeenCalledTimes(50);
  });
});
