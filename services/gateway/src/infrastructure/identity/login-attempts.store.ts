import { redisKey, type Redis } from '@kc/cache';
import {
  LOGIN_THROTTLE,
  locksAfterFailure,
  type LockState,
  type ThrottlePolicy,
} from '../../domain/identity/login-throttle';

const key = (...parts: string[]) => redisKey('gateway', 'login', ...parts);

/** Failed-login counters and locks in Redis, per username and per client address (see login-throttle). */
export class LoginAttempts {
  constructor(
    private readonly redis: Redis,
    private readonly policy: ThrottlePolicy = LOGIN_THROTTLE,
  ) {}

  async locks(username: string, ip: string): Promise<LockState> {
    const [user, address] = await Promise.all([
      this.redis.ttl(key('lock', 'user', username)),
      this.redis.ttl(key('lock', 'ip', ip)),
    ]);
    return { usernameLockSeconds: user, ipLockSeconds: address };
  }

  /** Counts a failure and starts whichever lock it earns; returns what was locked. */
  async recordFailure(username: string, ip: string): Promise<{ lockUsername: boolean; lockIp: boolean }> {
    const { windowSeconds, lockSeconds } = this.policy;
    const [userFailures, , ipFailures] = await this.redis
      .multi()
      .incr(key('fail', 'user', username))
      .expire(key('fail', 'user', username), windowSeconds, 'NX')
      .incr(key('fail', 'ip', ip))
      .expire(key('fail', 'ip', ip), windowSeconds, 'NX')
      .exec();
    const locks = locksAfterFailure({ username: Number(userFailures), ip: Number(ipFailures) }, this.policy);
    const lock = (kind: 'user' | 'ip', id: string) =>
      this.redis
        .multi()
        .set(key('lock', kind, id), '1', { expiration: { type: 'EX', value: lockSeconds } })
        // Once the lock ends, the count starts again from zero.
        .del(key('fail', kind, id))
        .exec();
    if (locks.lockUsername) await lock('user', username);
    if (locks.lockIp) await lock('ip', ip);
    return locks;
  }

  /** A successful login forgets the username's failures (not the address's: it may be guessing others). */
  async clear(username: string): Promise<void> {
    await this.redis.del(key('fail', 'user', username));
  }
}
