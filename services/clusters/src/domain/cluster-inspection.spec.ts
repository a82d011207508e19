import { actionOverdue, checkCompletion, checkInspection } from './cluster-inspection';

describe('a cluster inspection', () => {
  const action = (dueOn: string, finding: number | null = null) => ({ description: 'x', dueOn, finding });

  it('takes an inspection already held, with actions due from its day on and pointing at its findings', () => {
    expect(() =>
      checkInspection('2026-03-09', 2, [action('2026-03-09', 2), action('2026-06-30')], '2026-03-09'),
    ).not.toThrow();
  });

  it.each([
    ['2026-03-11', 1, [], 'inspectedOn', 'cluster-inspection.in-future'],
    ['2026-03-09', 1, [action('2026-03-08')], 'actions.0.dueOn', 'cluster-inspection.due-before-inspection'],
    [
      '2026-03-09',
      1,
      [action('2026-04-01'), action('2026-04-01', 2)],
      'actions.1.finding',
      'cluster-inspection.unknown-finding',
    ],
  ])('refuses %s with %i finding(s) naming %s', (on, findings, actions, field, code) => {
    expect(() => checkInspection(on, findings, actions, '2026-03-10')).toThrow(
      expect.objectContaining({ field, code }),
    );
  });

  it('dates a completion between the inspection and today', () => {
    expect(() => checkCompletion('2026-03-09', '2026-03-09', '2026-04-02')).not.toThrow();
    expect(() => checkCompletion('2026-03-08', '2026-03-09', '2026-04-02')).toThrow(/completion date/);
    expect(() => checkCompletion('2026-04-03', '2026-03-09', '2026-04-02')).toThrow(/completion date/);
  });

  it('calls an action overdue only when undone after its due day', () => {
    expect(actionOverdue('2026-03-31', null, '2026-03-31')).toBe(false);
    expect(actionOverdue('2026-03-31', null, '2026-04-01')).toBe(true);
    expect(actionOverdue('2026-03-31', '2026-04-05', '2026-04-10')).toBe(false);
  });
});
