import { DomainError } from '@kc/errors';
import {
  approveReport,
  approvedFigures,
  editReport,
  isOverdue,
  openReport,
  reopenReport,
  returnReport,
  submitReport,
  submittedLate,
  type PeriodicReport,
} from './periodic-report';

type Figures = { leasedCentiHa: number };

const subject = { kind: 'cluster' as const, clusterCode: 'CCN-40-007', provinceCode: '40' };
const period = { kind: 'six-monthly' as const, year: 2026 };
const draft = () => openReport<Figures>(subject, 'developer', period, { leasedCentiHa: 2400 });
const submitted = () => submitReport(draft(), 'cdt.nghiphong', '2026-06-18');
const approved = () => approveReport(submitted(), 'sct.nghean', '2026-06-25');

const refusal = (make: () => unknown) => {
  try {
    make();
  } catch (error) {
    if (error instanceof DomainError) return `${error.kind}: ${error.code} @ ${error.field}`;
    throw error;
  }
  throw new Error('not refused');
};

describe('a periodic report', () => {
  it('is refused for a period under no recorded regime', () => {
    expect(refusal(() => openReport(subject, 'developer', { kind: 'six-monthly', year: 2024 }, {}))).toBe(
      'rule-violated: cluster-report.no-regime @ period',
    );
  });

  it('freezes each submission as a version, noting lateness against the reporter deadline', () => {
    const report = submitted();
    expect(report).toMatchObject({ status: 'submitted', working: null, approvedVersion: null });
    expect(report.versions).toEqual([
      {
        version: 1,
        figures: { leasedCentiHa: 2400 },
        submittedOn: '2026-06-18',
        submittedBy: 'cdt.nghiphong',
        late: false,
        daysLate: 0,
      },
    ]);
    const late = submitReport(draft(), 'cdt.nghiphong', '2026-06-23');
    expect([late.versions[0].late, late.versions[0].daysLate, submittedLate(late)]).toEqual([true, 4, true]);
  });

  it('cannot be submitted before its cut-off date', () => {
    expect(refusal(() => submitReport(draft(), 'cdt.nghiphong', '2026-06-13'))).toBe(
      'rule-violated: cluster-report.before-cut-off @ on',
    );
    expect(submitReport(draft(), 'cdt.nghiphong', '2026-06-14').status).toBe('submitted');
  });

  it('is returned only with a reason, back to its submitter with the figures to correct', () => {
    expect(refusal(() => returnReport(submitted(), 'sct.nghean', '2026-06-22', '  '))).toBe(
      'rule-violated: cluster-report.reason-required @ reason',
    );
    const returned = returnReport(
      submitted(),
      'sct.nghean',
      '2026-06-22',
      'Diện tích đã cho thuê chưa khớp hợp đồng',
    );
    expect(returned).toMatchObject({ status: 'returned', working: { leasedCentiHa: 2400 } });
    expect(returned.events.at(-1)).toEqual({
      kind: 'returned',
      version: 1,
      on: '2026-06-22',
      by: 'sct.nghean',
      reason: 'Diện tích đã cho thuê chưa khớp hợp đồng',
    });
    const corrected = submitReport(
      editReport(returned, { leasedCentiHa: 2350 }),
      'cdt.nghiphong',
      '2026-06-24',
    );
    expect(corrected.versions.map((v) => [v.version, v.figures.leasedCentiHa, v.late])).toEqual([
      [1, 2400, false],
      [2, 2350, true],
    ]);
    // The first submission was on time: a correction does not make the report late.
    expect(submittedLate(corrected)).toBe(false);
  });

  it('cannot change after approval: no edit, no second submission, no return', () => {
    const report = approved();
    expect(approvedFigures(report)).toEqual({ leasedCentiHa: 2400 });
    expect(refusal(() => editReport(report, { leasedCentiHa: 1 }))).toBe(
      'conflict: cluster-report.illegal-transition @ status',
    );
    expect(() => editReport(report, { leasedCentiHa: 1 })).toThrow(
      'Không thể sửa báo cáo 6 tháng đầu năm 2026 của cụm công nghiệp CCN-40-007 đang ở trạng thái "Đã duyệt" / ' +
        'Cannot edit the report for the first half of 2026 of cluster CCN-40-007 while it is approved',
    );
    expect(refusal(() => submitReport(report, 'cdt.nghiphong', '2026-06-26'))).toBe(
      'conflict: cluster-report.illegal-transition @ status',
    );
    expect(refusal(() => returnReport(report, 'sct.nghean', '2026-06-26', 'Sai số liệu'))).toBe(
      'conflict: cluster-report.illegal-transition @ status',
    );
  });

  it('is reopened only with a reason and the approval of a second person, both recorded', () => {
    const ask = {
      requestedBy: 'cdt.nghiphong',
      approvedBy: 'sct.truongphong',
      reason: 'Bổ sung dự án mới thuê đất',
      on: '2026-07-02',
    };
    expect(refusal(() => reopenReport(approved(), { ...ask, reason: '' }))).toBe(
      'rule-violated: cluster-report.reason-required @ reason',
    );
    expect(refusal(() => reopenReport(approved(), { ...ask, approvedBy: '' }))).toBe(
      'rule-violated: cluster-report.reopen-approver @ approvedBy',
    );
    expect(refusal(() => reopenReport(approved(), { ...ask, approvedBy: ' cdt.nghiphong ' }))).toBe(
      'rule-violated: cluster-report.reopen-approver @ approvedBy',
    );
    const reopened = reopenReport(approved(), ask);
    expect(reopened).toMatchObject({ status: 'draft', working: { leasedCentiHa: 2400 } });
    expect(reopened.events.at(-1)).toEqual({ kind: 'reopened', version: 1, ...ask });
  });

  it('keeps the approved figures in force while reopened, until the next approval replaces them', () => {
    const reopened = reopenReport(approved(), {
      requestedBy: 'cdt.nghiphong',
      approvedBy: 'sct.truongphong',
      reason: 'Bổ sung dự án mới thuê đất',
      on: '2026-07-02',
    });
    const resubmitted = submitReport(
      editReport(reopened, { leasedCentiHa: 2600 }),
      'cdt.nghiphong',
      '2026-07-03',
    );
    expect(approvedFigures(resubmitted)).toEqual({ leasedCentiHa: 2400 });
    const reapproved: PeriodicReport<Figures> = approveReport(resubmitted, 'sct.nghean', '2026-07-05');
    expect([reapproved.approvedVersion, approvedFigures(reapproved)]).toEqual([2, { leasedCentiHa: 2600 }]);
    expect(reapproved.versions.map((v) => v.figures.leasedCentiHa)).toEqual([2400, 2600]);
    expect(reapproved.events.map((e) => e.kind)).toEqual([
      'submitted',
      'approved',
      'reopened',
      'submitted',
      'approved',
    ]);
  });

  it('takes its steps in date order', () => {
    expect(refusal(() => approveReport(submitted(), 'sct.nghean', '2026-06-17'))).toBe(
      'rule-violated: cluster-report.date-out-of-order @ on',
    );
  });

  it('is overdue once its deadline passes with nothing submitted', () => {
    expect(isOverdue(draft(), '2026-06-19')).toBe(false);
    expect(isOverdue(draft(), '2026-06-20')).toBe(true);
    expect(isOverdue(submitted(), '2026-07-01')).toBe(false);
  });

  it('needs someone to approve it and approves only a submitted version', () => {
    expect(refusal(() => approveReport(submitted(), ' ', '2026-06-25'))).toBe(
      'rule-violated: cluster-report.by-required @ by',
    );
    expect(refusal(() => approveReport(draft(), 'sct.nghean', '2026-06-25'))).toBe(
      'conflict: cluster-report.illegal-transition @ status',
    );
  });
});
