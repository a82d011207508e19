import { basisPoints } from './report-views';

describe('occupancy in basis points', () => {
  it('rounds leased over leasable half up, exactly, and has none without leasable land', () => {
    expect(basisPoints(8175, 10800)).toBe(7569); // 75.6944…%
    expect(basisPoints(1, 8)).toBe(1250);
    expect(basisPoints(1, 20000)).toBe(1); // 0.5 basis point rounds up
    expect(basisPoints(0, 100)).toBe(0);
    expect(basisPoints(0, 0)).toBeNull();
  });
});
