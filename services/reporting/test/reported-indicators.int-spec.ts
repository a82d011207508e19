import { randomUUID } from 'node:crypto';
import type { ConferenceReport, Principal } from '@kc/contracts';
import { central, officer } from '@kc/testing';
import { Clock } from '../src/application/clock';
import { PeriodicReportsClock } from '../src/application/periodic-reports/periodic-reports-clock';
import { signedReportFile, uploadFile } from './support/attachment-files';
import { useReportingContext } from './support/reporting-context';

type Values = Record<string, number>;
type View = {
  id: string;
  status: string;
  approvedVersion: number | null;
  working: { entered: Values } | null;
  versions: { number: number; content: { entered: Values } }[];
  reopenRequest: { id: string } | null;
};

const QUARTERLY = 'sct-khuyen-cong-quy';
const ANNUAL = 'sct-khuyen-cong-nam';
const signedReport = signedReportFile('bao-cao', 'bao-cao.pdf');

/** The entered indicators' totals of some approved versions, summed here independently of the service. */
function summed(versions: Values[]): Values {
  const totals: Values = {};
  for (const values of versions) {
    for (const [cell, value] of Object.entries(values)) {
      const indicator = cell.split('/')[0];
      totals[indicator] = (totals[indicator] ?? 0) + value;
    }
  }
  return totals;
}

/**
 * Issue 16, the indicators the departments report, against the real database and HTTP layer: the conference
 * views sum the approved reports (and only those), list the units with none, and restate units to today's 34.
 */
describe('reported indicators in the conference views', () => {
  const context = useReportingContext('reporting_reported_indicators', { consumeEvents: false });
  const { as, db } = context;
  let reportsClock: PeriodicReportsClock;
  const at = (instant: string) => (reportsClock.now = () => new Date(instant));

  beforeAll(() => {
    reportsClock = context.service.app.get(PeriodicReportsClock);
    // The conference's "today": after the year, so the units owing 2026's reports are those of 31/12/2026.
    context.service.app.get(Clock).now = () => new Date('2027-02-01T03:00:00Z');
  });

  const national = async (query: string) => {
    const reply = await as(central).get<ConferenceReport>(`/api/v1/conferences/national?${query}`);
    expect(reply.status).toBe(200);
    return reply.body;
  };

  /** Opens, fills in (explaining every change from the platform's figures), submits: the submitted view. */
  async function submitted(code: string, formId: string, period: string, values: Values): Promise<View> {
    const by = officer(code);
    const opened = await as(by).post<View>('/api/v1/periodic-reports', {
      formId,
      period,
      provinceCode: code,
    });
    expect([opened.status, opened.body.status]).toEqual([201, 'draft']);
    return resubmit(opened.body, code, values);
  }

  async function resubmit(report: View, code: string, values: Values): Promise<View> {
    const by = officer(code);
    const entered = {
      trainees: 0,
      brands: 0,
      demonstrationModels: 0,
      facilitiesGivenMachinery: 0,
      ...report.working!.entered,
      ...values,
    };
    // Every cell explained: a difference from the platform's figures needs one; the others are dropped.
    const explanations = Object.fromEntries(
      Object.keys(entered).map((cell) => [cell, 'Số liệu của Sở theo hồ sơ quyết toán']),
    );
    const edited = await as(by).put<View>(`/api/v1/periodic-reports/${report.id}/content`, {
      values: entered,
      explanations,
      narratives: { results: 'Hoàn thành kế hoạch', difficulties: 'Không có' },
      attachments: [signedReport.attachment],
    });
    expect([edited.status, (edited.body as { code?: string }).code]).toEqual([200, undefined]);
    await uploadFile(as(by), report.id, signedReport.bytes);
    const sent = await as(by).post<View>(`/api/v1/periodic-reports/${report.id}/submit`, undefined, {
      'idempotency-key': randomUUID(),
    });
    expect([sent.status, sent.body.status, sent.status === 200 ? null : sent.body]).toEqual([
      200,
      'submitted',
      null,
    ]);
    return sent.body;
  }

  const review = async (id: string, step: 'approve' | 'return', by: Principal = central) => {
    const reply = await as(by).post<View>(
      `/api/v1/periodic-reports/${id}/${step}`,
      step === 'return' ? { reason: 'Số liệu nội dung 3 chưa khớp hồ sơ' } : undefined,
    );
    expect(reply.status).toBe(200);
    return reply.body;
  };

  /** The approved version's entered figures, read back through the API. */
  const approvedFigures = async (id: string): Promise<Values> => {
    const { body } = await as(central).get<View>(`/api/v1/periodic-reports/${id}`);
    return body.versions[body.approvedVersion! - 1].content.entered;
  };

  const ids: Record<string, string> = {};

  it('sums the approved reports per unit, region and nation; units without one are listed as missing', async () => {
    // Nghệ An (north): its annual report. Hồ Chí Minh City (south): Q3, year-to-date. Đà Nẵng (central): Q2
    // approved, then Q3 returned and never approved — Q2 counts.
    at('2026-10-02T02:00:00Z');
    const hcm = await submitted('79', QUARTERLY, '2026-Q3', {
      trainees: 45,
      'kcqgDisbursedVnd/content-1': 5,
      'kcqgDisbursedVnd/content-3': 1_250_000_000,
      'projectsApproved/content-1': 2,
    });
    await review(hcm.id, 'approve');
    at('2026-07-03T02:00:00Z');
    const danangQ2 = await submitted('48', QUARTERLY, '2026-Q2', {
      trainees: 10,
      'projectsApproved/content-3': 1,
      'projectsCompleted/content-3': 1,
    });
    await review(danangQ2.id, 'approve');
    at('2026-10-03T02:00:00Z');
    const danangQ3 = await submitted('48', QUARTERLY, '2026-Q3', { trainees: 999 });
    expect((await review(danangQ3.id, 'return')).status).toBe('returned');
    at('2027-01-05T02:00:00Z');
    const ngheAn = await submitted('40', ANNUAL, '2026-Y', {
      trainees: 120,
      brands: 2,
      'kcqgDisbursedVnd/content-3': 800_000_000,
      'projectsApproved/content-3': 4,
      'projectsCompleted/content-3': 3,
    });
    await review(ngheAn.id, 'approve');
    Object.assign(ids, { hcm: hcm.id, danangQ2: danangQ2.id, ngheAn: ngheAn.id });

    const { reportedIndicators: section } = await national('year=2026');
    const approved = await Promise.all([ngheAn.id, hcm.id, danangQ2.id].map(approvedFigures));
    expect(section.total.figures!.totals).toEqual(summed(approved));
    expect(section.total.figures!.totals).toMatchObject({
      trainees: 175,
      kcqgDisbursedVnd: 2_050_000_005,
      projectsApproved: 7,
      projectsCompleted: 4,
    });
    expect(section.total.figures!.members.kcqgDisbursedVnd).toMatchObject({
      'content-1': 5,
      'content-3': 2_050_000_000,
    });
    // 4 of 7 from the summed totals (57,14 %), not the average of the units' rates.
    expect(section.total.figures!.ratios.completionRate).toBe(5_714);
    expect([section.total.reported, section.total.expected]).toEqual([3, 34]);
    const region = (code: string) => section.regions.find((r) => r.code === code)!;
    expect(
      [region('north'), region('central'), region('south')].map((r) => r.figures!.totals.trainees),
    ).toEqual([120, 10, 45]);

    const unit = (code: string) => section.reportingUnits.find((u) => u.code === code)!;
    expect(unit('40').report).toMatchObject({ formId: ANNUAL, period: '2026-Y', cutOff: '2026-12-31' });
    expect(unit('79').report).toMatchObject({ period: '2026-Q3', cutOff: '2026-09-30' });
    expect(unit('48').report).toMatchObject({ period: '2026-Q2', approvedVersion: 1 });
    const missing = section.reportingUnits.filter((u) => u.report === null).map((u) => u.code);
    expect(missing).toHaveLength(31);
    expect(missing).toEqual(expect.arrayContaining(['01', '38', '96']));
    expect(section.units.find((u) => u.code === '01')).toMatchObject({ missing: ['01'], figures: null });

    const regional = await as(central).get<ConferenceReport>(
      '/api/v1/conferences/regional/central?year=2026',
    );
    expect(regional.body.reportedIndicators.total).toMatchObject({ expected: 8, reported: 1 });
    expect(regional.body.reportedIndicators.total.figures!.totals).toEqual(summed([approved[2]]));
  });

  it('keeps counting an approved report while its correction is returned, and audits the reopening', async () => {
    const before = (await national('year=2026')).reportedIndicators;
    at('2027-01-10T02:00:00Z');
    const asked = await as(officer('40')).post<View>(
      `/api/v1/periodic-reports/${ids.ngheAn}/reopen-requests`,
      {
        reason: 'Sở điều chỉnh số lượt đào tạo',
      },
    );
    expect(asked.status).toBe(201);
    const reopened = await as(central).post<View>(
      `/api/v1/periodic-reports/${ids.ngheAn}/reopen-requests/${asked.body.reopenRequest!.id}/approve`,
    );
    expect([reopened.body.status, reopened.body.approvedVersion]).toEqual(['draft', 1]);
    // The reopening's commit writes an outbox row — the signal that drops the conference answers kept at the edge.
    const { rows } = await db.query(
      `SELECT envelope -> 'payload' ->> 'action' AS action FROM outbox WHERE message_key = $1 AND type = $2
          AND envelope -> 'payload' ->> 'action' <> 'periodic-report.attachment-upload'`,
      [ids.ngheAn, 'audit.record.appended'],
    );
    expect(rows).toEqual([{ action: 'periodic-report.reopen' }]);

    at('2027-01-11T02:00:00Z');
    await resubmit(reopened.body, '40', { trainees: 9_999, 'kcqgDisbursedVnd/content-3': 1 });
    expect((await review(ids.ngheAn, 'return')).status).toBe('returned');

    const after = (await national('year=2026')).reportedIndicators;
    expect(after.total).toEqual(before.total);
    expect(after.units).toEqual(before.units);
    expect(after.reportingUnits.find((u) => u.code === '40')!.report).toMatchObject({
      approvedVersion: 1,
      underCorrection: true,
    });

    // Approved, the correction replaces the figures it corrects.
    at('2027-01-12T02:00:00Z');
    const correction = (await as(officer('40')).get<View>(`/api/v1/periodic-reports/${ids.ngheAn}`)).body;
    await resubmit(correction, '40', { trainees: 130, 'kcqgDisbursedVnd/content-3': 800_000_000 });
    await review(ids.ngheAn, 'approve');
    const corrected = (await national('year=2026')).reportedIndicators;
    expect(corrected.total.figures!.totals.trainees).toBe(before.total.figures!.totals.trainees + 10);
    expect(corrected.reportingUnits.find((u) => u.code === '40')!.report).toMatchObject({
      approvedVersion: 3,
      underCorrection: false,
    });
  });

  it("restates the units of a year of the 63 to today's, listing every old unit without a report", async () => {
    // The department forms begin with the 34 units (01/07/2025): an old unit cannot file a 2024 report.
    const old = await as(officer('36')).post('/api/v1/periodic-reports', {
      formId: ANNUAL,
      period: '2024-Y',
      provinceCode: '36',
    });
    expect([old.status, (old.body as { code?: string }).code]).toEqual([
      422,
      'periodic-report.no-form-version',
    ]);

    const asItWas = (await national('year=2024&grouping=historical')).reportedIndicators;
    expect([asItWas.reportingUnitsAsOf, asItWas.units.length]).toEqual(['2024-12-31', 63]);
    expect(asItWas.departmentFormsFrom).toBe('2025-07-01');
    expect(asItWas.units.find((u) => u.code === '36')).toMatchObject({ nameVi: 'Nam Định', missing: ['36'] });

    const restated = (await national('year=2024')).reportedIndicators;
    expect([restated.reportingUnitsAsOf, restated.unitsAsOf, restated.units.length]).toEqual([
      '2024-12-31',
      '2027-02-01',
      34,
    ]);
    // Hà Nam, Nam Định and Ninh Bình of 2024 are today's Ninh Bình; Bình Thuận (South then) is in Lâm Đồng.
    expect(restated.units.find((u) => u.code === '37')).toMatchObject({
      nameVi: 'Ninh Bình',
      reportedBy: [],
      missing: ['35', '36', '37'],
      figures: null,
    });
    expect(restated.reportingUnits.find((u) => u.code === '60')).toMatchObject({
      nameVi: 'Bình Thuận',
      regionCode: 'south',
      countedIn: '68',
    });
    expect(restated.total).toEqual({ expected: 63, reported: 0, figures: null });
  });
});
