import {
  clusterFactReplaces,
  REGISTERED_ONLY,
  reportApprovalReplaces,
  reportCutOff,
} from './cluster-projection-rules';

describe('cluster registry projection rules', () => {
  it('takes in any fact about a cluster not yet known', () => {
    expect(clusterFactReplaces(undefined, { kind: 'registered' })).toBe(true);
    expect(clusterFactReplaces(undefined, { kind: 'recorded', revision: 4 })).toBe(true);
  });

  it('lets only a higher revision replace a snapshot, so a late or repeated one changes nothing', () => {
    expect(clusterFactReplaces(3, { kind: 'recorded', revision: 4 })).toBe(true);
    expect(clusterFactReplaces(3, { kind: 'recorded', revision: 3 })).toBe(false);
    expect(clusterFactReplaces(3, { kind: 'recorded', revision: 2 })).toBe(false);
  });

  it('lets any snapshot replace a cluster known only from its registration', () => {
    expect(clusterFactReplaces(REGISTERED_ONLY, { kind: 'recorded', revision: 1 })).toBe(true);
  });

  it('never lets a registration replace a snapshot, and refreshes a registration-only row', () => {
    expect(clusterFactReplaces(1, { kind: 'registered' })).toBe(false);
    expect(clusterFactReplaces(REGISTERED_ONLY, { kind: 'registered' })).toBe(true);
  });
});

describe('approved report projection rules', () => {
  it('keeps the highest approved version of a cluster and period', () => {
    expect(reportApprovalReplaces(undefined, 1)).toBe(true);
    expect(reportApprovalReplaces(1, 2)).toBe(true);
    expect(reportApprovalReplaces(2, 2)).toBe(false);
    expect(reportApprovalReplaces(2, 1)).toBe(false);
  });

  it('cuts a six-monthly report off on 14 June and an annual one on 14 December', () => {
    expect(reportCutOff('six-monthly', 2024)).toBe('2024-06-14');
    expect(reportCutOff('annual', 2025)).toBe('2025-12-14');
  });
});
