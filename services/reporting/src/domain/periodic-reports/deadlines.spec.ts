import { workingDayCalendar } from '@kc/reference-data';
import { deadlineOf, isPastDeadline, latenessOf, type DeadlineRule } from './deadlines';
import { parsePeriod } from './periods';

const calendar = workingDayCalendar();
const basis = { vi: 'thử', en: 'test' };
const byThe15th: DeadlineRule = {
  monthsAfterPeriodEnd: 1,
  day: 15,
  bound: 'on-or-before',
  ifDayOff: 'next-working-day',
  basis,
  assumption: true,
};

describe('the deadline of a period', () => {
  it('falls on the 15th of the month after a quarter, late from 00:00 Vietnamese time the day after', () => {
    expect(deadlineOf(parsePeriod('2026-Q1'), byThe15th, calendar)).toMatchObject({
      namedDay: '2026-04-15',
      lastOnTimeDay: '2026-04-15',
      lateFrom: '2026-04-16T00:00:00+07:00',
      moved: false,
      calendarVersion: calendar.version.id,
    });
    expect(deadlineOf(parsePeriod('2026-Q4'), byThe15th, calendar).lastOnTimeDay).toBe('2027-01-15');
    expect(deadlineOf(parsePeriod('2026-H1'), byThe15th, calendar).lastOnTimeDay).toBe('2026-07-15');
  });

  it('moves past a weekend and the Tết break to the next working day when the rule says so', () => {
    // 15/02/2026 is a Sunday; Tết 2026 keeps state offices closed until Sunday 22/02.
    const january = parsePeriod('2026-M01');
    expect(deadlineOf(january, byThe15th, calendar)).toMatchObject({
      namedDay: '2026-02-15',
      lastOnTimeDay: '2026-02-23',
      moved: true,
    });
    const literal = deadlineOf(january, { ...byThe15th, ifDayOff: 'keep' });
    expect(literal).toMatchObject({ lastOnTimeDay: '2026-02-15', moved: false, calendarVersion: null });
  });

  it('reads "before the 25th" as the 24th being the last on-time day, inside the month itself', () => {
    const rule: DeadlineRule = {
      ...byThe15th,
      monthsAfterPeriodEnd: 0,
      day: 25,
      bound: 'before',
      ifDayOff: 'keep',
    };
    expect(deadlineOf(parsePeriod('2026-M03'), rule).lastOnTimeDay).toBe('2026-03-24');
  });

  it('takes the last day of a month of any length', () => {
    const rule: DeadlineRule = { ...byThe15th, day: 'last', ifDayOff: 'keep' };
    expect(deadlineOf(parsePeriod('2027-M01'), rule).lastOnTimeDay).toBe('2027-02-28');
    expect(deadlineOf(parsePeriod('2028-M01'), rule).lastOnTimeDay).toBe('2028-02-29');
  });

  it('refuses a rule that cannot be computed', () => {
    expect(() => deadlineOf(parsePeriod('2026-Q1'), byThe15th)).toThrow(/working-day calendar/);
    expect(() => deadlineOf(parsePeriod('2026-Q1'), { ...byThe15th, day: 31 }, calendar)).toThrow(RangeError);
  });
});

describe('lateness', () => {
  const deadline = deadlineOf(parsePeriod('2026-Q1'), byThe15th, calendar);

  it.each([
    ['2026-04-01T09:00:00+07:00', true, 0],
    ['2026-04-15T23:59:59+07:00', true, 0],
    ['2026-04-15T23:59:59.999+07:00', true, 0],
    ['2026-04-15T16:59:59Z', true, 0],
    ['2026-04-16T00:00:00+07:00', false, 1],
    ['2026-04-15T17:00:00Z', false, 1],
    ['2026-04-20T09:00:00+07:00', false, 5],
  ])('a submission at %s is on time: %s, days late: %i', (at, onTime, daysLate) => {
    expect(latenessOf(deadline, at)).toMatchObject({ onTime, daysLate });
  });

  it('passes at midnight Vietnamese time, not midnight UTC', () => {
    expect(isPastDeadline(deadline, '2026-04-15T23:59:59+07:00')).toBe(false);
    expect(isPastDeadline(deadline, '2026-04-15T17:00:00Z')).toBe(true);
  });
});
