import { RuleViolationError } from '@kc/errors';
import type { ProvinceDirectory } from './annual-plan';
import { assertProvincialProgramme, nationalGroupsFor, type NationalPeriod } from './programme';

// Nam Định (36) merged into Ninh Bình in 2025: it is no unit of the 2026–2030 period.
const provinces: ProvinceDirectory = {
  nameDuring: (code, year) =>
    code === '40' ? 'Nghệ An' : code === '36' && year <= 2025 ? 'Nam Định' : undefined,
};
const group = (code: string, contents: number[]) => ({
  code,
  nameVi: `Nhóm ${code}`,
  nameEn: `Group ${code}`,
  activityContents: contents,
  verified: false,
});
const nationals: NationalPeriod[] = [
  { code: 'KCQG-2021-2025', firstYear: 2021, lastYear: 2025, contentGroups: [group('N1', [1, 2])] },
  { code: 'KCQG-2026-2030', firstYear: 2026, lastYear: 2030, contentGroups: [group('ND1', [1])] },
];
const draft = { provinceCode: '40', firstYear: 2026, lastYear: 2030, targets: [{ contentGroupCode: 'ND1' }] };
const ruleOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof RuleViolationError) return { code: error.code, field: error.field };
    throw error;
  }
  return undefined;
};

describe('a provincial programme', () => {
  it('reuses the content groups of the national programme covering its whole period', () => {
    expect(nationalGroupsFor(draft, nationals).map((g) => g.code)).toEqual(['ND1']);
    expect(nationalGroupsFor({ firstYear: 2022, lastYear: 2023 }, nationals).map((g) => g.code)).toEqual([
      'N1',
    ]);
    expect(ruleOf(() => nationalGroupsFor({ firstYear: 2024, lastYear: 2027 }, nationals))).toEqual({
      code: 'programme.no-national-period',
      field: 'nationalContentGroups',
    });
    expect(ruleOf(() => nationalGroupsFor({ firstYear: 2031, lastYear: 2035 }, nationals))).toBeDefined();
  });

  it('accepts a unit that existed in every year, targets within its groups, up to ten years', () => {
    expect(() => assertProvincialProgramme(draft, [group('ND1', [1])], provinces)).not.toThrow();
    expect(() =>
      assertProvincialProgramme(
        { ...draft, firstYear: 2026, lastYear: 2035 },
        [group('ND1', [1])],
        provinces,
      ),
    ).not.toThrow();
  });

  it('refuses a programme longer than ten years', () => {
    expect(
      ruleOf(() =>
        assertProvincialProgramme(
          { ...draft, firstYear: 2026, lastYear: 2036 },
          [group('ND1', [1])],
          provinces,
        ),
      ),
    ).toEqual({ code: 'programme.too-long', field: 'lastYear' });
  });

  it('refuses a unit that did not exist in one of its years (a merged province after 2025)', () => {
    const namDinh = { ...draft, provinceCode: '36', targets: [] };
    expect(() =>
      assertProvincialProgramme({ ...namDinh, firstYear: 2021, lastYear: 2025 }, [], provinces),
    ).not.toThrow();
    expect(
      ruleOf(() => assertProvincialProgramme({ ...namDinh, firstYear: 2024, lastYear: 2026 }, [], provinces)),
    ).toEqual({ code: 'programme.unknown-province', field: 'provinceCode' });
    expect(ruleOf(() => assertProvincialProgramme({ ...draft, provinceCode: '99' }, [], provinces))).toEqual({
      code: 'programme.unknown-province',
      field: 'provinceCode',
    });
  });

  it('refuses a target in a content group the programme does not have, naming the target', () => {
    const targets = [{ contentGroupCode: 'ND1' }, { contentGroupCode: 'N1' }];
    expect(
      ruleOf(() => assertProvincialProgramme({ ...draft, targets }, [group('ND1', [1])], provinces)),
    ).toEqual({ code: 'programme.unknown-content-group', field: 'targets[1].contentGroupCode' });
  });
});
