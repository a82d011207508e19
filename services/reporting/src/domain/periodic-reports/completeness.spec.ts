import { workingDayCalendar } from '@kc/reference-data';
import { completeness, reportingUnits, share } from './completeness';
import { cellsOf } from './form-definition';
import { DEPARTMENT_QUARTERLY } from './forms.data';
import { parsePeriod } from './periods';
import {
  approveReport,
  editReport,
  openReport,
  returnReport,
  submitReport,
  type PeriodicReport,
} from './report-workflow';

const form = DEPARTMENT_QUARTERLY;
const period = parsePeriod('2026-Q1');
const calendar = workingDayCalendar();
const zeros = Object.fromEntries(
  cellsOf(form.versions[0])
    .filter((c) => c.platformSource)
    .map((c) => [c.key, 0]),
);

function draftOf(code: string): PeriodicReport {
  const opened = openReport({
    form,
    period,
    subject: { provinceCode: code, reporterId: code },
    platform: zeros,
    calendar,
    by: `sct.${code}`,
    at: '2026-03-31T08:00:00+07:00',
  });
  return editReport(opened, form, {
    entered: { ...zeros, trainees: 10, brands: 1 },
    narratives: { results: 'Đạt', difficulties: 'Không' },
    attachments: [
      {
        slot: 'signedReport',
        fileName: 'bc.pdf',
        mediaType: 'application/pdf',
        bytes: 1000,
        sha256: 'b'.repeat(64),
      },
    ],
  });
}

const sentAt = (code: string, at: string) => submitReport(draftOf(code), form, { by: `sct.${code}`, at });
const agency = (at: string) => ({ by: 'cuc.canbo', at, level: 'agency' as const });

const reports = [
  approveReport(sentAt('01', '2026-04-14T10:00:00+07:00'), agency('2026-04-16T09:00:00+07:00')),
  sentAt('04', '2026-04-17T10:00:00+07:00'),
  returnReport(sentAt('08', '2026-04-15T23:59:59+07:00'), {
    ...agency('2026-04-16T09:00:00+07:00'),
    reason: 'Thiếu phụ lục',
  }),
  approveReport(sentAt('44', '2026-04-01T10:00:00+07:00'), agency('2026-04-02T09:00:00+07:00')),
  draftOf('79'),
];
const deadline = reports[0].deadline;
const units = reportingUnits(period);

describe('the units that report for a period', () => {
  it('are the 34 of 2026 (18 north, 8 central, 8 south) and the 63 before July 2025', () => {
    expect(units).toHaveLength(34);
    expect(['north', 'central', 'south'].map((r) => units.filter((u) => u.regionCode === r).length)).toEqual([
      18, 8, 8,
    ]);
    expect(reportingUnits(parsePeriod('2025-Q2'))).toHaveLength(63);
  });
});

describe('completeness and timeliness', () => {
  it('counts each unit once, per region and for the nation, after the deadline', () => {
    const panel = completeness(units, reports, deadline, '2026-04-20T12:00:00+07:00');
    const brief = (c: typeof panel.nation) => ({
      units: c.units,
      submitted: c.submitted.count,
      onTime: c.onTime.count,
      late: c.late.count,
      overdue: c.overdue.count,
      notYetDue: c.notYetDue.count,
      approved: c.approved.count,
      returned: c.returned.count,
      awaitingReview: c.awaitingReview.count,
    });
    expect(brief(panel.nation)).toEqual({
      units: 34,
      submitted: 4,
      onTime: 3,
      late: 1,
      overdue: 30,
      notYetDue: 0,
      approved: 2,
      returned: 1,
      awaitingReview: 1,
    });
    expect(brief(panel.regions.north)).toEqual({
      units: 18,
      submitted: 3,
      onTime: 2,
      late: 1,
      overdue: 15,
      notYetDue: 0,
      approved: 1,
      returned: 1,
      awaitingReview: 1,
    });
    expect(brief(panel.regions.central)).toMatchObject({
      units: 8,
      submitted: 1,
      onTime: 1,
      approved: 1,
      overdue: 7,
    });
    expect(brief(panel.regions.south)).toMatchObject({ units: 8, submitted: 0, overdue: 8 });
    expect(panel.nation.submitted.percent).toEqual({ vi: '11,8%', en: '11.8%' });
    expect(panel.regions.north.submitted.percent?.vi).toBe('16,7%');
    expect(panel.nation.onTimeOfSubmitted).toEqual({
      count: 3,
      of: 4,
      percent: { vi: '75,0%', en: '75.0%' },
    });
    expect(panel.units.find((u) => u.provinceCode === '04')).toMatchObject({
      timeliness: 'late',
      daysLate: 2,
      review: 'awaiting-review',
    });
    expect(panel.units.find((u) => u.provinceCode === '79')).toMatchObject({
      timeliness: 'overdue',
      review: 'none',
    });
  });

  it('calls missing reports not yet due until the deadline ends at midnight Vietnamese time', () => {
    const before = completeness(units, reports, deadline, '2026-04-15T23:59:59+07:00');
    expect([before.nation.notYetDue.count, before.nation.overdue.count]).toEqual([30, 0]);
    const after = completeness(units, reports, deadline, '2026-04-15T17:00:00Z');
    expect([after.nation.notYetDue.count, after.nation.overdue.count]).toEqual([0, 30]);
  });

  it('refuses a report of a unit that does not report, or two reports of one unit', () => {
    expect(() => completeness(units, [draftOf('02')], deadline, '2026-04-20T12:00:00+07:00')).toThrow(
      /unit 02/,
    );
    expect(() =>
      completeness(units, [reports[1], reports[1]], deadline, '2026-04-20T12:00:00+07:00'),
    ).toThrow(/more than one/);
  });
});

describe('a share', () => {
  it('keeps its counts and rounds only the display, half up', () => {
    expect(share(1, 3).percent?.en).toBe('33.3%');
    expect(share(2, 3).percent?.en).toBe('66.7%');
    expect(share(1, 8).percent?.vi).toBe('12,5%');
    expect(share(34, 34).percent?.en).toBe('100.0%');
    expect(share(0, 0)).toEqual({ count: 0, of: 0, percent: null });
  });
});
