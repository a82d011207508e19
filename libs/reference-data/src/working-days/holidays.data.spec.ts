import { nextDay } from '../iso-date';
import { calendarVersions, holidayNotices, holidayRuleSets } from './holidays.data';
import { lunarNewYear } from './lunar';
import { workingDayCalendar } from './working-day-calendar';

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('holiday data', () => {
  it('has one rule set in force on every day from the 2012 code on: 2012 until 2020, 2019 from 2021', () => {
    expect(holidayRuleSets.map((r) => [r.id, r.validFrom, r.validTo])).toEqual([
      ['labour-code-2012', '2013-05-01', '2020-12-31'],
      ['labour-code-2019', '2021-01-01', null],
    ]);
    expect(holidayRuleSets.map((r) => r.nationalDayAdjacentDay)).toEqual([false, true]);
  });

  it('lists the notices oldest first, each number once', () => {
    const issued = holidayNotices.map((n) => n.issuedOn);
    expect(issued).toEqual([...issued].sort());
    const references = holidayNotices.map((n) => n.reference);
    expect(new Set(references).size).toBe(references.length);
  });

  it('puts every notice into the current version, so that adding one needs a new version', () => {
    const current = calendarVersions.filter((v) => v.effectiveTo === null);
    expect(current).toHaveLength(1);
    for (const notice of holidayNotices) expect(notice.issuedOn <= current[0].effectiveFrom).toBe(true);
  });

  it.each(holidayNotices.filter((n) => n.tetDays).map((n) => [n.reference, n]))(
    '%s fixes five consecutive Tết days that include the first day of the lunar year',
    (_, notice) => {
      const days = notice.tetDays ?? [];
      expect(days).toHaveLength(5);
      days.slice(1).forEach((day, i) => expect(day).toBe(nextDay(days[i])));
      expect(days).toContain(lunarNewYear(notice.year));
    },
  );

  it('swaps a weekday off for a Saturday worked', () => {
    const swaps = holidayNotices.flatMap((n) => n.swaps ?? []);
    expect(swaps.length).toBeGreaterThan(0);
    for (const swap of swaps) {
      expect([1, 2, 3, 4, 5]).toContain(weekday(swap.dayOff));
      expect(weekday(swap.workedOn)).toBe(6);
    }
  });

  it('adds to 2 September only a day right before or after it', () => {
    for (const notice of holidayNotices.filter((n) => n.nationalDayAdjacent)) {
      expect([`${notice.year}-09-01`, `${notice.year}-09-03`]).toContain(notice.nationalDayAdjacent);
    }
  });

  it.each(holidayNotices.flatMap((n) => n.breaks.map((b) => [n.reference, b.occasion, b.from, b.to])))(
    'the calendar keeps the break that %s words for %s, %s to %s, free of working days',
    (_, __, from, to) => {
      const calendar = workingDayCalendar();
      for (let day = from; day <= to; day = nextDay(day))
        expect([day, calendar.isWorkingDay(day)]).toEqual([day, false]);
    },
  );
});
