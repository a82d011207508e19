import { RuleViolationError } from '@kc/errors';
import { requireNormInForce, type FundingNorm } from './funding-norm';

const demonstrationModel: FundingNorm = {
  code: 'demonstration-model',
  provinceCode: null,
  version: 1,
  validFrom: '2018-05-12',
  validTo: null,
  maxPercentBp: 3000,
  maxVndPerUnit: 1_000_000_000,
  priorityMultiplierPermille: 1000,
};

// The rule (versions in force, the governing version, the caps) is tested with it in @kc/reference-data.
describe('a norm required in force', () => {
  const v1: FundingNorm = { ...demonstrationModel, validFrom: '2014-01-01', validTo: '2018-05-11' };
  const v2: FundingNorm = { ...demonstrationModel, version: 2, validFrom: '2018-05-12', validTo: null };
  const ngheAn1: FundingNorm = {
    ...demonstrationModel,
    provinceCode: '40',
    maxPercentBp: 2000,
    validFrom: '2027-01-01',
    validTo: '2028-12-31',
  };

  it('finds none before the first version and names the field', () => {
    const require = () => requireNormInForce('demonstration-model', [v1, v2], null, '2013-12-31', 'asOf');
    expect(require).toThrow(RuleViolationError);
    expect(require).toThrow(/demonstration-model is in force on 2013-12-31/);
  });

  it('names the field when neither the province nor the nation has a version in force', () => {
    const require = () =>
      requireNormInForce('demonstration-model', [ngheAn1], '40', '2029-06-01', 'allocations[0].amountVnd');
    expect(require).toThrow(/national or of province 40/);
    expect(require).toThrow(
      expect.objectContaining({ code: 'norm.not-in-force', field: 'allocations[0].amountVnd' }),
    );
    expect(requireNormInForce('demonstration-model', [ngheAn1], '40', '2028-06-01', 'asOf')).toBe(ngheAn1);
  });
});
