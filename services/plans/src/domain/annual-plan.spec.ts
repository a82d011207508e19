import { RuleViolationError } from '@kc/errors';
import { draftAnnualPlan, type ProvinceDirectory } from './annual-plan';

const provinces: ProvinceDirectory = {
  nameDuring: (code, year) =>
    code === '40' ? 'Nghệ An' : code === '36' && year < 2026 ? 'Nam Định' : undefined,
};

describe('annual plan', () => {
  it('names a national plan after its year', () => {
    const plan = draftAnnualPlan(
      { year: 2026, level: 'national', provinceCode: null, budgetVnd: 150_000_000_000 },
      provinces,
    );
    expect(plan).toMatchObject({ name: 'Kế hoạch khuyến công quốc gia năm 2026', provinceCode: null });
  });

  it('names a provincial plan after its unit', () => {
    const plan = draftAnnualPlan(
      { year: 2026, level: 'provincial', provinceCode: '40', budgetVnd: 5_000_000_000 },
      provinces,
    );
    expect(plan.name).toBe('Kế hoạch khuyến công địa phương năm 2026 — Nghệ An');
  });

  it('refuses a provincial plan for a unit that did not exist in its year', () => {
    const make = () =>
      draftAnnualPlan({ year: 2026, level: 'provincial', provinceCode: '36', budgetVnd: 1 }, provinces);
    expect(make).toThrow(RuleViolationError);
    expect(make).toThrow(/36 did not exist in 2026/);
  });
});
