import { RuleViolationError } from '@kc/errors';
import { dayBefore } from '@kc/reference-data';
import { clusterRuleSets, ruleSetOn, type ClusterRuleSet } from './decree-rules';

/** Every legal basis a rule set cites, in both languages. */
const bases = (set: ClusterRuleSet) => [
  set.size.basis,
  set.provincialList.basis,
  set.developer.basis,
  set.areaOccupancy.basis,
  set.expansion.maxTotal.basis,
  set.expansion.developer.basis,
  set.expansion.occupancy.basis,
  set.expansion.sharedInfrastructure.basis,
  set.decidingAuthority.basis,
];

describe('the decree rule sets', () => {
  it('follow one another without gap or overlap, the newest still in force', () => {
    clusterRuleSets.slice(1).forEach((set, index) => {
      expect(dayBefore(set.validFrom)).toBe(clusterRuleSets[index].validTo);
    });
    expect(clusterRuleSets.at(-1)?.validTo).toBeNull();
  });

  it('choose Decree 68/2017 up to 30/04/2024 and Decree 32/2024 from 01/05/2024', () => {
    expect(ruleSetOn('2017-07-15').id).toBe('nd-68-2017');
    expect(ruleSetOn('2024-04-30').id).toBe('nd-68-2017');
    expect(ruleSetOn('2024-05-01').id).toBe('nd-32-2024');
    expect(ruleSetOn('2026-03-02').id).toBe('nd-32-2024');
  });

  it('have no rules before Decree 68/2017 took effect', () => {
    const make = () => ruleSetOn('2017-07-14');
    expect(make).toThrow(RuleViolationError);
    expect(make).toThrow(/quyết định ngày 14\/07\/2017.*15\/07\/2017/);
    try {
      make();
    } catch (error) {
      expect([(error as RuleViolationError).code, (error as RuleViolationError).field]).toEqual([
        'cluster.no-rule-set',
        'decision.date',
      ]);
    }
  });

  it('cite their own decree in every rule, in both languages', () => {
    for (const set of clusterRuleSets) {
      const decree = set.id === 'nd-32-2024' ? '32/2024' : '68/2017';
      for (const basis of bases(set)) {
        expect(basis.vi).toContain(`Nghị định ${decree}/NĐ-CP`);
        expect(basis.en).toContain(`Decree ${decree}/ND-CP`);
      }
    }
  });

  it('hold the size bounds of the decree: 10–75 ha, 5 ha for mountain districts and craft villages', () => {
    for (const set of clusterRuleSets) {
      expect(set.size).toMatchObject({
        minCentiHa: { standard: 1000, 'mountain-district': 500, 'craft-village': 500 },
        maxCentiHa: 7500,
      });
    }
  });
});
