import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { redisKey, type Redis } from '@kc/cache';
import type { ConferenceRegion, ScreenRequest } from '@kc/contracts';

export interface ScreenLinkRecord {
  id: string;
  level: 'national' | 'regional';
  region: ConferenceRegion | null;
  year: number;
  grouping: ScreenRequest['grouping'];
  expiresAt: string;
  createdBy: string;
}

/** An expired link is remembered this long, so its screen can say "expired" rather than "unknown". */
const REMEMBERED_AFTER_EXPIRY_SECONDS = 30 * 86_400;

const keyOf = (token: string) =>
  redisKey('gateway', 'screen', createHash('sha256').update(token).digest('hex'));

/** Hall screen links in Redis, stored under a hash of their token (the token itself is never stored). */
export class ScreenLinks {
  constructor(private readonly redis: Redis) {}

  async create(
    request: ScreenRequest,
    createdBy: string,
    now = new Date(),
  ): Promise<{ token: string; record: ScreenLinkRecord }> {
    // 256 bits, base64url: 43 characters.
    const token = randomBytes(32).toString('base64url');
    const record: ScreenLinkRecord = {
      id: randomUUID(),
      level: request.level,
      region: request.region ?? null,
      year: request.year,
      grouping: request.grouping,
      expiresAt: new Date(now.getTime() + request.minutes * 60_000).toISOString(),
      createdBy,
    };
    await this.redis.set(keyOf(token), JSON.stringify(record), {
      expiration: { type: 'EX', value: request.minutes * 60 + REMEMBERED_AFTER_EXPIRY_SECONDS },
    });
    return { token, record };
  }

  async find(token: string): Promise<ScreenLinkRecord | null> {
    const stored = await this.redis.get(keyOf(token));
    return stored === null ? null : (JSON.parse(stored) as ScreenLinkRecord);
  }
}
