import { gateAttempt, locksAfterFailure, LOGIN_THROTTLE, type LockState } from './login-throttle';

/** The login sequence in miniature: gate, then (only if the gate allows) the password check, then counting. */
function simulate(attempts: number, passwordMatches: (attempt: number) => boolean) {
  const locks: LockState = { usernameLockSeconds: 0, ipLockSeconds: 0 };
  const failures = { username: 0, ip: 0 };
  const checkPassword = jest.fn(passwordMatches);
  const outcomes: string[] = [];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const gate = gateAttempt(locks);
    if (gate.verdict === 'locked') {
      outcomes.push(`locked ${gate.retryAfterSeconds}s`);
      continue;
    }
    if (checkPassword(attempt)) {
      outcomes.push('ok');
      continue;
    }
    failures.username++;
    failures.ip++;
    const start = locksAfterFailure(failures);
    if (start.lockUsername) locks.usernameLockSeconds = LOGIN_THROTTLE.lockSeconds;
    if (start.lockIp) locks.ipLockSeconds = LOGIN_THROTTLE.lockSeconds;
    outcomes.push('wrong');
  }
  return { outcomes, checkPassword };
}

describe('login throttling', () => {
  it('refuses the 6th attempt after 5 wrong passwords without checking its password', () => {
    // The 6th attempt carries the right password: it must not even be looked at.
    const { outcomes, checkPassword } = simulate(6, (attempt) => attempt === 6);
    expect(outcomes).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'locked 900s']);
    expect(checkPassword).toHaveBeenCalledTimes(5);
    expect(checkPassword).not.toHaveBeenCalledWith(6);
  });

  it('lets a fourth and fifth attempt through to the password check', () => {
    expect(gateAttempt({ usernameLockSeconds: 0, ipLockSeconds: 0 })).toEqual({ verdict: 'check-password' });
    expect(locksAfterFailure({ username: 4, ip: 4 })).toEqual({ lockUsername: false, lockIp: false });
    expect(locksAfterFailure({ username: 5, ip: 5 })).toEqual({ lockUsername: true, lockIp: false });
  });

  it('locks an address that fails across many usernames, with its own retry time', () => {
    expect(locksAfterFailure({ username: 1, ip: 50 })).toEqual({ lockUsername: false, lockIp: true });
    expect(gateAttempt({ usernameLockSeconds: 0, ipLockSeconds: 120 })).toEqual({
      verdict: 'locked',
      lockedBy: 'ip',
      retryAfterSeconds: 120,
    });
  });

  it('reports the username lock first, with the seconds it has left', () => {
    expect(gateAttempt({ usernameLockSeconds: 30, ipLockSeconds: 600 })).toMatchObject({
      lockedBy: 'username',
      retryAfterSeconds: 30,
    });
  });
});
