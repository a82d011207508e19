import { referenceProvinces } from './province-directory';

describe('referenceProvinces', () => {
  it('holds a unit in force up to the day it ends (30 Hải Dương went into Hải Phòng on 2025-07-01)', () => {
    expect(referenceProvinces.isInForce('30', '2025-06-30')).toBe(true);
    expect(referenceProvinces.isInForce('30', '2025-07-01')).toBe(false);
    expect(referenceProvinces.isInForce('99', '2025-06-30')).toBe(false);
  });

  it("counts a code for a year when it named a unit on the year's first or last day", () => {
    expect(referenceProvinces.inForceDuring('30', 2025)).toBe(true);
    expect(referenceProvinces.inForceDuring('30', 2026)).toBe(false);
    expect(referenceProvinces.nameDuring('15', 2025)).toBe('Yên Bái');
    expect(referenceProvinces.nameDuring('30', 2026)).toBeUndefined();
  });

  it('tells the region of the unit a code names on a day', () => {
    expect(referenceProvinces.regionOf('01', '2026-01-01')).toBe('north');
    expect(referenceProvinces.regionOf('79', '2026-01-01')).toBe('south');
    expect(referenceProvinces.regionOf('30', '2026-01-01')).toBeUndefined();
  });

  it('answers no for a day the data does not cover', () => {
    expect(referenceProvinces.isInForce('01', '2000-01-01')).toBe(false);
  });
});
