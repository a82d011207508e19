import { DomainError } from '@kc/errors';
import { replayRecordedReport, sameHistory, type RecordedVersion } from './report-history';

type Figures = { leasedCentiHa: number; tenants?: { firms: number; projects: number } };

const subject = { kind: 'cluster' as const, clusterCode: 'CCN-25-031', provinceCode: '25' };
const annual2025 = { kind: 'annual' as const, year: 2025 };
const TODAY = '2026-12-07';

const refusal = (make: () => unknown) => {
  try {
    make();
  } catch (error) {
    if (error instanceof DomainError) return `${error.kind}: ${error.code} @ ${error.field}`;
    throw error;
  }
  throw new Error('not refused');
};

const v = (submittedOn: string, review?: RecordedVersion<Figures>['review'], leased = 2400) => ({
  figures: { leasedCentiHa: leased },
  submittedOn,
  submittedBy: 'Nguyễn Văn Hải',
  review,
});

describe('a report recorded from its history', () => {
  it('takes its lateness from the recorded submission day against the circular deadline', () => {
    const onTime = replayRecordedReport(subject, annual2025, [v('2025-12-19')], TODAY);
    expect(onTime.versions[0]).toMatchObject({ submittedOn: '2025-12-19', late: false, daysLate: 0 });
    expect(onTime.status).toBe('submitted');
    const late = replayRecordedReport(
      subject,
      annual2025,
      [v('2025-12-29', { outcome: 'approved', on: '2026-01-05', by: 'Trần Thị Mai' })],
      TODAY,
    );
    expect(late.versions[0]).toMatchObject({ late: true, daysLate: 10 });
    expect([late.status, late.approvedVersion]).toEqual(['approved', 1]);
  });

  it('keeps a returned version and its correction, each with its own day', () => {
    const report = replayRecordedReport(
      subject,
      annual2025,
      [
        v('2025-12-18', {
          outcome: 'returned',
          on: '2025-12-22',
          by: 'Trần Thị Mai',
          reason: 'Thiếu số lao động',
        }),
        v('2025-12-26', { outcome: 'approved', on: '2025-12-30', by: 'Trần Thị Mai' }, 2500),
      ],
      TODAY,
    );
    expect(report.versions.map((x) => [x.version, x.figures.leasedCentiHa, x.late])).toEqual([
      [1, 2400, false],
      [2, 2500, true],
    ]);
    expect(report.events.map((e) => [e.kind, e.version, e.on])).toEqual([
      ['submitted', 1, '2025-12-18'],
      ['returned', 1, '2025-12-22'],
      ['submitted', 2, '2025-12-26'],
      ['approved', 2, '2025-12-30'],
    ]);
    expect([report.approvedVersion, report.working]).toEqual([2, null]);
  });

  it('refuses days in the future, before the cut-off, before the period and out of order, naming the field', () => {
    expect(refusal(() => replayRecordedReport(subject, annual2025, [v('2026-12-08')], TODAY))).toBe(
      'rule-violated: cluster-report.history-future-date @ versions[0].submittedOn',
    );
    expect(refusal(() => replayRecordedReport(subject, annual2025, [v('2025-12-10')], TODAY))).toBe(
      'rule-violated: cluster-report.before-cut-off @ versions[0].submittedOn',
    );
    expect(
      refusal(() =>
        replayRecordedReport(
          subject,
          annual2025,
          [v('2025-12-18', { outcome: 'approved', on: '2024-12-01', by: 'Trần Thị Mai' })],
          TODAY,
        ),
      ),
    ).toBe('rule-violated: cluster-report.history-before-period @ versions[0].review.on');
    expect(
      refusal(() =>
        replayRecordedReport(
          subject,
          annual2025,
          [v('2025-12-18', { outcome: 'approved', on: '2025-12-17', by: 'Trần Thị Mai' })],
          TODAY,
        ),
      ),
    ).toBe('rule-violated: cluster-report.date-out-of-order @ versions[0].review.on');
    expect(
      refusal(() => replayRecordedReport(subject, annual2025, [v('2025-12-18'), v('2025-12-20')], TODAY)),
    ).toBe('rule-violated: cluster-report.history-missing-return @ versions[0].review');
  });

  it('tells an identical account from a different one', () => {
    const versions = [v('2025-12-18', { outcome: 'approved', on: '2025-12-22', by: 'Trần Thị Mai' })];
    const once = replayRecordedReport(subject, annual2025, versions, TODAY);
    expect(sameHistory(once, replayRecordedReport(subject, annual2025, versions, TODAY))).toBe(true);
    const otherDay = [v('2025-12-19', { outcome: 'approved', on: '2025-12-22', by: 'Trần Thị Mai' })];
    expect(sameHistory(once, replayRecordedReport(subject, annual2025, otherDay, TODAY))).toBe(false);
    const otherFigures = [v('2025-12-18', { outcome: 'approved', on: '2025-12-22', by: 'Trần Thị Mai' }, 1)];
    expect(sameHistory(once, replayRecordedReport(subject, annual2025, otherFigures, TODAY))).toBe(false);
  });
});
