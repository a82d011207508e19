/**
 * Brute-force protection of the built-in login. Failures are counted per account at one client address, and
 * per address over all accounts; past the limit that account (at that address), or the address, is locked
 * for a while. Never per account alone: anyone could then lock anyone out by mistyping their password, and
 * behind a load balancer whose address is every client's (TRUST_PROXY unset), an address lock would shut out
 * everybody — so an account that has logged in from the address lately still passes the address lock (its
 * own lock still applies). A locked attempt is refused before any password is looked at.
 */
export interface ThrottlePolicy {
  windowSeconds: number;
  maxFailuresPerAccountAtAddress: number;
  /** Much higher: one office behind one address may have many people mistyping; it stops password spraying. */
  maxFailuresPerAddress: number;
  lockSeconds: number;
  /** How long a successful login vouches for the account at that address. */
  knownSeconds: number;
}

export const LOGIN_THROTTLE: ThrottlePolicy = {
  windowSeconds: 15 * 60,
  maxFailuresPerAccountAtAddress: 5,
  maxFailuresPerAddress: 100,
  lockSeconds: 15 * 60,
  knownSeconds: 30 * 24 * 3600,
};

/** Seconds each lock has left (0 or less: not locked), and whether the account logged in from here lately. */
export interface LockState {
  accountLockSeconds: number;
  addressLockSeconds: number;
  knownAtAddress: boolean;
}

export type AttemptVerdict =
  | { verdict: 'check-password' }
  | { verdict: 'locked'; lockedBy: 'account' | 'address'; retryAfterSeconds: number };

/** Before anything else: may this attempt even be checked? */
export function gateAttempt(locks: LockState): AttemptVerdict {
  if (locks.accountLockSeconds > 0) {
    return { verdict: 'locked', lockedBy: 'account', retryAfterSeconds: locks.accountLockSeconds };
  }
  if (locks.addressLockSeconds > 0 && !locks.knownAtAddress) {
    return { verdict: 'locked', lockedBy: 'address', retryAfterSeconds: locks.addressLockSeconds };
  }
  return { verdict: 'check-password' };
}

/** After a failure has been counted (the counts include it): which locks start now. */
export function locksAfterFailure(
  failures: { accountAtAddress: number; address: number },
  policy: ThrottlePolicy = LOGIN_THROTTLE,
): { lockAccount: boolean; lockAddress: boolean } {
  return {
    lockAccount: failures.accountAtAddress >= policy.maxFailuresPerAccountAtAddress,
    lockAddress: failures.address >= policy.maxFailuresPerAddress,
  };
}
