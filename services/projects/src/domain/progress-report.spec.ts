import { assertMayReport, isLate, monthInVietnam, reportDueBy } from './progress-report';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'passed';
};

describe('monthly progress report', () => {
  it('is late when received after the 25th of its month in Vietnamese time', () => {
    expect(reportDueBy('2026-05').toISOString()).toBe('2026-05-25T17:00:00.000Z');
    expect(isLate('2026-05', new Date('2026-05-25T16:59:59.999Z'))).toBe(false); // 25/05 23:59:59 in Hà Nội
    expect(isLate('2026-05', new Date('2026-05-25T17:00:00.000Z'))).toBe(true); // 26/05 00:00
    expect(isLate('2026-12', new Date('2027-01-02T00:00:00Z'))).toBe(true);
  });

  it('takes the month in Vietnamese time', () => {
    expect(monthInVietnam(new Date('2026-05-31T17:30:00Z'))).toBe('2026-06');
  });

  const state = { status: 'in-progress', lastProgressMonth: '2026-04', lastProgressPercent: 40 };
  const now = new Date('2026-05-10T03:00:00Z');

  it('accepts a later month with no less work done', () => {
    expect(codeOf(() => assertMayReport(state, { month: '2026-05', percentDone: 40 }, now))).toBe('passed');
  });

  it('refuses a month already reported, an earlier month, a future month and a lower percentage', () => {
    expect(codeOf(() => assertMayReport(state, { month: '2026-04', percentDone: 50 }, now))).toBe(
      'progress.month-reported',
    );
    expect(codeOf(() => assertMayReport(state, { month: '2026-03', percentDone: 50 }, now))).toBe(
      'progress.month-not-after-last',
    );
    expect(codeOf(() => assertMayReport(state, { month: '2026-06', percentDone: 50 }, now))).toBe(
      'progress.month-in-future',
    );
    expect(codeOf(() => assertMayReport(state, { month: '2026-05', percentDone: 39 }, now))).toBe(
      'progress.percent-decreased',
    );
  });

  it('is received only while the contract runs', () => {
    for (const status of ['in-plan', 'accepted', 'stopped'])
      expect(
        codeOf(() => assertMayReport({ ...state, status }, { month: '2026-05', percentDone: 50 }, now)),
      ).toBe('progress.not-reporting');
    const first = { status: 'contracted', lastProgressMonth: null, lastProgressPercent: null };
    expect(codeOf(() => assertMayReport(first, { month: '2026-05', percentDone: 0 }, now))).toBe('passed');
  });
});
