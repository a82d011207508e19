import { redisKey, type Redis } from '@kc/cache';
import {
  LOGIN_THROTTLE,
  locksAfterFailure,
  type LockState,
  type ThrottlePolicy,
} from '../../domain/identity/login-throttle';

type Subject = 'account' | 'address';

/**
 * Failed-login counters, locks and "logged in from here lately" marks in Redis (see login-throttle). An
 * account is counted at an address; both parts are URI-encoded so an IPv6 address's colons cannot run into
 * the username. Safe to lose: a flush forgets counts, locks and marks.
 */
export class LoginAttempts {
  constructor(
    private readonly redis: Redis,
    private readonly policy: ThrottlePolicy = LOGIN_THROTTLE,
  ) {}

  private key(kind: 'fail' | 'lock' | 'known', subject: Subject, username: string, ip: string): string {
    const id = subject === 'account' ? [username, ip] : [ip];
    return redisKey('gateway', 'login', kind, subject, ...id.map(encodeURIComponent));
  }

  async locks(username: string, ip: string): Promise<LockState> {
    const [account, address, known] = await Promise.all([
      this.redis.ttl(this.key('lock', 'account', username, ip)),
      this.redis.ttl(this.key('lock', 'address', username, ip)),
      this.redis.exists(this.key('known', 'account', username, ip)),
    ]);
    return { accountLockSeconds: account, addressLockSeconds: address, knownAtAddress: known === 1 };
  }

  /** Counts a failure and starts whichever lock it earns; returns what was locked. */
  async recordFailure(username: string, ip: string): Promise<{ lockAccount: boolean; lockAddress: boolean }> {
    const { windowSeconds, lockSeconds } = this.policy;
    const [accountKey, addressKey] = [
      this.key('fail', 'account', username, ip),
      this.key('fail', 'address', username, ip),
    ];
    const [accountFailures, , addressFailures] = await this.redis
      .multi()
      .incr(accountKey)
      .expire(accountKey, windowSeconds, 'NX')
      .incr(addressKey)
      .expire(addressKey, windowSeconds, 'NX')
      .exec();
    const locks = locksAfterFailure(
      { accountAtAddress: Number(accountFailures), address: Number(addressFailures) },
      this.policy,
    );
    const lock = (subject: Subject) =>
      this.redis
        .multi()
        .set(this.key('lock', subject, username, ip), '1', { expiration: { type: 'EX', value: lockSeconds } })
        // Once the lock ends, the count starts again from zero.
        .del(this.key('fail', subject, username, ip))
        .exec();
    if (locks.lockAccount) await lock('account');
    if (locks.lockAddress) await lock('address');
    return locks;
  }

  /**
   * A successful login forgets the account's failures at the address (not the address's: it may be guessing
   * others) and vouches for the account there.
   */
  async succeeded(username: string, ip: string): Promise<void> {
    await this.redis
      .multi()
      .del(this.key('fail', 'account', username, ip))
      .set(this.key('known', 'account', username, ip), '1', {
        expiration: { type: 'EX', value: this.policy.knownSeconds },
      })
      .exec();
  }
}
