import { RuleViolationError } from '@kc/errors';
import {
  assertProgrammeCovers,
  draftAnnualPlan,
  ownFundingSource,
  type ProvinceDirectory,
} from './annual-plan';

const provinces: ProvinceDirectory = {
  nameDuring: (code, year) =>
    code === '40' ? 'Nghệ An' : code === '36' && year < 2026 ? 'Nam Định' : undefined,
};

describe('annual plan', () => {
  it('names a national plan after its year', () => {
    const plan = draftAnnualPlan(
      { year: 2026, level: 'national', provinceCode: null, budgetVnd: 150_000_000_000 },
      provinces,
      '06-20',
    );
    expect(plan).toMatchObject({ name: 'Kế hoạch khuyến công quốc gia năm 2026', provinceCode: null });
  });

  it('names a provincial plan after its unit', () => {
    const plan = draftAnnualPlan(
      { year: 2026, level: 'provincial', provinceCode: '40', budgetVnd: 5_000_000_000 },
      provinces,
      '06-20',
    );
    expect(plan.name).toBe('Kế hoạch khuyến công địa phương năm 2026 — Nghệ An');
  });

  it('refuses a provincial plan for a unit that did not exist in its year', () => {
    const make = () =>
      draftAnnualPlan(
        { year: 2026, level: 'provincial', provinceCode: '36', budgetVnd: 1 },
        provinces,
        '06-20',
      );
    expect(make).toThrow(RuleViolationError);
    expect(make).toThrow(/36 did not exist in 2026/);
  });

  it('sets the registration deadline to the configured day of the year before, unless one is given', () => {
    const national = { year: 2026, level: 'national' as const, provinceCode: null, budgetVnd: 1 };
    expect(draftAnnualPlan(national, provinces, '06-20').registrationDeadline).toBe('2025-06-20');
    expect(
      draftAnnualPlan({ ...national, registrationDeadline: '2025-07-15' }, provinces, '06-20')
        .registrationDeadline,
    ).toBe('2025-07-15');
  });

  it('spends KCQG funds in the national plan and KCĐP funds in a provincial one', () => {
    expect(ownFundingSource('national')).toBe('KCQG');
    expect(ownFundingSource('provincial')).toBe('KCDP');
  });

  it('belongs only to a programme of its level that covers its year', () => {
    const plan = draftAnnualPlan(
      { year: 2026, level: 'national', provinceCode: null, budgetVnd: 1 },
      provinces,
      '06-20',
    );
    const programme = {
      code: 'KCQG-2021-2025',
      level: 'national' as const,
      provinceCode: null,
      firstYear: 2021,
      lastYear: 2025,
    };
    expect(() => assertProgrammeCovers(programme, plan)).toThrow(/does not cover the national plan of 2026/);
    expect(() =>
      assertProgrammeCovers({ ...programme, firstYear: 2026, lastYear: 2030 }, plan),
    ).not.toThrow();
    expect(() =>
      assertProgrammeCovers(
        { ...programme, level: 'provincial', provinceCode: '40', firstYear: 2026, lastYear: 2030 },
        plan,
      ),
    ).toThrow(RuleViolationError);
  });

  it('lets a provincial plan name only its own province’s programme, and the national plan only a national one', () => {
    const span = { code: 'KCDP-40-2026-2030', firstYear: 2026, lastYear: 2030 };
    const own = { ...span, level: 'provincial' as const, provinceCode: '40' };
    const plan = (provinceCode: string | null) =>
      draftAnnualPlan(
        { year: 2027, level: provinceCode ? 'provincial' : 'national', provinceCode, budgetVnd: 1 },
        { nameDuring: () => 'Tỉnh thử' },
        '06-20',
      );
    expect(() => assertProgrammeCovers(own, plan('40'))).not.toThrow();
    expect(() => assertProgrammeCovers(own, plan('01'))).toThrow(/only name its own province/);
    expect(() => assertProgrammeCovers(own, plan(null))).toThrow(/only name a national programme/);
    expect(() =>
      assertProgrammeCovers({ ...span, level: 'national', provinceCode: null }, plan('40')),
    ).toThrow(expect.objectContaining({ code: 'plan.programme-of-other-owner', field: 'programmeId' }));
  });
});
