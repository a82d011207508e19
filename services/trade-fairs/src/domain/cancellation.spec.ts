import { ConflictError } from '@kc/errors';
import { assertMayCancel } from './cancellation';

const codeOf = (work: () => void): string | undefined => {
  try {
    work();
  } catch (error) {
    if (error instanceof ConflictError) return error.code;
    throw error;
  }
  return undefined;
};

describe('cancelling a registration', () => {
  it('is open to its owner while it is live and not certified', () => {
    for (const state of ['requested', 'held', 'allocated', 'waitlisted']) {
      expect(codeOf(() => assertMayCancel({ state, certified: false }, false))).toBeUndefined();
    }
  });

  it('is refused once it ended', () => {
    for (const state of ['expired', 'cancelled']) {
      expect(codeOf(() => assertMayCancel({ state, certified: false }, true))).toBe(
        'registration.not-cancellable',
      );
    }
  });

  it('is left to the agency once certified', () => {
    expect(codeOf(() => assertMayCancel({ state: 'allocated', certified: true }, false))).toBe(
      'registration.certified',
    );
    expect(codeOf(() => assertMayCancel({ state: 'allocated', certified: true }, true))).toBeUndefined();
  });
});
