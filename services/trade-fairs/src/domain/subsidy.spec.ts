import { RuleViolationError } from '@kc/errors';
import { defaultPolicyCode, policyForFair, supportVnd, type SubsidyPolicy } from './subsidy';

const participant: SubsidyPolicy = {
  code: 'domestic-fair-participant',
  version: 1,
  supportBp: 8000,
  capVndPerFacility: null,
  validFrom: '2014-01-01',
  validTo: '2026-06-30',
};

describe('booth support', () => {
  it('is the policy share of the rent', () => {
    expect(supportVnd(12_000_000, participant)).toBe(9_600_000);
    expect(supportVnd(24_000_000, { supportBp: 10_000, capVndPerFacility: null })).toBe(24_000_000);
    expect(supportVnd(0, participant)).toBe(0);
  });

  it('rounds down to the whole đồng', () => {
    expect(supportVnd(1_234_567, { supportBp: 3333, capVndPerFacility: null })).toBe(411_481);
    expect(supportVnd(1, participant)).toBe(0);
  });

  it('never pays a facility more than the cap', () => {
    expect(supportVnd(30_000_000, { supportBp: 8000, capVndPerFacility: 20_000_000 })).toBe(20_000_000);
    expect(supportVnd(20_000_000, { supportBp: 8000, capVndPerFacility: 20_000_000 })).toBe(16_000_000);
    expect(supportVnd(20_000_000, { supportBp: 8000, capVndPerFacility: 0 })).toBe(0);
  });

  it('stays exact where rent × basis points passes 2^53', () => {
    expect(supportVnd(Number.MAX_SAFE_INTEGER, { supportBp: 9999, capVndPerFacility: null })).toBe(
      Number((BigInt(Number.MAX_SAFE_INTEGER) * 9999n) / 10_000n),
    );
  });

  it('refuses a rent that is not whole VND', () => {
    expect(() => supportVnd(1.5, participant)).toThrow(RangeError);
    expect(() => supportVnd(-1, participant)).toThrow(RangeError);
  });
});

describe('policy of a fair', () => {
  const versions = [
    participant,
    { ...participant, version: 2, supportBp: 7000, validFrom: '2026-07-01', validTo: null },
  ];

  it('takes the version in force on the start date, both ends included', () => {
    expect(policyForFair(versions, participant.code, '2026-06-30').version).toBe(1);
    expect(policyForFair(versions, participant.code, '2026-07-01').version).toBe(2);
    expect(policyForFair(versions, participant.code, '2014-01-01').version).toBe(1);
  });

  it('refuses a policy with no version in force then', () => {
    expect(() => policyForFair(versions, participant.code, '2013-12-31')).toThrow(RuleViolationError);
    expect(() => policyForFair(versions, 'unknown', '2026-09-15')).toThrow(RuleViolationError);
  });
});

describe('the default policy of a new fair', () => {
  const defaults = { domestic: 'domestic-fair-organiser', international: 'international-fair' };

  it('is the policy for fairs abroad at an international fair, the domestic one elsewhere', () => {
    expect(defaultPolicyCode('international', defaults)).toBe('international-fair');
    for (const scale of ['provincial', 'regional', 'national'] as const) {
      expect(defaultPolicyCode(scale, defaults)).toBe('domestic-fair-organiser');
    }
  });
});
