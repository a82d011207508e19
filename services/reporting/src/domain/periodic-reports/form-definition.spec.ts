import { DomainError } from '@kc/errors';
import {
  cellsOf,
  formProblems,
  versionInForce,
  type FormDefinition,
  type FormVersion,
} from './form-definition';
import { DEPARTMENT_QUARTERLY, reportForms } from './forms.data';
import { parsePeriod } from './periods';

const v1 = DEPARTMENT_QUARTERLY.versions[0];
const withVersions = (...versions: FormVersion[]): FormDefinition => ({ ...DEPARTMENT_QUARTERLY, versions });
const v2From = (effectiveFrom: string): FormVersion => ({
  ...v1,
  version: 2,
  effectiveFrom,
  publishedOn: effectiveFrom,
});

describe('report forms', () => {
  it('are sound as written in the catalogue', () => {
    expect(reportForms.flatMap(formProblems)).toEqual([]);
    expect(new Set(reportForms.map((f) => f.id)).size).toBe(reportForms.length);
  });

  it('catch a bad edit of the data', () => {
    const retroactive = { ...v2From('2026-01-01'), publishedOn: '2026-02-01' };
    expect(formProblems(withVersions(v1, retroactive))).toEqual([
      'sct-khuyen-cong-quy v2: published after it takes effect',
    ]);
    expect(formProblems(withVersions(v1, v2From('2025-07-01')))).toEqual([
      'sct-khuyen-cong-quy v2: must take effect after v1',
    ]);
    const duplicate = { ...v1, narratives: [...v1.narratives, v1.narratives[0]] };
    expect(formProblems(withVersions(duplicate))).toEqual([
      'sct-khuyen-cong-quy v1: duplicate keys narrative:results',
    ]);
  });

  it('give the department the §6 indicators, money and projects by activity content', () => {
    const keys = new Set(cellsOf(v1).map((c) => c.indicatorKey));
    for (const key of [
      'projectsApproved',
      'projectsCompleted',
      'kcqgAllocatedVnd',
      'kcqgDisbursedVnd',
      'kcqgSettledVnd',
      'kcdpAllocatedVnd',
      'kcdpDisbursedVnd',
      'kcdpSettledVnd',
      'counterpartVnd',
      'demonstrationModels',
      'facilitiesGivenMachinery',
      'trainees',
      'brands',
      'boothsSupported',
      'productsCertified',
      'clustersSupported',
    ]) {
      expect(keys).toContain(key);
    }
    const cells = cellsOf(v1).map((c) => c.key);
    expect(cells).toContain('kcqgAllocatedVnd/content-9');
    expect(cells).toContain('productsCertified/national');
    expect(cells).not.toContain('projectsApproved');
    expect(cells).toHaveLength(2 * 9 + 6 * 9 + 1 + 6 + 4);
  });
});

describe('the version in force for a period', () => {
  const form = withVersions(v1, v2From('2026-03-31'));

  it('is the latest one in force on the period’s last day', () => {
    expect(versionInForce(form, parsePeriod('2026-Q1')).version).toBe(2);
    expect(versionInForce(form, parsePeriod('2025-Q4')).version).toBe(1);
    expect(versionInForce(withVersions(v1, v2From('2026-04-01')), parsePeriod('2026-Q1')).version).toBe(1);
  });

  it('does not exist before the first version', () => {
    try {
      versionInForce(form, parsePeriod('2025-Q2'));
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('periodic-report.no-form-version');
      expect((error as DomainError).messages.vi).toContain('quý II năm 2025');
    }
  });

  it('is asked for a period of the form’s own frequency', () => {
    expect(() => versionInForce(form, parsePeriod('2026-M03'))).toThrow(RangeError);
  });
});
