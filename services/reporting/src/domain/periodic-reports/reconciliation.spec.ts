import { RuleViolationsError } from '@kc/errors';
import { DEPARTMENT_QUARTERLY } from './forms.data';
import {
  assertReconciled,
  differences,
  indicatorTotal,
  ratioValues,
  valueViolations,
} from './reconciliation';

const version = DEPARTMENT_QUARTERLY.versions[0];

describe('differences from the platform’s figures', () => {
  it('lists the cells whose entered value is not the platform’s, with the delta', () => {
    const platform = {
      'projectsApproved/content-3': 4,
      'kcqgAllocatedVnd/content-3': 1_200_000_000,
      boothsSupported: 30,
    };
    const entered = { 'projectsApproved/content-3': 4, 'kcqgAllocatedVnd/content-3': 1_150_000_000 };
    expect(differences(version, platform, entered)).toEqual([
      {
        cell: 'kcqgAllocatedVnd/content-3',
        label: { vi: 'Kinh phí KCQG được giao — nội dung 3', en: 'KCQG allocated — content 3' },
        platform: 1_200_000_000,
        entered: 1_150_000_000,
        delta: -50_000_000,
      },
      expect.objectContaining({ cell: 'boothsSupported', platform: 30, entered: null, delta: null }),
    ]);
  });

  it('has nothing to reconcile where the platform has no figure', () => {
    // trainees has no platform source: a stray figure for it is ignored, and an empty platform cell never differs.
    expect(differences(version, { trainees: 10 }, { trainees: 12, brands: 3 })).toEqual([]);
  });

  it('refuses submission while a difference is unexplained, naming each indicator', () => {
    const platform = { 'projectsCompleted/content-1': 2, counterpartVnd: 500_000_000 };
    const entered = { 'projectsCompleted/content-1': 3, counterpartVnd: 450_000_000 };
    let error: unknown;
    try {
      assertReconciled(version, platform, entered, { counterpartVnd: '   ' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleViolationsError);
    const { code, violations } = error as RuleViolationsError;
    expect(code).toBe('periodic-report.difference-unexplained');
    expect(violations.map((v) => [v.field, v.code])).toEqual([
      ['explanations.projectsCompleted/content-1', 'periodic-report.difference-unexplained'],
      ['explanations.counterpartVnd', 'periodic-report.difference-unexplained'],
    ]);
    expect(violations[1].messages.vi).toContain('Vốn đối ứng huy động');
    expect(violations[1].messages.en).toContain('450000000');
    expect(() =>
      assertReconciled(version, platform, entered, {
        'projectsCompleted/content-1': 'Một đề án nghiệm thu ngày 31/03 chưa cập nhật lên hệ thống',
        counterpartVnd: 'Cơ sở góp thiếu 50 triệu đồng',
      }),
    ).not.toThrow();
  });
});

describe('entered values', () => {
  it('are whole numbers of 0 or more on cells the form has; required cells must be filled to submit', () => {
    const problems = valueViolations(
      version,
      { trainees: -1, brands: 2.5, boothsSupported: 3, nonsense: 1 },
      false,
    );
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['values.trainees', 'periodic-report.value-invalid'],
      ['values.brands', 'periodic-report.value-invalid'],
      ['values.nonsense', 'periodic-report.unknown-indicator'],
    ]);
    const missing = valueViolations(version, { trainees: 0 }, true).map((p) => p.field);
    expect(missing).toContain('values.brands');
    expect(missing).not.toContain('values.trainees');
    expect(missing).toHaveLength(82);
  });

  it('give the completion rate in basis points from the totals over contents, half up', () => {
    const values: Record<string, number> = {};
    for (let c = 1; c <= 9; c++) values[`projectsApproved/content-${c}`] = 0;
    for (let c = 1; c <= 9; c++) values[`projectsCompleted/content-${c}`] = 0;
    expect(ratioValues(version, values)).toEqual({ completionRate: null });
    Object.assign(values, { 'projectsApproved/content-1': 2, 'projectsApproved/content-3': 1 });
    Object.assign(values, { 'projectsCompleted/content-1': 2 });
    expect(indicatorTotal(version, values, 'projectsApproved')).toBe(3);
    expect(ratioValues(version, values)).toEqual({ completionRate: 6667 });
    delete values['projectsCompleted/content-9'];
    expect(ratioValues(version, values)).toEqual({ completionRate: null });
  });
});
