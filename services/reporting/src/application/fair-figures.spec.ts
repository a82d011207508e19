import { fairTotals } from './fair-figures';

describe('fair figures', () => {
  it('adds the provinces up to the fair', () => {
    expect(
      fairTotals([
        {
          provinceCode: '01',
          facilities: 2,
          boothsAllocated: 3,
          boothsSupported: 2,
          rentVnd: 36_000_000,
          supportVnd: 24_000_000,
        },
        {
          provinceCode: '40',
          facilities: 1,
          boothsAllocated: 1,
          boothsSupported: 0,
          rentVnd: 12_000_000,
          supportVnd: 0,
        },
      ]),
    ).toEqual({
      facilities: 3,
      boothsAllocated: 4,
      boothsSupported: 2,
      rentVnd: 48_000_000,
      supportVnd: 24_000_000,
    });
  });

  it('is all zeros for a fair with no booths yet', () => {
    expect(fairTotals([])).toEqual({
      facilities: 0,
      boothsAllocated: 0,
      boothsSupported: 0,
      rentVnd: 0,
      supportVnd: 0,
    });
  });
});
