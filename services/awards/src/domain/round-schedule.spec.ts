import { RuleViolationError } from '@kc/errors';
import { workingDayCalendar } from '@kc/reference-data';
import { announce, checkSchedule, roundDeadlines, type RoundSchedule } from './round-schedule';

const schedule: RoundSchedule = {
  entriesOpenOn: '2027-03-01',
  entriesCloseOn: '2027-05-31',
  scoringClosesOn: '2027-08-31',
};

const refusal = (changes: Partial<RoundSchedule>, year = 2027) => {
  try {
    checkSchedule({ ...schedule, ...changes }, year);
  } catch (error) {
    if (error instanceof RuleViolationError) return `${error.code} @ ${error.field}`;
    throw error;
  }
  return undefined;
};

describe('award round schedule', () => {
  it('takes entries that open, close, then scoring that closes later', () => {
    expect(checkSchedule(schedule, 2027)).toEqual(schedule);
    // Entries may open and close on one day; a round may run into the next year.
    expect(refusal({ entriesCloseOn: '2027-03-01' })).toBeUndefined();
    expect(refusal({ scoringClosesOn: '2028-01-15' })).toBeUndefined();
  });

  it('refuses dates out of order, naming the later field', () => {
    expect(refusal({ entriesCloseOn: '2027-02-28' })).toBe(
      'award-round.schedule-order @ schedule.entriesCloseOn',
    );
    expect(refusal({ scoringClosesOn: '2027-05-31' })).toBe(
      'award-round.schedule-order @ schedule.scoringClosesOn',
    );
  });

  it('refuses a date beyond the year before and the year after the round’s year', () => {
    expect(refusal({ entriesOpenOn: '2025-12-31' })).toBe(
      'award-round.schedule-outside-years @ schedule.entriesOpenOn',
    );
    expect(refusal({ scoringClosesOn: '2029-01-01' })).toBe(
      'award-round.schedule-outside-years @ schedule.scoringClosesOn',
    );
    expect(refusal({ entriesOpenOn: '2026-01-01' })).toBeUndefined();
  });

  it('counts the complaint window and the last answer in working days, across Tết', () => {
    // Announced on Friday 2027-01-29, a week before Tết Đinh Mùi (2027-02-06) and its days off.
    const calendar = workingDayCalendar();
    const announcement = announce('2027-01-29', calendar);
    expect(announcement).toEqual({
      announcedOn: '2027-01-29',
      complaintsCloseOn: calendar.addWorkingDays('2027-01-29', 15),
      complaintAnswersDueBy: calendar.addWorkingDays(calendar.addWorkingDays('2027-01-29', 15), 10),
      calendarVersion: calendar.version.id,
    });
    expect(calendar.workingDaysBetween('2027-01-29', announcement.complaintsCloseOn)).toBe(15);
    // Fifteen working days take more than three calendar weeks when Tết falls inside them.
    const calendarDays = (Date.parse(announcement.complaintsCloseOn) - Date.parse('2027-01-29')) / 86_400_000;
    expect(calendarDays).toBeGreaterThan(21);
  });

  it('lists the dates known so far in the order of the round’s life', () => {
    expect(roundDeadlines(schedule, null).map((d) => d.kind)).toEqual([
      'entries-open',
      'entries-close',
      'scoring-close',
    ]);
    const announced = roundDeadlines(schedule, {
      announcedOn: '2027-09-20',
      complaintsCloseOn: '2027-10-11',
      complaintAnswersDueBy: '2027-10-25',
    });
    expect(announced.slice(3)).toEqual([
      { kind: 'announcement', on: '2027-09-20' },
      { kind: 'complaints-close', on: '2027-10-11' },
      { kind: 'complaint-answers-due', on: '2027-10-25' },
    ]);
  });
});
