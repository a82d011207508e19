import { workingDayCalendar } from '@kc/reference-data';
import {
  countedReporters,
  reporterCompleteness,
  reportingUnits,
  type ExpectedReporter,
} from './completeness';
import { deadlineOf } from './deadlines';
import { IMPLEMENTING_UNIT_MONTHLY } from './forms.data';
import { parsePeriod } from './periods';
import {
  certificateHolderReporters,
  implementingUnitReporters,
  owesProgressReport,
  validDuring,
  type CertificateFacts,
  type ProjectFacts,
} from './reporters';
import { approveReport, editReport, openReport, submitReport, type PeriodicReport } from './report-workflow';

const calendar = workingDayCalendar();
const march = parsePeriod('2026-M03');
const marchDeadline = deadlineOf(march, IMPLEMENTING_UNIT_MONTHLY.versions[0].deadline, calendar);

const project = (over: Partial<ProjectFacts> = {}): ProjectFacts => ({
  projectId: '00000000-0000-4000-8000-000000000001',
  code: 'DA-40-01',
  title: 'Mô hình trình diễn',
  provinceCode: '40',
  provinceAsOf: '2026-01-01',
  status: 'in-progress',
  startDate: '2026-02-01',
  endDate: '2026-11-30',
  contractedOn: '2026-02-10',
  stoppedOn: null,
  statusChangedOn: '2026-02-10',
  ...over,
});

describe('who owes the monthly progress report (implementing units)', () => {
  const owes = (over: Partial<ProjectFacts>, today = '2026-04-01') =>
    owesProgressReport(project(over), marchDeadline, today);

  it('is every project under contract whose work runs on the report day (the 24th, before the 25th)', () => {
    expect(marchDeadline.lastOnTimeDay).toBe('2026-03-24');
    expect(owes({})).toBe(true);
    expect(owes({ contractedOn: '2026-03-24' })).toBe(true);
    // Signed after the report day: its first report is April's.
    expect(owes({ contractedOn: '2026-03-25' })).toBe(false);
    // Signed early, but the schedule starts after the report day.
    expect(owes({ contractedOn: '2026-01-15', startDate: '2026-03-26' })).toBe(false);
    // In the plan without a contract or task yet, or rejected: nothing is executed.
    expect(owes({ contractedOn: null, status: 'in-plan' })).toBe(false);
    expect(owes({ status: 'rejected' })).toBe(false);
  });

  it('ends with the stop, the acceptance, or the schedule — but late work still under way keeps reporting', () => {
    expect(owes({ status: 'stopped', stoppedOn: '2026-03-10' })).toBe(false);
    expect(owes({ status: 'stopped', stoppedOn: '2026-03-24' })).toBe(true);
    expect(owes({ status: 'accepted', statusChangedOn: '2026-03-20' })).toBe(false);
    expect(owes({ status: 'accepted', statusChangedOn: '2026-04-02' })).toBe(true);
    // Moved past acceptance: the schedule's end stands for the acceptance day.
    expect(owes({ status: 'settled', endDate: '2026-03-31', statusChangedOn: '2026-06-01' })).toBe(true);
    expect(owes({ status: 'settled', endDate: '2026-03-15', statusChangedOn: '2026-06-01' })).toBe(false);
    // Planned to end on 15/03 but still in progress on 01/04: late, and still reporting.
    expect(owes({ endDate: '2026-03-15' }, '2026-04-01')).toBe(true);
    // Seen on 01/03 (the month ahead), a schedule ending on 15/03 owes no March report.
    expect(owes({ endDate: '2026-03-15' }, '2026-03-01')).toBe(false);
  });

  it('files one report per project, placed in the unit holding its territory in that month', () => {
    const reporters = implementingUnitReporters(
      [
        project(),
        project({ projectId: 'p-2', code: 'DA-40-02', title: 'Đào tạo nghề' }),
        // Recorded under Nam Định (36) in 2025: Ninh Bình (37) since 01/07/2025.
        project({ projectId: 'p-3', code: 'DA-36-01', provinceCode: '36', provinceAsOf: '2025-01-01' }),
        project({ projectId: 'p-4', contractedOn: null, status: 'in-plan' }),
      ],
      march,
      marchDeadline,
      '2026-04-01',
    );
    expect(reporters.map((r) => [r.reporterId, r.provinceCode, r.regionCode])).toEqual([
      ['p-3', '37', 'north'],
      ['00000000-0000-4000-8000-000000000001', '40', 'north'],
      ['p-2', '40', 'north'],
    ]);
    expect(reporters[1].name).toBe('DA-40-01 — Mô hình trình diễn');
  });
});

describe('who owes the annual report of certificate holders', () => {
  const certificate = (over: Partial<CertificateFacts> = {}): CertificateFacts => ({
    number: '40-2024-001',
    holderTaxCode: '2900000001',
    holderName: 'HTX Mây tre Nghệ An',
    provinceCode: '40',
    issuedOn: '2024-06-01',
    validUntil: '2026-12-31',
    withdrawnOn: null,
    ...over,
  });

  it('counts a certificate valid on any day of the year', () => {
    expect(validDuring(certificate(), 2025)).toBe(true);
    expect(validDuring(certificate({ issuedOn: '2025-12-31' }), 2025)).toBe(true);
    expect(validDuring(certificate({ issuedOn: '2026-01-01' }), 2025)).toBe(false);
    expect(validDuring(certificate({ validUntil: '2024-12-31' }), 2025)).toBe(false);
    expect(validDuring(certificate({ withdrawnOn: '2025-01-01' }), 2025)).toBe(false);
    expect(validDuring(certificate({ withdrawnOn: '2025-03-01' }), 2025)).toBe(true);
  });

  it('lists each holding facility once, in the unit of its latest certificate, and counts unknown holders apart', () => {
    const { reporters, holdersUnknown } = certificateHolderReporters(
      [
        certificate(),
        // The same facility's product certified regionally, later, recorded under today's unit.
        certificate({ number: 'KV-2025-010', issuedOn: '2025-09-01', provinceCode: '40' }),
        // Hải Dương (30) in 2024 is Hải Phòng (31) at the end of 2025.
        certificate({
          number: '30-2024-003',
          holderTaxCode: '0800000003',
          holderName: 'Cơ sở gốm',
          provinceCode: '30',
        }),
        certificate({ number: '40-2024-009', holderTaxCode: null, holderName: null }),
        certificate({ number: '40-2020-001', holderTaxCode: '2900000009', validUntil: '2023-12-31' }),
      ],
      parsePeriod('2025-Y'),
    );
    expect(reporters.map((r) => [r.reporterId, r.provinceCode, r.name])).toEqual([
      ['0800000003', '31', 'Cơ sở gốm'],
      ['2900000001', '40', 'HTX Mây tre Nghệ An'],
    ]);
    expect(holdersUnknown).toBe(1);
  });
});

describe('completeness of a form with many reporters per unit', () => {
  const form = IMPLEMENTING_UNIT_MONTHLY;
  const units = reportingUnits(march);
  const reporter = (id: string, provinceCode: string): ExpectedReporter => ({
    reporterId: id,
    provinceCode,
    regionCode: 'north',
    name: id,
  });
  const submitted = (id: string, provinceCode: string, at: string): PeriodicReport => {
    const opened = openReport({
      form,
      period: march,
      subject: { provinceCode, reporterId: id },
      platform: {},
      calendar,
      by: 'ttkc',
      at: '2026-03-02T08:00:00+07:00',
    });
    const filled = editReport(opened, form, {
      entered: { disbursedVnd: 100_000_000 },
      narratives: { progress: 'Đúng tiến độ' },
    });
    return submitReport(filled, form, { by: 'ttkc', at });
  };
  const province = (at: string) => ({ by: 'sct', at, level: 'province' as const });

  it('counts per unit, per region and for the nation from the same rows, and tells the review levels apart', () => {
    const reporters = [
      reporter('a', '40'),
      reporter('b', '40'),
      reporter('c', '79'),
      reporter('d', '48'),
      reporter('e', '48'),
    ];
    const reports = [
      approveReport(submitted('a', '40', '2026-03-20T09:00:00+07:00'), province('2026-03-21T09:00:00+07:00')),
      submitted('c', '79', '2026-03-25T00:00:00+07:00'),
      submitted('d', '48', '2026-03-24T23:59:59+07:00'),
    ];
    const panel = reporterCompleteness(units, reporters, reports, marchDeadline, '2026-03-28T09:00:00+07:00');
    expect(panel.provinces).toHaveLength(34);
    const of = (code: string) => panel.provinces.find((p) => p.provinceCode === code)!.counts;
    expect([of('40').units, of('40').onTime.count, of('40').overdue.count]).toEqual([2, 1, 1]);
    expect([of('79').units, of('79').late.count, of('48').units, of('48').onTime.count]).toEqual([
      1, 1, 2, 1,
    ]);
    expect(of('01').units).toBe(0);
    // The province approved a's report: it now waits for the agency; c's and d's wait for the province.
    expect([panel.nation.awaitingProvince.count, panel.nation.awaitingAgency.count]).toEqual([2, 1]);
    for (const key of ['units', 'onTime', 'late', 'overdue', 'awaitingProvince'] as const) {
      const value = (c: (typeof panel)['nation']) => (key === 'units' ? c.units : c[key].count);
      const regions = Object.values(panel.regions).reduce((sum, c) => sum + value(c), 0);
      const provinces = panel.provinces.reduce((sum, p) => sum + value(p.counts), 0);
      expect([key, regions, provinces]).toEqual([key, value(panel.nation), value(panel.nation)]);
    }
    // Regions come from the units, whatever a reporter row said.
    expect(panel.regions.south.units).toBe(1);
    expect(panel.regions.central.units).toBe(2);
  });

  it('keeps a report that came in from a reporter no longer expected, and refuses unplaced reporters', () => {
    const reports = [submitted('gone', '40', '2026-03-20T09:00:00+07:00')];
    const counted = countedReporters([reporter('a', '40')], reports, () => 'north');
    expect(counted.reporters.map((r) => r.reporterId)).toEqual(['a', 'gone']);
    const panel = reporterCompleteness(
      units,
      counted.reporters,
      counted.reports,
      marchDeadline,
      '2026-03-28T09:00:00+07:00',
    );
    expect([panel.nation.units, panel.nation.onTime.count, panel.nation.overdue.count]).toEqual([2, 1, 1]);
    expect(() =>
      reporterCompleteness(units, [reporter('x', '36')], [], marchDeadline, '2026-03-28T09:00:00+07:00'),
    ).toThrow(/not a unit of the period/);
    expect(() =>
      reporterCompleteness(units, [reporter('a', '40')], reports, marchDeadline, '2026-03-28T09:00:00+07:00'),
    ).toThrow(/does not report/);
  });
});
