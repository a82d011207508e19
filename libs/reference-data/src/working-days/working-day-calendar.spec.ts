import { calendarOfVersion, workingDayCalendar } from './working-day-calendar';

const calendar = workingDayCalendar();
const daysOff = (year: number, kind?: string) =>
  calendar
    .holidaysOf(year)
    .filter((h) => kind === undefined || h.kind === kind)
    .map((h) => h.date);
const nationalDays = (year: number) =>
  calendar
    .holidaysOf(year)
    .filter((h) => h.occasion === 'national-day' && h.kind === 'holiday')
    .map((h) => h.date);

describe('working-day calendar of state offices', () => {
  describe('holidays under the Labour Code 2012 (art. 115, until 2020)', () => {
    it('gives New Year, five Tết days, Hùng Kings, 30/4, 1/5 and 2/9 alone (2019)', () => {
      expect(daysOff(2019, 'holiday')).toEqual([
        '2019-01-01',
        '2019-02-04',
        '2019-02-05',
        '2019-02-06',
        '2019-02-07',
        '2019-02-08',
        '2019-04-14',
        '2019-04-30',
        '2019-05-01',
        '2019-09-02',
      ]);
      expect(calendar.holidaysOf(2019).every((h) => h.ruleSet === 'labour-code-2012')).toBe(true);
    });

    it('keeps National Day to one day through 2020', () => {
      expect(nationalDays(2020)).toEqual(['2020-09-02']);
      expect(calendar.isWorkingDay('2020-09-01')).toBe(true);
      expect(calendar.isWorkingDay('2020-09-03')).toBe(true);
    });
  });

  describe('holidays under the Labour Code 2019 (art. 112, from 2021)', () => {
    it.each([
      [2021, ['2021-09-02', '2021-09-03']],
      [2022, ['2022-09-01', '2022-09-02']],
      [2023, ['2023-09-01', '2023-09-02']],
      [2024, ['2024-09-02', '2024-09-03']],
      [2025, ['2025-09-01', '2025-09-02']],
    ])('gives National Day %i two days: 2/9 and the day the Prime Minister joined to it', (year, days) => {
      expect(nationalDays(year)).toEqual(days);
    });

    it('takes the neighbour of 2/9 from the notice where one is held, else derives it and says so', () => {
      const neighbour = (year: number, date: string) =>
        calendar.holidaysOf(year).find((h) => h.date === date && h.occasion === 'national-day');
      expect(neighbour(2024, '2024-09-03')).toMatchObject({ settledBy: 'notice' });
      expect(neighbour(2024, '2024-09-03')?.basis.vi).toContain('8662/VPCP-KGVX');
      expect(neighbour(2022, '2022-09-01')).toMatchObject({ settledBy: 'derived' });
      expect(neighbour(2022, '2022-09-01')?.basis.en).toContain('derived from the rules');
    });

    it('names every day off in both languages with its legal basis', () => {
      for (const day of calendar.holidaysOf(2025)) {
        expect(day.name.vi).not.toBe('');
        expect(day.name.en).not.toBe('');
        expect(day.basis.vi).toMatch(/Bộ luật Lao động số 45\/2019\/QH14|văn bản số/);
      }
      expect(calendar.holidaysOf(2025)[0]).toEqual({
        date: '2025-01-01',
        occasion: 'new-year',
        kind: 'holiday',
        name: { vi: 'Tết Dương lịch', en: "New Year's Day" },
        basis: {
          vi: 'Bộ luật Lao động số 45/2019/QH14, Điều 112 khoản 1',
          en: 'Labour Code No. 45/2019/QH14, art. 112(1)',
        },
        settledBy: 'law',
        ruleSet: 'labour-code-2019',
      });
    });
  });

  describe('compensatory days: a holiday on a weekly rest day gives the next working day off', () => {
    it('under the 2012 code: 2/9/2018 fell on a Sunday, so Monday 3/9 was off', () => {
      expect(daysOff(2018, 'compensatory')).toContain('2018-09-03');
      expect(calendar.isWorkingDay('2018-09-03')).toBe(false);
    });

    it('under the 2019 code: New Year 2022 on a Saturday, 30/4 and 1/5 on a weekend', () => {
      expect(daysOff(2022, 'compensatory')).toEqual(['2022-01-03', '2022-04-11', '2022-05-02', '2022-05-03']);
    });

    it('pushes adjoining holidays along: Hùng Kings (Sat 29/4/2023) and 30/4 (Sun) rest on 2/5 and 3/5', () => {
      const compensations = calendar.holidaysOf(2023).filter((h) => h.kind === 'compensatory');
      expect(compensations.map((h) => [h.date, h.occasion])).toContainEqual(['2023-05-02', 'hung-kings']);
      expect(compensations.map((h) => [h.date, h.occasion])).toContainEqual(['2023-05-03', 'reunification']);
      expect(calendar.isWorkingDay('2023-05-04')).toBe(true);
    });

    it('gives Tết days on a weekend their compensatory days: 13 and 14 February 2024', () => {
      expect(daysOff(2024, 'compensatory')).toEqual(['2024-02-13', '2024-02-14']);
    });
  });

  describe('breaks and swaps announced for civil servants', () => {
    it.each([
      ['2024-02-07', '2024-02-08', '2024-02-14', '2024-02-15'],
      ['2025-01-24', '2025-01-25', '2025-02-02', '2025-02-03'],
      ['2026-02-13', '2026-02-14', '2026-02-22', '2026-02-23'],
    ])('works on %s, rests from %s to %s for Tết, works again on %s', (before, from, to, after) => {
      expect(calendar.isWorkingDay(before)).toBe(true);
      expect(calendar.workingDaysBetween(before, to)).toBe(0);
      expect([from, to].map((d) => calendar.isWorkingDay(d))).toEqual([false, false]);
      expect(calendar.isWorkingDay(after)).toBe(true);
    });

    it.each([
      ['2019-01-05', '2018-12-31'],
      ['2024-05-04', '2024-04-29'],
      ['2025-04-26', '2025-05-02'],
      ['2026-01-10', '2026-01-02'],
    ])('works on Saturday %s in exchange for %s off', (saturday, dayOff) => {
      expect(calendar.isWorkingDay(saturday)).toBe(true);
      expect(calendar.isWorkingDay(dayOff)).toBe(false);
      const swapped = calendar.holidaysOf(Number(dayOff.slice(0, 4))).find((h) => h.date === dayOff);
      expect(swapped).toMatchObject({ kind: 'swapped', settledBy: 'notice', workedInstead: saturday });
    });

    it('derives a year without a notice from the rules and marks it: Tết 2027', () => {
      const tet = calendar.holidaysOf(2027).filter((h) => h.occasion === 'tet');
      expect(tet.map((h) => [h.date, h.kind])).toEqual([
        ['2027-02-05', 'holiday'],
        ['2027-02-06', 'holiday'],
        ['2027-02-07', 'holiday'],
        ['2027-02-08', 'holiday'],
        ['2027-02-09', 'holiday'],
        ['2027-02-10', 'compensatory'],
        ['2027-02-11', 'compensatory'],
      ]);
      expect(tet.every((h) => h.settledBy === 'derived')).toBe(true);
    });

    it('rests on Saturdays and Sundays otherwise', () => {
      expect(calendar.isWorkingDay('2025-06-07')).toBe(false);
      expect(calendar.isWorkingDay('2025-06-08')).toBe(false);
      expect(calendar.isWorkingDay('2025-06-09')).toBe(true);
    });
  });

  describe('deadlines in working days', () => {
    it('counts 15 working days after 31/1/2024 past the Tết break to 28/2/2024', () => {
      // Feb 2024: Thu 1 (1), Fri 2 (2), Mon 5–Wed 7 (3–5); Thu 8–Wed 14 Tết; Thu 15, Fri 16 (6, 7),
      // Mon 19–Fri 23 (8–12), Mon 26 (13), Tue 27 (14), Wed 28 (15). Without Tết it would be Wed 21.
      expect(calendar.addWorkingDays('2024-01-31', 15)).toBe('2024-02-28');
      expect(calendar.workingDaysBetween('2024-01-31', '2024-02-28')).toBe(15);
    });

    it('gives the council 10 working days after that complaint window: 13/3/2024', () => {
      // Thu 29/2 (1), Fri 1/3 (2), Mon 4–Fri 8 (3–7), Mon 11 (8), Tue 12 (9), Wed 13 (10).
      expect(calendar.addWorkingDays('2024-02-28', 10)).toBe('2024-03-13');
    });

    it('counts 15 working days after 20/1/2025 past the nine-day Tết break to 17/2/2025', () => {
      // Tue 21–Fri 24 Jan (1–4); Sat 25 Jan–Sun 2 Feb Tết; Mon 3–Fri 7 (5–9), Mon 10–Fri 14 (10–14), Mon 17 (15).
      expect(calendar.addWorkingDays('2025-01-20', 15)).toBe('2025-02-17');
    });

    it('counts the Saturday worked in a swap: 3 working days after Thu 24/4/2025 is Mon 28/4', () => {
      // Fri 25 (1), Sat 26 worked instead of Fri 2/5 (2), Mon 28 (3).
      expect(calendar.addWorkingDays('2025-04-24', 3)).toBe('2025-04-28');
    });

    it('returns the date itself for n = 0, even on a day off', () => {
      expect(calendar.addWorkingDays('2024-02-10', 0)).toBe('2024-02-10');
      expect(calendar.workingDaysBetween('2024-02-10', '2024-02-10')).toBe(0);
    });

    it('counts between two dates as the inverse of adding, and always lands on a working day', () => {
      for (const start of ['2019-04-26', '2021-02-05', '2023-04-28', '2024-08-30', '2025-12-31']) {
        for (const n of [1, 5, 15, 40]) {
          const end = calendar.addWorkingDays(start, n);
          expect(calendar.isWorkingDay(end)).toBe(true);
          expect(calendar.workingDaysBetween(start, end)).toBe(n);
        }
      }
    });
  });

  describe('versions', () => {
    it('carries the version id and dates a schedule records', () => {
      expect(calendar.version).toEqual({
        id: 'vn-state-offices@2025-12-25',
        effectiveFrom: '2025-12-25',
        effectiveTo: null,
      });
      expect(calendar.coverage).toEqual({ from: '2018-01-01', to: '2100-12-31' });
      expect(workingDayCalendar('vn-state-offices@2025-12-25')).toBe(calendar);
    });

    it('leaves out notices issued after a version: before 25/12/2025, 2/1/2026 was a working day', () => {
      const earlier = calendarOfVersion({
        id: 'test',
        effectiveFrom: '2025-12-01',
        effectiveTo: '2025-12-24',
      });
      expect(earlier.isWorkingDay('2026-01-02')).toBe(true);
      expect(earlier.isWorkingDay('2026-01-10')).toBe(false);
      expect(calendar.isWorkingDay('2026-01-02')).toBe(false);
    });

    it('refuses an unknown version', () => {
      expect(() => workingDayCalendar('vn-state-offices@2020-01-01')).toThrow(
        new RangeError(
          'unknown working-day calendar version "vn-state-offices@2020-01-01" (known: vn-state-offices@2025-12-25)',
        ),
      );
    });
  });

  describe('invalid input (RangeError, as iso-date does)', () => {
    it('refuses a date that is not a real YYYY-MM-DD date', () => {
      expect(() => calendar.isWorkingDay('2025-02-30')).toThrow(
        new RangeError('date must be a real calendar date in YYYY-MM-DD form, got "2025-02-30"'),
      );
      expect(() => calendar.workingDaysBetween('2025-01-01', '2025/02/01')).toThrow(
        new RangeError('to must be a real calendar date in YYYY-MM-DD form, got "2025/02/01"'),
      );
    });

    it.each([-1, 1.5, Number.NaN])('refuses n = %p', (n) => {
      expect(() => calendar.addWorkingDays('2025-03-03', n)).toThrow(
        new RangeError(`n must be a whole number of working days, 0 or more, got ${n}`),
      );
    });

    it('refuses a span that ends before it starts', () => {
      expect(() => calendar.workingDaysBetween('2025-03-10', '2025-03-03')).toThrow(
        new RangeError('to (2025-03-03) must not be before from (2025-03-10)'),
      );
    });

    it('refuses dates outside its coverage rather than guessing', () => {
      expect(() => calendar.isWorkingDay('2017-12-29')).toThrow(
        new RangeError(
          'date (2017-12-29) is outside the working-day calendar, which covers 2018-01-01 to 2100-12-31',
        ),
      );
      expect(() => calendar.holidaysOf(2101)).toThrow(
        new RangeError('year must be from 2018 to 2100, got 2101'),
      );
      expect(() => calendar.addWorkingDays('2100-12-28', 5)).toThrow(
        new RangeError(
          '5 working days after 2100-12-28 run past 2100-12-31, the end of the working-day calendar',
        ),
      );
    });
  });
});
