import { leapMonthOf, lunarNewYear, lunarToSolar, solarToLunar } from './lunar';

describe('Vietnamese lunar calendar', () => {
  it.each([
    [2018, '2018-02-16'],
    [2019, '2019-02-05'],
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
  ])('puts Tết %i on %s', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
    expect(solarToLunar(date)).toEqual({ year, month: 1, day: 1, leap: false });
  });

  it('follows UTC+7, not Beijing time, where the two differ (Tết 1985 and 2007)', () => {
    expect(lunarNewYear(1985)).toBe('1985-01-21');
    expect(lunarNewYear(2007)).toBe('2007-02-17');
  });

  it('puts Tết 1900 and 2100 at the ends of the range', () => {
    expect(lunarNewYear(1900)).toBe('1900-01-31');
    expect(solarToLunar('1900-01-01')).toEqual({ year: 1899, month: 12, day: 1, leap: false });
    expect(solarToLunar('2100-12-31').year).toBe(2100);
  });

  it.each([
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
  ])("puts the Hùng Kings' day (10/3) of %i on %s", (year, date) => {
    expect(lunarToSolar({ year, month: 3, day: 10, leap: false })).toBe(date);
  });

  it('knows the leap months: the 4th in 2020, the 2nd in 2023, the 6th in 2025, none in 2024', () => {
    expect(leapMonthOf(2020)).toBe(4);
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2024)).toBeNull();
  });

  it('tells the leap month from the month it repeats (2020: 4 from 23 April, leap 4 from 23 May)', () => {
    expect(lunarToSolar({ year: 2020, month: 4, day: 1, leap: false })).toBe('2020-04-23');
    expect(lunarToSolar({ year: 2020, month: 4, day: 1, leap: true })).toBe('2020-05-23');
    expect(solarToLunar('2020-05-23')).toEqual({ year: 2020, month: 4, day: 1, leap: true });
    expect(solarToLunar('2020-06-21')).toEqual({ year: 2020, month: 5, day: 1, leap: false });
    expect(solarToLunar('2023-03-22')).toEqual({ year: 2023, month: 2, day: 1, leap: true });
  });

  it('knows whether the last month of a year has 29 or 30 days (no 30 Tết before 2025, 30 Tết before 2023)', () => {
    expect(solarToLunar('2025-01-28')).toEqual({ year: 2024, month: 12, day: 29, leap: false });
    expect(solarToLunar('2023-01-21')).toEqual({ year: 2022, month: 12, day: 30, leap: false });
  });

  it('turns back to the same solar day for every day from 1900 to 2100', () => {
    const mismatches: string[] = [];
    for (let day = new Date('1900-01-01T00:00:00Z'); day.getUTCFullYear() <= 2100; ) {
      const iso = day.toISOString().slice(0, 10);
      const lunar = solarToLunar(iso);
      if (lunar.day < 1 || lunar.day > 30 || lunarToSolar(lunar) !== iso) mismatches.push(iso);
      day.setUTCDate(day.getUTCDate() + 1);
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    [{ year: 2024, month: 4, day: 1, leap: true }, 'lunar date 1/4 (leap)/2024 does not exist'],
    [{ year: 2020, month: 2, day: 1, leap: true }, 'lunar date 1/2 (leap)/2020 does not exist'],
    [{ year: 2024, month: 12, day: 30, leap: false }, 'lunar date 30/12/2024 does not exist'],
    [{ year: 2024, month: 13, day: 1, leap: false }, 'lunar month must be 1–12 and day 1–30, got 13/1'],
    [{ year: 2101, month: 1, day: 1, leap: false }, 'lunar year must be a year from 1899 to 2100, got 2101'],
  ])('refuses a lunar date that does not exist: %p', (lunar, message) => {
    expect(() => lunarToSolar(lunar)).toThrow(new RangeError(message));
  });

  it('refuses a solar date that is not a real date or lies outside 1900–2100', () => {
    expect(() => solarToLunar('2025-02-30')).toThrow(RangeError);
    expect(() => solarToLunar('1899-12-31')).toThrow(
      new RangeError('date must be a year from 1900 to 2100, got 1899'),
    );
  });
});
