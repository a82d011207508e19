import { CRITERIA, sheetBody, sheetTotals, splitTotal } from './sheets';

describe('the benchmark sheets', () => {
  it('split a total over the four criteria within their maxima, summing to it exactly', () => {
    for (let total = 0; total <= 1000; total++) {
      const parts = splitTotal(total);
      expect(Object.values(parts).reduce((s, p) => s + p, 0)).toBe(total);
      for (const [id, max] of CRITERIA) expect(parts[id]).toBeLessThanOrEqual(max);
    }
  });

  it('refuse a total a sheet cannot have', () => {
    expect(() => splitTotal(1001)).toThrow(RangeError);
    expect(() => splitTotal(70.5)).toThrow(RangeError);
  });

  it('send points with at most one decimal', () => {
    expect(sheetBody(712).scores).toEqual({
      market: 28.6,
      'economic-technical-social-environmental': 28.4,
      'cultural-aesthetic': 7.1,
      other: 7.1,
    });
    expect(sheetBody(999).scores).toEqual({
      market: 40,
      'economic-technical-social-environmental': 40,
      'cultural-aesthetic': 10,
      other: 9.9,
    });
  });

  it('give about the asked share of passing entries, the same for the same seed', () => {
    const totals = sheetTotals(4000, 11, 0.3);
    const passed = totals.filter((t) => t.reduce((s, x) => s + x, 0) >= 700 * t.length).length;
    expect(passed / 4000).toBeGreaterThan(0.25);
    expect(passed / 4000).toBeLessThan(0.35);
    expect(sheetTotals(50, 11, 0.3)).toEqual(sheetTotals(50, 11, 0.3));
  });
});
