import { planAdvance, planPayment, planRefund, type AdvanceRule, type ProjectMoney } from './advances';

const rule = (over: Partial<AdvanceRule>): AdvanceRule => ({
  id: 'r',
  category: 'training-events-media',
  ratePercent: 70,
  progressAbovePercent: null,
  onlyAfterAcceptance: false,
  legalBasis: 'TT 36/2013/TT-BCT',
  ...over,
});
const TRAINING = rule({});
const CLUSTER = rule({ category: 'cluster-infrastructure', ratePercent: 30, progressAbovePercent: 50 });
const MODEL = rule({ category: 'model-machinery', ratePercent: 70, progressAbovePercent: 70 });
const FOUNDING = rule({ category: 'enterprise-founding', ratePercent: 100, onlyAfterAcceptance: true });

const project = (over: Partial<ProjectMoney> = {}): ProjectMoney => ({
  status: 'in-progress',
  contractValueVnd: 1_000_000_000,
  advancedVnd: 0,
  paidVnd: 0,
  lastProgressPercent: null,
  ...over,
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'passed';
};

describe('advances by category', () => {
  it('lets training, events and media draw up to 70 % at once, without progress', () => {
    const guard = planAdvance(project({ status: 'contracted' }), TRAINING, 700_000_000);
    expect(guard).toMatchObject({ maxAdvancedVnd: 700_000_000, maxPaidVnd: 700_000_000, ruleId: 'r' });
    expect(codeOf(() => planAdvance(project(), TRAINING, 700_000_001))).toBe('disbursement.advance-cap-70');
  });

  it('refuses a model or machinery advance until more than 70 % is reported done', () => {
    expect(codeOf(() => planAdvance(project({ lastProgressPercent: 70 }), MODEL, 1))).toBe(
      'disbursement.advance-progress-required',
    );
    expect(planAdvance(project({ lastProgressPercent: 71 }), MODEL, 700_000_000).progressAbovePercent).toBe(
      70,
    );
  });

  it('caps cluster infrastructure at 30 % once more than 50 % is reported', () => {
    expect(codeOf(() => planAdvance(project({ lastProgressPercent: 50 }), CLUSTER, 1))).toBe(
      'disbursement.advance-progress-required',
    );
    const ready = project({ lastProgressPercent: 51, advancedVnd: 200_000_000, paidVnd: 200_000_000 });
    expect(planAdvance(ready, CLUSTER, 100_000_000).maxAdvancedVnd).toBe(300_000_000);
    expect(codeOf(() => planAdvance(ready, CLUSTER, 100_000_001))).toBe('disbursement.advance-rate-exceeded');
  });

  it('lets enterprise founding support draw 100 % only after acceptance', () => {
    expect(codeOf(() => planAdvance(project(), FOUNDING, 1))).toBe(
      'disbursement.advance-after-acceptance-only',
    );
    expect(planAdvance(project({ status: 'accepted' }), FOUNDING, 1_000_000_000).maxPaidVnd).toBe(
      1_000_000_000,
    );
  });

  it('never lets advances pass 70 % of the contract before acceptance, whatever the rule says', () => {
    const generous = rule({ ratePercent: 90 });
    expect(codeOf(() => planAdvance(project(), generous, 700_000_001))).toBe('disbursement.advance-cap-70');
  });

  it('refuses any money before a contract or after settlement', () => {
    expect(
      codeOf(() => planAdvance(project({ status: 'in-plan', contractValueVnd: null }), TRAINING, 1)),
    ).toBe('disbursement.not-contracted');
    expect(codeOf(() => planRefund(project({ status: 'settled', paidVnd: 5 }), 1))).toBe(
      'disbursement.not-contracted',
    );
  });
});

describe('payments and refunds', () => {
  it('pays only after acceptance and never above the contract', () => {
    expect(codeOf(() => planPayment(project(), 1))).toBe('disbursement.payment-before-acceptance');
    const accepted = project({ status: 'accepted', advancedVnd: 700_000_000, paidVnd: 700_000_000 });
    expect(planPayment(accepted, 300_000_000).maxPaidVnd).toBe(1_000_000_000);
    expect(codeOf(() => planPayment(accepted, 300_000_001))).toBe('disbursement.contract-exceeded');
  });

  it('never refunds more than was disbursed', () => {
    expect(codeOf(() => planRefund(project({ paidVnd: 10 }), 11))).toBe('disbursement.refund-exceeds-paid');
  });
});
