import { workingDayCalendar } from '@kc/reference-data';
import { assertPetitionStep, petitionOverdue, responseDueOn } from './cluster-petition';

describe('a petition to the agency', () => {
  const calendar = workingDayCalendar();

  it('is due on the 15th working day after receipt, skipping weekends and public holidays', () => {
    // Three weeks of weekdays from a Monday with no holiday in them.
    expect(responseDueOn('2026-06-01', calendar)).toBe('2026-06-22');
    // 27/4 (compensatory), 30/4 and 1/5 2026 are days off: 20 May rather than 15 May.
    expect(responseDueOn('2026-04-24', calendar)).toBe('2026-05-20');
  });

  it('moves received → in progress → answered, closes from any open state, and never leaves closed', () => {
    expect(() => assertPetitionStep('received', 'start')).not.toThrow();
    expect(() => assertPetitionStep('received', 'answer')).not.toThrow();
    expect(() => assertPetitionStep('answered', 'close')).not.toThrow();
    expect(() => assertPetitionStep('in-progress', 'start')).toThrow(/Cannot take in hand/);
    expect(() => assertPetitionStep('answered', 'answer')).toThrow(/Cannot answer/);
    expect(() => assertPetitionStep('closed', 'close')).toThrow(/Cannot close/);
  });

  it('is overdue only while open and after its due day', () => {
    expect(petitionOverdue('received', '2026-05-20', '2026-05-20')).toBe(false);
    expect(petitionOverdue('in-progress', '2026-05-20', '2026-05-21')).toBe(true);
    expect(petitionOverdue('answered', '2026-05-20', '2026-06-01')).toBe(false);
    expect(petitionOverdue('closed', '2026-05-20', '2026-06-01')).toBe(false);
  });
});
