import { workingDayCalendar } from '@kc/reference-data';
import { reporterCompleteness, reportingUnits, type ExpectedReporter } from './completeness';
import { deadlineOf } from './deadlines';
import { DEPARTMENT_QUARTERLY, IMPLEMENTING_UNIT_MONTHLY } from './forms.data';
import { parsePeriod } from './periods';
import {
  progressMonthOf,
  progressReceiptsOf,
  reporterSubmission,
  takesProgressReports,
  type ProgressReceipt,
} from './progress-reports';
import {
  approveReport,
  editReport,
  openReport,
  submitReport,
  withdrawReport,
  type PeriodicReport,
} from './report-workflow';

const calendar = workingDayCalendar();
const form = IMPLEMENTING_UNIT_MONTHLY;
const march = parsePeriod('2026-M03');
// "Before the 25th": 24/03/2026 is the last on-time day; 00:00 on 25/03 in Hà Nội (17:00Z on 24/03) is late.
const deadline = deadlineOf(march, form.versions[0].deadline, calendar);
const units = reportingUnits(march);
const afterDeadline = '2026-03-30T09:00:00+07:00';

const receipt = (projectId: string, receivedAt: string, month = '2026-03'): ProgressReceipt => ({
  projectId,
  month,
  receivedAt,
});

const submitted = (projectId: string, at: string): PeriodicReport => {
  const opened = openReport({
    form,
    period: march,
    subject: { provinceCode: '40', reporterId: projectId },
    platform: {},
    calendar,
    by: 'ttkc.40',
    at: '2026-03-02T08:00:00+07:00',
  });
  const filled = editReport(opened, form, {
    entered: { disbursedVnd: 100_000_000 },
    narratives: { progress: 'Đúng tiến độ' },
  });
  return submitReport(filled, form, { by: 'ttkc.40', at });
};

const reporters: ExpectedReporter[] = ['a', 'b', 'c', 'd'].map((id) => ({
  reporterId: id,
  provinceCode: '40',
  regionCode: 'north',
  name: id,
}));
const rowsOf = (reports: PeriodicReport[], receipts: ProgressReceipt[], now = afterDeadline) =>
  reporterCompleteness(units, reporters, reports, deadline, now, { period: march, receipts }).reporters;

describe('the monthly progress report sent to the projects service', () => {
  it('is taken only by the implementing units’ monthly form, month by month', () => {
    expect(takesProgressReports(form)).toBe(true);
    expect(takesProgressReports(DEPARTMENT_QUARTERLY)).toBe(false);
    expect(progressMonthOf(march)).toBe('2026-03');
    expect(() => progressMonthOf(parsePeriod('2026-Q1'))).toThrow(RangeError);
  });

  it('counts as the month’s submission on time, with no review in this workflow', () => {
    const [row] = rowsOf([], [receipt('a', '2026-03-20T10:00:00+07:00')]);
    expect(row).toMatchObject({
      reporterId: 'a',
      timeliness: 'on-time',
      daysLate: 0,
      review: 'none',
      awaiting: null,
      submittedVia: 'progress-report',
    });
  });

  it('is judged late by its Vietnamese receipt day across the 24/25 boundary, not by the projects service’s flag', () => {
    // 23:59:59 on the 24th in Hà Nội is on time; 00:00 on the 25th is one day late although it is still the 24th
    // in UTC. The projects service flags neither as late: it counts the 25th as on time ("by the end of the
    // 25th"), while the form says "before the 25th" — the form version's deadline judges both channels.
    const [a, b, c] = rowsOf(
      [],
      [
        receipt('a', '2026-03-24T16:59:59Z'),
        receipt('b', '2026-03-24T17:00:00Z'),
        receipt('c', '2026-03-27T08:00:00+07:00'),
      ],
    );
    expect([a.timeliness, a.daysLate]).toEqual(['on-time', 0]);
    expect([b.timeliness, b.daysLate, b.submittedVia]).toEqual(['late', 1, 'progress-report']);
    expect([c.timeliness, c.daysLate]).toEqual(['late', 3]);
  });

  it('counts the earlier of a periodic report and a progress report, keeping the periodic report’s review', () => {
    const lateReport = submitted('a', '2026-03-26T09:00:00+07:00');
    const onTimeReport = approveReport(submitted('b', '2026-03-20T09:00:00+07:00'), {
      by: 'sct.40',
      at: '2026-03-21T09:00:00+07:00',
      level: 'province',
    });
    const [a, b] = rowsOf(
      [lateReport, onTimeReport],
      [receipt('a', '2026-03-23T15:00:00+07:00'), receipt('b', '2026-03-28T15:00:00+07:00')],
    );
    // a: the progress report came first, on time; its periodic report (two days late) still awaits the province.
    expect(a).toMatchObject({
      timeliness: 'on-time',
      submittedVia: 'progress-report',
      review: 'awaiting-review',
      awaiting: 'province',
    });
    // b: the periodic report came first; the later progress report changes nothing.
    expect(b).toMatchObject({
      timeliness: 'on-time',
      submittedVia: 'periodic-report',
      review: 'awaiting-review',
      awaiting: 'agency',
    });
    expect(reporterSubmission(lateReport, undefined, deadline)).toMatchObject({
      via: 'periodic-report',
      lateness: { onTime: false, daysLate: 2 },
    });
  });

  it('still counts when the periodic report was withdrawn, and a draft adds nothing', () => {
    const withdrawn = withdrawReport(submitted('a', '2026-03-10T09:00:00+07:00'), {
      by: 'ttkc.40',
      at: '2026-03-11T09:00:00+07:00',
    });
    const [a] = rowsOf([withdrawn], [receipt('a', '2026-03-26T09:00:00+07:00')]);
    expect([a.timeliness, a.daysLate, a.submittedVia, a.review]).toEqual([
      'late',
      2,
      'progress-report',
      'none',
    ]);
  });

  it('does not answer another month’s duty, nor count for a project that owed nothing', () => {
    const receipts = [
      receipt('a', '2026-03-05T09:00:00+07:00', '2026-02'),
      receipt('b', '2026-04-20T09:00:00+07:00', '2026-04'),
      receipt('not-expected', '2026-03-20T09:00:00+07:00'),
    ];
    expect([...progressReceiptsOf(march, receipts).keys()]).toEqual(['not-expected']);
    const panel = reporterCompleteness(units, reporters, [], deadline, afterDeadline, {
      period: march,
      receipts,
    });
    expect(panel.reporters.map((r) => [r.reporterId, r.timeliness, r.submittedVia])).toEqual([
      ['a', 'overdue', null],
      ['b', 'overdue', null],
      ['c', 'overdue', null],
      ['d', 'overdue', null],
    ]);
    expect([panel.nation.units, panel.nation.submitted.count]).toEqual([4, 0]);
  });

  it('adds up per unit, region and nation with the periodic reports, before and after the deadline', () => {
    const reports = [submitted('c', '2026-03-22T09:00:00+07:00')];
    const receipts = [receipt('a', '2026-03-20T09:00:00+07:00'), receipt('b', '2026-03-25T09:00:00+07:00')];
    const before = reporterCompleteness(units, reporters, reports, deadline, '2026-03-24T12:00:00+07:00', {
      period: march,
      receipts: receipts.slice(0, 1),
    });
    expect([before.nation.onTime.count, before.nation.notYetDue.count, before.nation.overdue.count]).toEqual([
      2, 2, 0,
    ]);
    const after = reporterCompleteness(units, reporters, reports, deadline, afterDeadline, {
      period: march,
      receipts,
    });
    const counts = after.provinces.find((p) => p.provinceCode === '40')!.counts;
    expect([counts.units, counts.onTime.count, counts.late.count, counts.overdue.count]).toEqual([
      4, 2, 1, 1,
    ]);
    expect([after.nation.awaitingReview.count, after.regions.north.submitted.count]).toEqual([1, 3]);
  });

  it('refuses two progress reports of one project for one month', () => {
    expect(() =>
      progressReceiptsOf(march, [receipt('a', '2026-03-20T09:00:00Z'), receipt('a', '2026-03-21T09:00:00Z')]),
    ).toThrow(/two progress reports/);
  });
});
