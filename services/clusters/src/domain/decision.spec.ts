import { RuleViolationError } from '@kc/errors';
import { checkDecision, type Decision } from './decision';

const decision = (overrides: Partial<Decision> = {}): Decision => ({
  number: '2345/QĐ-UBND',
  date: '2025-09-12',
  authority: 'provincial-peoples-committee',
  issuedBy: 'UBND tỉnh Nghệ An',
  ...overrides,
});
const when = { today: '2026-03-02', notBefore: '2025-01-10' };

const refusal = (make: () => unknown) => {
  try {
    make();
  } catch (error) {
    if (error instanceof RuleViolationError) return `${error.code} @ ${error.field}`;
    throw error;
  }
  return 'accepted';
};

describe('a decision behind a lifecycle step', () => {
  it('is kept with its texts trimmed and in NFC', () => {
    const decomposed = 'UBND tỉnh Nghệ An'.normalize('NFD');
    expect(checkDecision(decision({ number: ' 2345/QĐ-UBND ', issuedBy: ` ${decomposed}` }), when)).toEqual(
      decision(),
    );
  });

  it('needs its number, its issuer and a real date', () => {
    expect(refusal(() => checkDecision(decision({ number: '  ' }), when))).toBe(
      'cluster.decision-incomplete @ decision.number',
    );
    expect(refusal(() => checkDecision(decision({ issuedBy: '' }), when))).toBe(
      'cluster.decision-incomplete @ decision.issuedBy',
    );
    expect(refusal(() => checkDecision(decision({ date: '2025-02-30' }), when))).toBe(
      'cluster.decision-incomplete @ decision.date',
    );
  });

  it('cannot be dated after today', () => {
    expect(refusal(() => checkDecision(decision({ date: '2026-03-02' }), when))).toBe('accepted');
    expect(() => checkDecision(decision({ date: '2026-03-03' }), when)).toThrow(
      'Quyết định 2345/QĐ-UBND ghi ngày 03/03/2026, sau ngày hôm nay 02/03/2026 / Decision 2345/QĐ-UBND is dated 2026-03-03, after today (2026-03-02)',
    );
  });

  it('cannot predate the decision of the step before it', () => {
    expect(refusal(() => checkDecision(decision({ date: '2025-01-10' }), when))).toBe('accepted');
    expect(refusal(() => checkDecision(decision({ date: '2025-01-09' }), when))).toBe(
      'cluster.decision-out-of-order @ decision.date',
    );
    expect(refusal(() => checkDecision(decision({ date: '2010-01-01' }), { ...when, notBefore: null }))).toBe(
      'accepted',
    );
  });
});
