import { redisKey, type Redis } from '@kc/cache';
import { rateVerdict, WINDOW_SECONDS, windowOf, type RateVerdict } from '../../domain/rate-limit';

/** Per-minute request counters in Redis, shared by every gateway instance. */
export class RateLimiter {
  constructor(private readonly redis: Redis) {}

  /** Counts one request of `caller` (`ip:<address>` or `client:<id>`) and says whether it may proceed. */
  async hit(caller: string, limit: number, nowMs = Date.now()): Promise<RateVerdict> {
    const key = redisKey('gateway', 'rate', caller, windowOf(nowMs));
    const [count] = await this.redis
      .multi()
      .incr(key)
      .expire(key, WINDOW_SECONDS + 5, 'NX')
      .exec();
    return rateVerdict(Number(count), limit, nowMs);
  }
}
