/**
 * Brute-force protection of the built-in login. Failures are counted per username and per client address
 * over a window; past the limit the username (or the address) is locked for a while. A locked attempt is
 * refused before any password is looked at, so a lock costs the attacker a round trip and the server nothing.
 */
export interface ThrottlePolicy {
  windowSeconds: number;
  maxFailuresPerUsername: number;
  /** Higher than per username: one office behind one address may have many people mistyping. */
  maxFailuresPerIp: number;
  lockSeconds: number;
}

export const LOGIN_THROTTLE: ThrottlePolicy = {
  windowSeconds: 15 * 60,
  maxFailuresPerUsername: 5,
  maxFailuresPerIp: 50,
  lockSeconds: 15 * 60,
};

/** Seconds each lock has left (0 or less: not locked). */
export interface LockState {
  usernameLockSeconds: number;
  ipLockSeconds: number;
}

export type AttemptVerdict =
  | { verdict: 'check-password' }
  | { verdict: 'locked'; lockedBy: 'username' | 'ip'; retryAfterSeconds: number };

/** Before anything else: may this attempt even be checked? */
export function gateAttempt(locks: LockState): AttemptVerdict {
  if (locks.usernameLockSeconds > 0) {
    return { verdict: 'locked', lockedBy: 'username', retryAfterSeconds: locks.usernameLockSeconds };
  }
  if (locks.ipLockSeconds > 0) {
    return { verdict: 'locked', lockedBy: 'ip', retryAfterSeconds: locks.ipLockSeconds };
  }
  return { verdict: 'check-password' };
}

/** After a failure has been counted (the counts include it): which locks start now. */
export function locksAfterFailure(
  failures: { username: number; ip: number },
  policy: ThrottlePolicy = LOGIN_THROTTLE,
): { lockUsername: boolean; lockIp: boolean } {
  return {
    lockUsername: failures.username >= policy.maxFailuresPerUsername,
    lockIp: failures.ip >= policy.maxFailuresPerIp,
  };
}
