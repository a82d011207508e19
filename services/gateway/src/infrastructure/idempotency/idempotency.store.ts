import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { REDIS, redisKey, type Redis } from '@kc/cache';
import type { IdempotencyRecord } from '../../domain/idempotency';

/** Replaces or deletes the key only while it still holds our in-flight marker (compare-and-set). */
const SET_IF_OURS = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end return nil`;
const DELETE_IF_OURS = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export type Claim = { claimed: true; marker: string } | { claimed: false; stored: IdempotencyRecord };

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** Idempotency records in Redis under kc:gateway:idem:<key>, kept 24 hours. */
@Injectable()
export class IdempotencyStore {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  private key(idempotencyKey: string): string {
    return redisKey('gateway', 'idem', idempotencyKey);
  }

  /**
   * Atomically marks the key as in flight (SET NX), or returns what it already holds. The marker expires
   * after `inFlightMs`, so a gateway that dies mid-request does not block the key for a day.
   */
  async claim(idempotencyKey: string, fingerprint: string, inFlightMs: number): Promise<Claim> {
    const marker = JSON.stringify({
      state: 'in-flight',
      fingerprint,
      token: randomUUID(),
    } satisfies IdempotencyRecord);
    for (;;) {
      const set = await this.redis.set(this.key(idempotencyKey), marker, {
        condition: 'NX',
        expiration: { type: 'PX', value: inFlightMs },
      });
      if (set === 'OK') return { claimed: true, marker };
      const stored = await this.redis.get(this.key(idempotencyKey));
      // Expired between SET and GET: try to claim it again.
      if (stored !== null) return { claimed: false, stored: JSON.parse(stored) as IdempotencyRecord };
    }
  }

  async complete(idempotencyKey: string, marker: string, record: IdempotencyRecord): Promise<void> {
    await this.redis.eval(SET_IF_OURS, {
      keys: [this.key(idempotencyKey)],
      arguments: [marker, JSON.stringify(record), String(IDEMPOTENCY_TTL_MS)],
    });
  }

  async release(idempotencyKey: string, marker: string): Promise<void> {
    await this.redis.eval(DELETE_IF_OURS, { keys: [this.key(idempotencyKey)], arguments: [marker] });
  }
}
