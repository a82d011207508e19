import { assertIsoDate, isIsoDate, nextDay, vietnamDate } from './iso-date';

describe('ISO dates', () => {
  it.each(['2024-02-29', '2000-02-29', '2025-12-31', '2025-01-01'])('accepts the real date %p', (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it.each([
    '2025-02-30',
    '2025-02-29',
    '1900-02-29',
    '2025-04-31',
    '2025-00-10',
    '2025-1-01',
    '20250101',
    20250101,
  ])('rejects %p', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });

  it('names the parameter in the RangeError', () => {
    expect(() => assertIsoDate('2025-02-30', 'asOf')).toThrow(
      new RangeError('asOf must be a real calendar date in YYYY-MM-DD form, got "2025-02-30"'),
    );
  });

  it('steps to the next day across month and year ends', () => {
    expect(nextDay('2025-06-30')).toBe('2025-07-01');
    expect(nextDay('2024-12-31')).toBe('2025-01-01');
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
  });

  it('reads the calendar day in Việt Nam, which turns at 17:00 UTC', () => {
    expect(vietnamDate(new Date('2026-03-01T16:59:59Z'))).toBe('2026-03-01');
    expect(vietnamDate(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
    expect(vietnamDate(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
    expect(vietnamDate(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
  });

  it('keeps UTC+7 all year: no daylight saving moves the boundary', () => {
    expect(vietnamDate(new Date('2026-07-14T16:59:59.999Z'))).toBe('2026-07-14');
    expect(vietnamDate(new Date('2026-01-14T17:00:00Z'))).toBe('2026-01-15');
  });
});
