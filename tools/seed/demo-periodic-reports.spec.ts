import { periodicReportHistoryImportRequest } from '@kc/contracts';
import { provincesAsOf, workingDayCalendar } from '@kc/reference-data';
import {
  cellsOf,
  countedSubmission,
  DEPARTMENT_QUARTERLY,
  parsePeriod,
  replayRecordedReport,
  versionInForce,
} from '../../services/reporting/src/domain/periodic-reports';
import { buildPeriodicReportDemo, lastFourQuarters } from './demo-periodic-reports.mjs';

const TODAY = '2026-12-07';
const provincesNow = provincesAsOf(TODAY).map((u) => ({ code: u.code, nameVi: u.nameVi }));

describe('the periodic reports of the demo', () => {
  const demo = buildPeriodicReportDemo({ provincesNow, today: TODAY });

  it('covers the last four settled quarters of the 34 units, one unit missing in the latest', () => {
    expect(provincesNow).toHaveLength(34);
    expect(demo.quarters).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    expect(demo.latest).toBe('2026-Q3');
    expect(demo.records).toHaveLength(34 * 4 - 1);
    for (const q of demo.quarters.slice(0, 3))
      expect(demo.records.filter((r) => r.period === q)).toHaveLength(34);
    const latest = demo.records.filter((r) => r.period === '2026-Q3').map((r) => r.provinceCode);
    expect(latest).toHaveLength(33);
    expect(latest).not.toContain(demo.missing);
    expect(new Set(demo.records.map((r) => `${r.period}/${r.provinceCode}`)).size).toBe(demo.records.length);
  });

  it('has one report returned and corrected, three awaiting review, the rest approved', () => {
    const returned = demo.records.filter((r) => r.versions.length > 1);
    expect(returned.map((r) => [r.period, r.provinceCode])).toEqual([['2026-Q3', demo.returned]]);
    expect(returned[0].versions.map((v) => v.review?.outcome)).toEqual(['returned', 'approved']);
    const unreviewed = demo.records.filter((r) => r.versions.at(-1)!.review === undefined);
    expect(unreviewed.map((r) => r.provinceCode).sort()).toEqual([...demo.awaiting].sort());
    expect(unreviewed.every((r) => r.period === '2026-Q3')).toBe(true);
  });

  it('passes the live rules: each record rebuilt by the domain, lateness as the data set says', () => {
    const form = DEPARTMENT_QUARTERLY;
    const late = new Set(demo.late.map((l) => `${l.period}/${l.provinceCode}`));
    expect(late.size).toBe(demo.late.length);
    // Four late units a quarter, not the same ones: 16 of the 135 reports.
    expect(demo.quarters.map((q) => demo.late.filter((l) => l.period === q).length)).toEqual([4, 4, 4, 4]);
    expect(new Set(demo.late.map((l) => l.provinceCode)).size).toBeGreaterThan(8);
    for (const record of demo.records) {
      const period = parsePeriod(record.period);
      const version = versionInForce(form, period);
      // An empty platform knows its zeros for the sources it projects (models and machinery stay blank).
      const platform = Object.fromEntries(
        cellsOf(version)
          .filter((c) => c.platformSource && !/demonstrationModels|machinery/i.test(c.platformSource))
          .map((c) => [c.key, 0]),
      );
      const report = replayRecordedReport({
        form,
        period,
        subject: { provinceCode: record.provinceCode, reporterId: record.provinceCode },
        platform,
        calendar: workingDayCalendar(),
        versions: record.versions,
        now: `${TODAY}T00:00:00+07:00`,
      });
      const counted = countedSubmission(report)!;
      expect([record.period, record.provinceCode, counted.lateness.onTime]).toEqual([
        record.period,
        record.provinceCode,
        !late.has(`${record.period}/${record.provinceCode}`),
      ]);
      expect(report.status).toBe(
        demo.awaiting.includes(record.provinceCode) && record.period === demo.latest
          ? 'submitted'
          : 'approved',
      );
    }
  });

  it('sends bodies the API accepts, one quarter (34 records) per request', () => {
    for (const period of demo.quarters) {
      const records = demo.records.filter((r) => r.period === period);
      const parsed = periodicReportHistoryImportRequest.safeParse({ records });
      expect(parsed.error?.issues ?? []).toEqual([]);
    }
  });

  it('takes the quarters from today: settled ones only, from the 34 units on', () => {
    expect(lastFourQuarters('2026-11-10').map((q) => q.id)).toEqual([
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
    ]);
    expect(lastFourQuarters('2026-02-20').map((q) => q.id)).toEqual(['2025-Q3', '2025-Q4']);
    expect(buildPeriodicReportDemo({ provincesNow, today: '2026-12-07' })).toEqual(demo);
  });
});
