import { RuleViolationError } from '@kc/errors';
import { approvalLevel } from './adjustment';
import {
  assertKindRules,
  isSettlementLate,
  projectCode,
  requestedSupport,
  assertUnitInForce,
} from './project';

const draft = {
  kind: 'flagship' as const,
  activityContents: [3, 4],
  startDate: '2026-03-01',
  endDate: '2027-03-02',
  kcqgVnd: 900_000_000,
  kcdpVnd: 0,
};

describe('project rules', () => {
  it('codes a project by fund, year, province and sequence', () => {
    expect(projectCode({ id: 'x', year: 2026, level: 'national', provinceCode: null }, '40', 7)).toBe(
      'KCQG-2026-40-007',
    );
    expect(projectCode({ id: 'x', year: 2026, level: 'provincial', provinceCode: '40' }, '40', 12)).toBe(
      'KCDP-2026-40-012',
    );
  });

  it("asks support from the plan's own source", () => {
    expect(requestedSupport({ level: 'national' }, draft)).toBe(900_000_000);
    expect(() => requestedSupport({ level: 'provincial' }, draft)).toThrow(RuleViolationError);
  });

  it('needs a flagship project to have two contents and run more than a year', () => {
    expect(() => assertKindRules(draft)).not.toThrow();
    expect(() => assertKindRules({ ...draft, activityContents: [3] })).toThrow(/at least 2/);
    expect(() => assertKindRules({ ...draft, endDate: '2027-03-01' })).toThrow(/more than one year/);
    expect(() => assertKindRules({ ...draft, kind: 'ordinary', activityContents: [3] })).not.toThrow();
  });

  it('flags settlement after 22 January of the year after the (extended) budget year', () => {
    expect(isSettlementLate('2027-01-22', 2026, '2026-11-30')).toBe(false);
    expect(isSettlementLate('2027-01-23', 2026, '2026-11-30')).toBe(true);
    expect(isSettlementLate('2028-01-20', 2026, '2027-03-31')).toBe(false);
  });

  it('sets the approval level by kind, all provincial for a provincial plan', () => {
    expect(approvalLevel('extension', { planLevel: 'national' })).toBe('minister');
    expect(approvalLevel('partner', { planLevel: 'national' })).toBe('agency');
    expect(approvalLevel('group-detail', { planLevel: 'national' })).toBe('province');
    expect(approvalLevel('stop', { planLevel: 'provincial' })).toBe('province');
  });
});

describe('a project’s unit code', () => {
  const units = { isInForce: (code: string, on: string) => code !== '30' || on < '2025-07-01' };

  it('must name a unit in force on the project’s start date', () => {
    expect(() => assertUnitInForce(units, '30', '2026-03-01')).toThrow(
      expect.objectContaining({ code: 'project.unit-not-in-force', field: 'provinceCode' }),
    );
    expect(() => assertUnitInForce(units, '30', '2018-03-01')).not.toThrow();
  });
});
