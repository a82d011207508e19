import type { Principal } from '@kc/contracts';
import { central, officer } from '@kc/testing';
import { PeriodicReportsClock } from '../src/application/periodic-reports/periodic-reports-clock';
import { useReportingContext } from './support/reporting-context';

const FORM = 'sct-khuyen-cong-quy';
const PERIOD = '2026-Q1'; // last on-time day Wednesday 15/04/2026
const HISTORY = '/api/v1/periodic-reports/history-imports';

interface ImportView {
  records: number;
  created: {
    index: number;
    provinceCode: string;
    reportId: string;
    status: string;
    onTime: boolean;
    daysLate: number;
    versions: number;
  }[];
  existing: { index: number; provinceCode: string; reportId: string }[];
  refused: {
    index: number;
    provinceCode: string;
    reportId: string | null;
    status: number;
    field: string;
    rule: string;
  }[];
}

const signed = {
  slot: 'signedReport',
  fileName: 'bao-cao-quy-1-2026.pdf',
  mediaType: 'application/pdf',
  bytes: 204_800,
  sha256: 'b'.repeat(64),
};
/** A version as the department sent it: the cells the platform does not know, the narratives, the signed scan. */
const version = (submittedAt: string, extra: Record<string, unknown> = {}) => ({
  values: { demonstrationModels: 2, facilitiesGivenMachinery: 5, trainees: 140, brands: 1 },
  narratives: { results: 'Hoàn thành kế hoạch quý I', difficulties: 'Giải ngân chậm do thủ tục' },
  attachments: [signed],
  submittedAt,
  submittedBy: 'Nguyễn Văn An (Phòng Quản lý Công nghiệp)',
  ...extra,
});
const approved = (at: string) => ({ outcome: 'approved', at, by: 'Trần Thị Bình (Cục)' });
const record = (provinceCode: string, versions: unknown[]) => ({
  formId: FORM,
  period: PERIOD,
  provinceCode,
  versions,
});

const onTime = record('01', [
  version('2026-04-10T09:00:00+07:00', { review: approved('2026-04-20T10:00:00+07:00') }),
]);
// 00:00 on 16/04 in Việt Nam is 17:00Z on 15/04: one day late, decided on the Vietnamese day.
const late = record('40', [
  version('2026-04-15T17:00:00Z', { review: approved('2026-04-21T10:00:00+07:00') }),
]);
const corrected = record('79', [
  version('2026-04-14T15:00:00+07:00', {
    review: {
      outcome: 'returned',
      at: '2026-04-17T09:00:00+07:00',
      by: 'Trần Thị Bình (Cục)',
      reason: 'Thiếu số học viên',
    },
  }),
  version('2026-04-22T08:30:00+07:00', {
    values: { demonstrationModels: 2, facilitiesGivenMachinery: 5, trainees: 160, brands: 1 },
    review: approved('2026-04-25T10:00:00+07:00'),
  }),
]);

/** Issue 16: past periods recorded by the agency with their true instants, against the real database. */
describe('periodic reports recorded from history', () => {
  const context = useReportingContext('reporting_periodic_report_history', { consumeEvents: false });
  const { as, db } = context;
  const at = (instant: string) =>
    (context.service.app.get(PeriodicReportsClock).now = () => new Date(instant));
  const post = (body: unknown, by: Principal = central) => as(by).post<ImportView>(HISTORY, body);

  it('records each report once by the live rules, lateness from the recorded instants, refusals per record', async () => {
    at('2026-06-01T03:00:00Z');
    const reply = await post({
      records: [
        onTime,
        late,
        corrected,
        // The future, a submission before the quarter ended, an unexplained difference, a missing cell.
        record('31', [
          version('2026-04-10T09:00:00+07:00', { review: approved('2026-07-01T09:00:00+07:00') }),
        ]),
        record('46', [version('2026-03-20T09:00:00+07:00')]),
        record('48', [
          version('2026-04-10T09:00:00+07:00', {
            values: {
              demonstrationModels: 2,
              facilitiesGivenMachinery: 5,
              trainees: 140,
              brands: 1,
              boothsSupported: 4,
            },
          }),
        ]),
        record('56', [version('2026-04-10T09:00:00+07:00', { values: { trainees: 140, brands: 1 } })]),
      ],
    });
    expect([reply.status, reply.body.records]).toEqual([200, 7]);
    expect(
      reply.body.created.map((c) => [c.provinceCode, c.status, c.versions, c.onTime, c.daysLate]),
    ).toEqual([
      ['01', 'approved', 1, true, 0],
      ['40', 'approved', 1, false, 1],
      // Timeliness is the first submission's: the correction after the return does not make it late.
      ['79', 'approved', 2, true, 0],
    ]);
    expect(reply.body.refused.map((r) => [r.provinceCode, r.status, r.rule, r.field])).toEqual([
      ['31', 422, 'periodic-report.history-in-future', 'records[3].versions[0].review.at'],
      ['46', 422, 'periodic-report.not-yet-open', 'records[4].versions[0].at'],
      [
        '48',
        422,
        'periodic-report.difference-unexplained',
        'records[5].versions[0].explanations.boothsSupported',
      ],
      ['56', 422, 'periodic-report.value-required', 'records[6].versions[0].values.demonstrationModels'],
    ]);
    // Nothing of a refused record was written.
    const {
      rows: [{ count }],
    } = await db.query(
      `SELECT count(*)::int AS count FROM periodic_report WHERE period = $1 AND province_code IN ('31', '46', '48', '56')`,
      [PERIOD],
    );
    expect(count).toBe(0);

    const view = await as(central).get<{
      status: string;
      recordedFromHistory: { recordedBy: string; recordedAt: string } | null;
      versions: {
        submittedAt: string;
        submittedOn: string;
        onTime: boolean;
        daysLate: number;
        submittedBy: string;
      }[];
      events: { kind: string; at: string; reason: string | null }[];
    }>(`/api/v1/periodic-reports/${reply.body.created[2].reportId}`);
    expect(view.body.recordedFromHistory).toEqual({
      recordedBy: central.id,
      recordedAt: '2026-06-01T03:00:00.000Z',
    });
    expect(view.body.versions.map((v) => [v.submittedAt, v.submittedOn, v.onTime, v.daysLate])).toEqual([
      ['2026-04-14T08:00:00.000Z', '2026-04-14', true, 0],
      ['2026-04-22T01:30:00.000Z', '2026-04-22', false, 7],
    ]);
    expect(view.body.events.map((e) => e.kind)).toEqual([
      'opened',
      'submitted',
      'returned',
      'submitted',
      'approved',
    ]);
    expect(view.body.events[2].reason).toBe('Thiếu số học viên');

    // The panel counts them like live reports.
    const panel = await as(central).get<{
      units: { provinceCode: string; timeliness: string; review: string; daysLate: number }[];
    }>(`/api/v1/periodic-reports/completeness?formId=${FORM}&period=${PERIOD}`);
    const unit = (code: string) => panel.body.units.find((u) => u.provinceCode === code);
    expect(unit('01')).toMatchObject({ timeliness: 'on-time', review: 'approved' });
    expect(unit('40')).toMatchObject({ timeliness: 'late', daysLate: 1, review: 'approved' });
    expect(unit('79')).toMatchObject({ timeliness: 'on-time', review: 'approved' });
    expect(unit('31')).toMatchObject({ timeliness: 'overdue' });

    // Audited, and the approvals published as live ones are.
    const { rows: audits } = await db.query(
      `SELECT envelope->'payload'->>'action' AS action FROM outbox WHERE type = 'audit.record.appended' AND message_key = ANY($1)`,
      [reply.body.created.map((c) => c.reportId)],
    );
    expect(audits.map((a) => a.action)).toEqual(Array(3).fill('periodic-report.record-history'));
    const {
      rows: [{ approvals }],
    } = await db.query(
      `SELECT count(*)::int AS approvals FROM outbox WHERE type = 'reporting.periodic-report.approved' AND message_key = ANY($1)`,
      [reply.body.created.map((c) => c.reportId)],
    );
    expect(approvals).toBe(3);
  });

  it('is idempotent by form, period and unit; a different account of a held report is refused', async () => {
    at('2026-06-02T03:00:00Z');
    const {
      rows: [{ before }],
    } = await db.query(`SELECT count(*)::int AS before FROM periodic_report_version`);
    const again = await post({ records: [onTime, late, corrected] });
    expect(again.body.created).toEqual([]);
    expect(again.body.existing.map((e) => e.provinceCode)).toEqual(['01', '40', '79']);
    const {
      rows: [{ after }],
    } = await db.query(`SELECT count(*)::int AS after FROM periodic_report_version`);
    expect(after).toBe(before);

    const different = record('01', [
      version('2026-04-11T09:00:00+07:00', { review: approved('2026-04-20T10:00:00+07:00') }),
    ]);
    const conflict = await post({ records: [different] });
    expect(conflict.body.refused).toEqual([
      expect.objectContaining({
        status: 409,
        rule: 'periodic-report.history-conflict',
        reportId: again.body.existing[0].reportId,
      }),
    ]);

    // A live report of the period is not overwritten by history either.
    at('2026-04-05T03:00:00Z');
    const live = await as(officer('42')).post<{ id: string }>('/api/v1/periodic-reports', {
      formId: FORM,
      period: PERIOD,
      provinceCode: '42',
    });
    expect(live.status).toBe(201);
    at('2026-06-02T03:00:00Z');
    const overLive = await post({ records: [record('42', [version('2026-04-10T09:00:00+07:00')])] });
    expect(overLive.body.refused[0]).toMatchObject({
      rule: 'periodic-report.history-conflict',
      reportId: live.body.id,
    });
  });

  it('is the agency’s alone; the record and its mark never change', async () => {
    const refused = await post(
      { records: [record('40', [version('2026-04-10T09:00:00+07:00')])] },
      officer('40'),
    );
    expect(refused.status).toBe(403);
    const bad = await post({ records: [record('40', [version('2026-04-10 09:00')])] });
    expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([400, 'body.records.0.versions.0.submittedAt']);

    const {
      rows: [{ id }],
    } = await db.query(`SELECT id FROM periodic_report WHERE province_code = '01' AND period = $1`, [PERIOD]);
    await expect(
      db.query(`UPDATE periodic_report SET recorded_by = NULL, recorded_at = NULL WHERE id = $1`, [id]),
    ).rejects.toThrow(/recorded from history cannot change/);
    await expect(
      db.query(`UPDATE periodic_report_version SET days_late = 0 WHERE report_id = $1`, [id]),
    ).rejects.toThrow(/cannot be changed/);
    await expect(db.query(`DELETE FROM periodic_report_event WHERE report_id = $1`, [id])).rejects.toThrow(
      /cannot be changed/,
    );
  });
});
