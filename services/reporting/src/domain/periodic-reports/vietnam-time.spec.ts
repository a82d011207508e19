import { dayBefore, vietnamDate } from '@kc/reference-data';
import { addDays, daysBetween, instantMs, startOfVietnamDay, vietnamDayOf } from './vietnam-time';

describe('Vietnamese time', () => {
  it('refuses a timestamp without an offset or with an impossible date or time', () => {
    for (const bad of [
      '2026-04-15T10:00:00',
      '2026-02-30T10:00:00+07:00',
      '2026-04-15T24:00:00+07:00',
      '2026-04-15',
      '15/04/2026 10:00',
    ]) {
      expect(() => instantMs(bad)).toThrow(RangeError);
    }
    expect(instantMs('2026-04-15T10:00:00.123+07:00')).toBe(Date.UTC(2026, 3, 15, 3, 0, 0, 123));
  });

  it('reads the calendar day in Việt Nam whatever offset the instant is written with', () => {
    expect(vietnamDayOf('2026-04-15T16:59:59Z')).toBe('2026-04-15');
    expect(vietnamDayOf('2026-04-15T17:00:00Z')).toBe('2026-04-16');
    expect(vietnamDayOf('2026-04-15T12:30:00-05:00')).toBe('2026-04-16');
    expect(vietnamDayOf('2026-04-16T00:00:00+07:00')).toBe('2026-04-16');
  });

  it('puts the start of a Vietnamese day where the time-zone database does, over years of days', () => {
    for (let day = '2018-01-01'; day <= '2030-12-31'; day = addDays(day, 37)) {
      const start = instantMs(startOfVietnamDay(day));
      expect([vietnamDate(new Date(start)), vietnamDate(new Date(start - 1))]).toEqual([day, dayBefore(day)]);
    }
  });

  it('counts whole calendar days', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2026-03-02', '2026-02-27')).toBe(-3);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });
});
