import { historicalUnitsDate, lastReadingDateUpTo, readingDateForYear, readingDate } from './province-dates';

describe('province reading dates', () => {
  it("reads a year's code on 1 January when it named a unit then", () => {
    expect(readingDateForYear('15', 2025)).toBe('2025-01-01'); // Yên Bái, as the plans service reads it
    expect(readingDateForYear('40', 2027)).toBe('2027-01-01');
  });

  it("falls back to 31 December for a code that only the year's end knows", () => {
    expect(readingDateForYear('36', 2008)).toBe('2008-12-31'); // the data starts on 2008-08-01
  });

  it('finds no date for a code that named no unit in the year', () => {
    expect(readingDateForYear('36', 2026)).toBeUndefined(); // Nam Định ended in 2025
  });

  it('prefers the first candidate date that names a unit', () => {
    expect(readingDate('15', ['2025-10-01', '2025-01-01'])).toBe('2025-10-01');
  });

  it('reads a code recorded by some day on that day while it still names a unit', () => {
    expect(lastReadingDateUpTo('40', '2027-10-20')).toBe('2027-10-20');
    expect(lastReadingDateUpTo('37', '2025-10-20')).toBe('2025-10-20'); // the new Ninh Bình
  });

  it('reads an ended code on the last day it named a unit', () => {
    expect(lastReadingDateUpTo('36', '2025-10-20')).toBe('2025-06-30'); // Nam Định
    expect(lastReadingDateUpTo('36', '2025-06-30')).toBe('2025-06-30');
  });

  it('finds no day for a code that named no unit by then', () => {
    expect(lastReadingDateUpTo('99', '2025-10-20')).toBeUndefined();
    expect(lastReadingDateUpTo('40', '2008-07-31')).toBeUndefined(); // before the data starts
  });

  it('shows a historical year with its 1 January units, not before the data starts', () => {
    expect(historicalUnitsDate(2018)).toBe('2018-01-01');
    expect(historicalUnitsDate(2008)).toBe('2008-08-01');
  });
});
