import { compareRatios, meanOfRatios, percent, ratio, showPercent } from './exact-ratio';

describe('exact ratios', () => {
  it('compares fractions exactly', () => {
    expect(compareRatios(ratio(1, 2), ratio(2500, 5000))).toBe(0);
    expect(compareRatios(ratio(2501, 5000), percent(50))).toBe(1);
    expect(compareRatios(ratio(2399, 4000), percent(60))).toBe(-1);
  });

  it('takes the mean of rates exactly, where floating point lands beside the threshold', () => {
    // 2/3, 4/5 and 1/30 average exactly one half; in doubles the mean comes out just above it.
    expect((2 / 3 + 4 / 5 + 1 / 30) / 3).toBeGreaterThan(0.5);
    const rates = [ratio(5000, 7500), ratio(6000, 7500), ratio(250, 7500)];
    expect(compareRatios(meanOfRatios(rates), percent(50))).toBe(0);
  });

  it('refuses a zero denominator and the mean of nothing', () => {
    expect(() => ratio(1, 0)).toThrow(RangeError);
    expect(() => meanOfRatios([])).toThrow(RangeError);
  });

  it('shows a percentage rounded half up, or down for a refusal', () => {
    expect(showPercent(ratio(2399, 4000))).toEqual({ vi: '60%', en: '60%' });
    expect(showPercent(ratio(2399, 4000), 1, 'down')).toEqual({ vi: '59,9%', en: '59.9%' });
    expect(showPercent(ratio(1, 3), 2)).toEqual({ vi: '33,33%', en: '33.33%' });
    expect(showPercent(ratio(2, 3), 2)).toEqual({ vi: '66,67%', en: '66.67%' });
    expect(showPercent(ratio(5, 8), 0)).toEqual({ vi: '63%', en: '63%' });
  });
});
