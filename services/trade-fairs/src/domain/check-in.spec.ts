import { ConflictError } from '@kc/errors';
import { assertFairInSession } from './check-in';

const fair = { startDate: '2026-09-15', endDate: '2026-09-19' };
const codeAt = (iso: string): string | undefined => {
  try {
    assertFairInSession(fair, new Date(iso));
  } catch (error) {
    if (error instanceof ConflictError) return error.code;
    throw error;
  }
  return undefined;
};

describe('check-in dates', () => {
  it('opens at midnight in Vietnam on the first day, while it is still the day before in UTC', () => {
    expect(codeAt('2026-09-14T16:59:59Z')).toBe('check-in.outside-fair-dates');
    expect(codeAt('2026-09-14T17:00:00Z')).toBeUndefined();
  });

  it('stays open through the last day, Vietnam time, and closes at its midnight', () => {
    expect(codeAt('2026-09-19T16:59:59Z')).toBeUndefined();
    expect(codeAt('2026-09-19T17:00:00Z')).toBe('check-in.outside-fair-dates');
  });

  it('is open on every day between', () => {
    expect(codeAt('2026-09-17T05:00:00Z')).toBeUndefined();
  });
});
