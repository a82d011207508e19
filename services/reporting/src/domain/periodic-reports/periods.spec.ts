import {
  nextPeriod,
  parsePeriod,
  periodContaining,
  periodId,
  periodLabel,
  periodWindow,
  type Period,
} from './periods';

describe('reporting periods', () => {
  it.each([
    ['2026-M03', { frequency: 'month', year: 2026, month: 3 }],
    ['2026-Q1', { frequency: 'quarter', year: 2026, quarter: 1 }],
    ['2026-H2', { frequency: 'half-year', year: 2026, half: 2 }],
    ['2026-Y', { frequency: 'year', year: 2026 }],
  ])('reads and writes %s', (id, period) => {
    expect(parsePeriod(id)).toEqual(period);
    expect(periodId(period as Period)).toBe(id);
  });

  it.each([
    '2026-M13',
    '2026-M00',
    '2026-Q5',
    '2026-H3',
    '2026',
    '2017-Q1',
    '2101-Y',
    '2026-m03',
    ' 2026-Q1',
  ])('refuses %j', (id) => {
    expect(() => parsePeriod(id)).toThrow(RangeError);
  });

  it.each([
    ['2026-M02', '2026-02-01', '2026-02-28'],
    ['2028-M02', '2028-02-01', '2028-02-29'],
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-Q3', '2026-07-01', '2026-09-30'],
    ['2026-H1', '2026-01-01', '2026-06-30'],
    ['2026-H2', '2026-07-01', '2026-12-31'],
    ['2026-Y', '2026-01-01', '2026-12-31'],
  ])('%s covers %s to %s', (id, from, to) => {
    expect(periodWindow(parsePeriod(id))).toEqual({ from, to });
  });

  it('finds the period containing a day and the one after it, across a year end', () => {
    expect(periodId(periodContaining('quarter', '2026-06-30'))).toBe('2026-Q2');
    expect(periodId(periodContaining('quarter', '2026-07-01'))).toBe('2026-Q3');
    expect(periodId(periodContaining('half-year', '2026-07-01'))).toBe('2026-H2');
    expect(periodId(nextPeriod(parsePeriod('2026-Q4')))).toBe('2027-Q1');
    expect(periodId(nextPeriod(parsePeriod('2026-M12')))).toBe('2027-M01');
    expect(periodId(nextPeriod(parsePeriod('2026-H1')))).toBe('2026-H2');
  });

  it('names a period in Vietnamese first', () => {
    expect(periodLabel(parsePeriod('2026-Q4'))).toEqual({ vi: 'quý IV năm 2026', en: 'Q4 2026' });
    expect(periodLabel(parsePeriod('2026-H1')).vi).toBe('6 tháng đầu năm 2026');
    expect(periodLabel(parsePeriod('2026-M03')).vi).toBe('tháng 03/2026');
  });
});
