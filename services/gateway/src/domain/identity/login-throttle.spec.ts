import { gateAttempt, locksAfterFailure, LOGIN_THROTTLE, type LockState } from './login-throttle';

const open: LockState = { accountLockSeconds: 0, addressLockSeconds: 0, knownAtAddress: false };

/** The login sequence in miniature: gate, then (only if the gate allows) the password check, then counting. */
function simulate(attempts: number, passwordMatches: (attempt: number) => boolean) {
  const locks: LockState = { ...open };
  const failures = { accountAtAddress: 0, address: 0 };
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
    failures.accountAtAddress++;
    failures.address++;
    const start = locksAfterFailure(failures);
    if (start.lockAccount) locks.accountLockSeconds = LOGIN_THROTTLE.lockSeconds;
    if (start.lockAddress) locks.addressLockSeconds = LOGIN_THROTTLE.lockSeconds;
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
    expect(gateAttempt(open)).toEqual({ verdict: 'check-password' });
    expect(locksAfterFailure({ accountAtAddress: 4, address: 4 })).toEqual({
      lockAccount: false,
      lockAddress: false,
    });
    expect(locksAfterFailure({ accountAtAddress: 5, address: 5 })).toEqual({
      lockAccount: true,
      lockAddress: false,
    });
  });

  it('locks an address that fails across many accounts, far above one account’s limit', () => {
    expect(locksAfterFailure({ accountAtAddress: 1, address: 99 }).lockAddress).toBe(false);
    expect(locksAfterFailure({ accountAtAddress: 1, address: 100 })).toEqual({
      lockAccount: false,
      lockAddress: true,
    });
    expect(gateAttempt({ ...open, addressLockSeconds: 120 })).toEqual({
      verdict: 'locked',
      lockedBy: 'address',
      retryAfterSeconds: 120,
    });
  });

  it('lets an account that logged in from a locked address lately through to its password check', () => {
    expect(gateAttempt({ ...open, addressLockSeconds: 120, knownAtAddress: true })).toEqual({
      verdict: 'check-password',
    });
    // Its own lock still holds.
    expect(
      gateAttempt({ accountLockSeconds: 30, addressLockSeconds: 120, knownAtAddress: true }),
    ).toMatchObject({
      lockedBy: 'account',
      retryAfterSeconds: 30,
    });
  });

  it('reports the account lock first, with the seconds it has left', () => {
    expect(gateAttempt({ ...open, accountLockSeconds: 30, addressLockSeconds: 600 })).toMatchObject({
      lockedBy: 'account',
      retryAfterSeconds: 30,
    });
  });
});
