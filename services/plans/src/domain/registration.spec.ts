import { RuleViolationError } from '@kc/errors';
import { assertRegistrable, isLate, sentOnOf } from './registration';
import type { NormAllowance } from './funding-norm';
import type { ProjectRef } from './project-ref';

const project = (over: Partial<ProjectRef> = {}): ProjectRef => ({
  projectId: 'p1',
  code: 'KCQG-2026-40-001',
  planId: 'plan',
  provinceCode: '40',
  fundingSource: 'KCQG',
  status: 'base-appraised',
  totalCostVnd: 3_000_000_000,
  requestedSupportVnd: 900_000_000,
  appraisedSupportVnd: null,
  normCode: 'demonstration-model',
  normUnits: 1,
  startDate: '2026-03-01',
  ...over,
});
const national = { planId: 'plan', level: 'national' as const, provinceCode: null };
/** A norm version allowing less than the 900.000.000 VND the project asks for. */
const tightNorm: NormAllowance = {
  maxSupportVnd: 850_000_000,
  code: 'demonstration-model',
  version: 2,
  nameVi: 'Xây dựng mô hình trình diễn kỹ thuật',
  nameEn: 'Technical demonstration model',
  legalBasis: 'Quyết định 12/2026/QĐ-UBND',
  provinceCode: '40',
};

describe('registration deadline', () => {
  it('judges lateness on the day the province sent the report, not on when it was entered here', () => {
    const enteredLater = new Date('2026-12-06T03:00:00Z');
    const sent = sentOnOf({ reportDate: '2017-06-10', sentOn: '2017-06-12' }, enteredLater);
    expect([sent, isLate(sent, '2017-06-20')]).toEqual(['2017-06-12', false]);
    expect(isLate('2017-06-21', '2017-06-20')).toBe(true);
  });

  it('takes the day of entry in Vietnamese time when no sending day is given', () => {
    expect(sentOnOf({ reportDate: '2025-06-01' }, new Date('2025-06-20T16:59:59Z'))).toBe('2025-06-20');
    expect(sentOnOf({ reportDate: '2025-06-01' }, new Date('2025-06-20T17:00:00Z'))).toBe('2025-06-21');
  });

  it('refuses a sending day before the report’s own date or in the future', () => {
    const now = new Date('2026-12-06T03:00:00Z');
    expect(() => sentOnOf({ reportDate: '2026-06-10', sentOn: '2026-06-09' }, now)).toThrow(
      expect.objectContaining({ code: 'registration.sent-before-dated', field: 'sentOn' }),
    );
    expect(() => sentOnOf({ reportDate: '2026-06-10', sentOn: '2026-12-07' }, now)).toThrow(
      expect.objectContaining({ code: 'registration.sent-in-future', field: 'sentOn' }),
    );
  });
});

describe('registrable projects', () => {
  it('accepts base-appraised projects of the province within their norm', () => {
    expect(() =>
      assertRegistrable(national, '40', [{ projectId: 'p1', project: project(), allowance: null }]),
    ).not.toThrow();
  });

  it.each([
    ['an unknown project', undefined, true, 'registration.unknown-project'],
    ['another province', project({ provinceCode: '01' }), true, 'registration.unknown-project'],
    ['another plan', project({ planId: 'other' }), true, 'registration.unknown-project'],
    [
      'a project not base-appraised',
      project({ status: 'registered' }),
      true,
      'registration.project-not-base-appraised',
    ],
    ['a project over its norm', project(), false, 'registration.over-norm'],
  ])('refuses %s, naming the listed project', (_name, found, withinNorm, code) => {
    const listed = [
      { projectId: 'ok', project: project({ projectId: 'ok' }), allowance: null },
      { projectId: 'p1', project: found, allowance: withinNorm ? null : tightNorm },
    ];
    const error = (() => {
      try {
        assertRegistrable(national, '40', listed);
      } catch (e) {
        return e as RuleViolationError;
      }
    })();
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error).toMatchObject({ code, field: 'projectIds[1]' });
  });

  it('names the norm, its legal basis and the cap when a project asks for more', () => {
    expect(() =>
      assertRegistrable(national, '40', [{ projectId: 'p1', project: project(), allowance: tightNorm }]),
    ).toThrow(
      'vượt mức tối đa 850.000.000 VND của định mức "Xây dựng mô hình trình diễn kỹ thuật" (mã ' +
        'demonstration-model, Quyết định 12/2026/QĐ-UBND, phiên bản 2, định mức riêng của tỉnh 40)',
    );
  });

  it('takes only its own province into a provincial plan', () => {
    const provincial = { planId: 'plan', level: 'provincial' as const, provinceCode: '01' };
    expect(() => assertRegistrable(provincial, '40', [])).toThrow(/its own province/);
  });
});
