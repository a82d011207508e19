import { addFigures, zeroFigures } from './figures';

describe('conference figures', () => {
  it('adds figure by figure', () => {
    expect(addFigures(zeroFigures(), { plans: 1, planBudgetVnd: 5 })).toMatchObject({
      plans: 1,
      planBudgetVnd: 5,
      fairs: 0,
    });
  });

  it('starts the booth figures at zero and adds them like the others', () => {
    expect(addFigures(zeroFigures(), { boothsAllocated: 3, boothSupportVnd: 9_600_000 })).toMatchObject({
      boothsAllocated: 3,
      boothsSupported: 0,
      boothSupportVnd: 9_600_000,
    });
  });

  it('refuses a VND total that a number cannot hold exactly', () => {
    const big = addFigures(zeroFigures(), { approvedSupportVnd: Number.MAX_SAFE_INTEGER });
    expect(() => addFigures(big, { approvedSupportVnd: 1 })).toThrow(RangeError);
  });
});
