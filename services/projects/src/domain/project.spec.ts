import { ConflictError, RuleViolationError } from '@kc/errors';
import { approve, assertPlanAcceptsProvince, projectCode, type PlanFacts } from './project';

const national: PlanFacts = { id: 'p', year: 2026, level: 'national', provinceCode: null };
const ngheAn: PlanFacts = { id: 'q', year: 2026, level: 'provincial', provinceCode: '40' };

describe('project rules', () => {
  it('codes projects by fund, year, province and sequence', () => {
    expect(projectCode(national, '01', 7)).toBe('KCQG-2026-01-007');
    expect(projectCode(ngheAn, '40', 12)).toBe('KCDP-2026-40-012');
  });

  it('lets the national plan fund any province but a provincial plan only its own', () => {
    expect(() => assertPlanAcceptsProvince(national, '01')).not.toThrow();
    expect(() => assertPlanAcceptsProvince(ngheAn, '40')).not.toThrow();
    expect(() => assertPlanAcceptsProvince(ngheAn, '01')).toThrow(RuleViolationError);
  });

  it('approves up to the requested support', () => {
    expect(approve({ status: 'registered', requestedSupportVnd: 500 }, 500)).toEqual({
      status: 'approved',
      approvedSupportVnd: 500,
    });
  });

  it('refuses to approve more than was requested, naming the field', () => {
    try {
      approve({ status: 'registered', requestedSupportVnd: 500 }, 501);
      throw new Error('expected a rule violation');
    } catch (error) {
      expect(error).toBeInstanceOf(RuleViolationError);
      expect((error as RuleViolationError).field).toBe('approvedSupportVnd');
    }
  });

  it('refuses to approve a project twice', () => {
    expect(() => approve({ status: 'approved', requestedSupportVnd: 500 }, 100)).toThrow(ConflictError);
  });
});
