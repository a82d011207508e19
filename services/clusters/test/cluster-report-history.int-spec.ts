import {
  clusterReportApprovedV1,
  decodeEvent,
  type ClusterReportHistoryImportView,
  type EventEnvelope,
} from '@kc/contracts';
import { business, central, collectSince, endOffsets, officer, testKafka } from '@kc/testing';
import { useClustersContext } from './support/clusters-context';
import { figures, operatingCluster, reportCalls, setClock } from './support/report-givens';

const HISTORY = '/api/v1/cluster-reports/history-imports';
const ANNUAL_2025 = { kind: 'annual', year: 2025 } as const;
const H1_2026 = { kind: 'six-monthly', year: 2026 } as const;
/** Today for these tests: 7 December 2026, 09:00 in Hà Nội. */
const TODAY = '2026-12-07T02:00:00Z';

const approved = (submittedOn: string, on: string, scale = 1) => ({
  figures: figures(scale),
  submittedOn,
  submittedBy: 'Lê Văn Thành (Công ty CP Hạ tầng Yên Lạc)',
  review: { outcome: 'approved', on, by: 'Nguyễn Thị Hồng (Sở Công Thương)' },
});

/** Past periods' cluster reports entered with their true days, against the real service, database and broker. */
describe('recording past cluster reports', () => {
  const context = useClustersContext('kc_it_cluster_report_history');
  const { as, db } = context;
  const calls = reportCalls(as);
  const sct = officer('25');
  beforeEach(() => setClock(context.service, TODAY));
  afterEach(() => setClock(context.service, null));

  const record = (by: typeof sct, records: unknown[]) =>
    as(by).post<ClusterReportHistoryImportView>(HISTORY, { records });

  /** What a refused or repeated import must leave alone: every row of reports and the outbox. */
  const footprint = async () =>
    (
      await db.rows<{ n: string }>(
        `SELECT (SELECT count(*) FROM cluster_report) || '/' || (SELECT count(*) FROM cluster_report_version) || '/' ||
                (SELECT count(*) FROM cluster_report_event) || '/' || (SELECT count(*) FROM outbox) AS n`,
      )
    )[0].n;

  it('takes lateness from the recorded submission days, keeps those days, and marks the report as recorded from history', async () => {
    await operatingCluster(db, 'CCN-25-H01', '25');
    await operatingCluster(db, 'CCN-25-H02', '25');
    await operatingCluster(db, 'CCN-25-H03', '25');
    const reply = await record(sct, [
      { clusterCode: 'CCN-25-H01', period: ANNUAL_2025, versions: [approved('2025-12-19', '2025-12-26')] },
      { clusterCode: 'ccn-25-h02', period: ANNUAL_2025, versions: [approved('2025-12-20', '2026-01-05')] },
      {
        clusterCode: 'CCN-25-H03',
        period: H1_2026,
        versions: [{ figures: figures(), submittedOn: '2026-06-30', submittedBy: 'Phạm Minh Đức' }],
      },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.body.refused).toEqual([]);
    expect(reply.body.created.map((c) => [c.clusterCode, c.status, c.late, c.daysLate])).toEqual([
      ['CCN-25-H01', 'approved', false, 0],
      ['CCN-25-H02', 'approved', true, 1],
      ['CCN-25-H03', 'submitted', true, 11],
    ]);

    const late = (await calls.get(sct, reply.body.created[1].reportId)).body;
    expect(late.versions[0]).toMatchObject({
      submittedOn: '2025-12-20',
      submittedAt: '2025-12-19T17:00:00.000Z', // the start of 20 December in Hà Nội
      submittedBy: 'Lê Văn Thành (Công ty CP Hạ tầng Yên Lạc)',
      late: true,
      daysLate: 1,
    });
    expect(late.events.map((e) => [e.kind, e.on, e.by])).toEqual([
      ['submitted', '2025-12-20', 'Lê Văn Thành (Công ty CP Hạ tầng Yên Lạc)'],
      ['approved', '2026-01-05', 'Nguyễn Thị Hồng (Sở Công Thương)'],
    ]);
    expect(late.recordedFromHistory).toEqual({
      recordedBy: 'sct.25',
      recordedAt: '2026-12-07T02:00:00.000Z',
    });
    // The database reads the same Vietnamese day from the stored instant, and keeps the mark.
    expect(
      await db.rows(
        `SELECT r.recorded_from_history, r.recorded_by, v.submitted_on::text AS day, v.late
           FROM cluster_report r JOIN cluster_report_version v ON v.report_id = r.id WHERE r.id = $1`,
        [late.id],
      ),
    ).toEqual([{ recorded_from_history: true, recorded_by: 'sct.25', day: '2025-12-20', late: true }]);
    const [audit] = await db.rows<{ envelope: EventEnvelope<{ action: string; summary: string }> }>(
      `SELECT envelope FROM outbox WHERE message_key = $1 AND type = 'audit.record.appended'`,
      [late.id],
    );
    expect(audit.envelope.payload).toMatchObject({ action: 'cluster-report.record-history' });
    expect(audit.envelope.payload.summary).toContain('gửi ngày 20/12/2025');

    // A report still awaiting review is reviewed live from there.
    const waiting = reply.body.created[2].reportId;
    // The mark never changes, not even behind the service's back.
    await expect(
      db.query(`UPDATE cluster_report SET recorded_from_history = false WHERE id = $1`, [waiting]),
    ).rejects.toThrow(/recorded from history never changes/);
    expect((await calls.approve(sct, waiting)).body).toMatchObject({
      status: 'approved',
      approvedVersion: 1,
    });
  });

  it('keeps a returned version and its correction, each with its days, the lateness being the first submission’s', async () => {
    await operatingCluster(db, 'CCN-25-R01', '25');
    const corrected = figures(1, {
      tenants: { projects: 20, operatingProjects: 15, firms: 18, workers: 1620 },
    });
    const reply = await record(sct, [
      {
        clusterCode: 'CCN-25-R01',
        period: H1_2026,
        versions: [
          {
            figures: figures(),
            submittedOn: '2026-06-18',
            submittedBy: 'Phạm Minh Đức',
            review: {
              outcome: 'returned',
              on: '2026-06-23',
              by: 'Nguyễn Thị Hồng',
              reason: 'Số lao động chưa khớp báo cáo của doanh nghiệp thứ cấp',
            },
          },
          {
            figures: corrected,
            submittedOn: '2026-06-26',
            submittedBy: 'Phạm Minh Đức',
            review: { outcome: 'approved', on: '2026-06-29', by: 'Nguyễn Thị Hồng' },
          },
        ],
      },
    ]);
    expect(reply.body.created).toEqual([
      expect.objectContaining({ status: 'approved', versions: 2, late: false, daysLate: 0 }),
    ]);
    const report = (await calls.get(sct, reply.body.created[0].reportId)).body;
    expect(report.versions.map((v) => [v.version, v.figures, v.submittedOn, v.late])).toEqual([
      [1, figures(), '2026-06-18', false],
      [2, corrected, '2026-06-26', true],
    ]);
    expect(report.events.map((e) => [e.kind, e.version, e.on, e.reason])).toEqual([
      ['submitted', 1, '2026-06-18', null],
      ['returned', 1, '2026-06-23', 'Số lao động chưa khớp báo cáo của doanh nghiệp thứ cấp'],
      ['submitted', 2, '2026-06-26', null],
      ['approved', 2, '2026-06-29', null],
    ]);
    expect([report.approvedVersion, report.late]).toEqual([2, false]);
  });

  it('changes nothing when the same records are sent again, and refuses a different account of a held period (409)', async () => {
    await operatingCluster(db, 'CCN-25-I01', '25');
    const body = [
      { clusterCode: 'CCN-25-I01', period: ANNUAL_2025, versions: [approved('2025-12-18', '2025-12-24')] },
    ];
    const first = await record(sct, body);
    const reportId = first.body.created[0].reportId;
    const before = await footprint();

    const again = await record(sct, body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: [], refused: [], existing: [{ index: 0, reportId }] });
    expect(await footprint()).toBe(before);

    const otherDay = await record(sct, [{ ...body[0], versions: [approved('2025-12-19', '2025-12-24')] }]);
    expect(otherDay.body.refused).toEqual([
      expect.objectContaining({
        index: 0,
        reportId,
        status: 409,
        field: 'records[0]',
        rule: 'cluster-report.history-conflict',
      }),
    ]);
    expect(await footprint()).toBe(before);
    expect((await calls.get(sct, reportId)).body.versions[0].submittedOn).toBe('2025-12-18');
  });

  it('refuses records that break a rule or name a cluster out of reach, writing nothing of them, and writes the good ones beside them', async () => {
    await operatingCluster(db, 'CCN-25-B01', '25');
    await operatingCluster(db, 'CCN-25-B02', '25');
    await operatingCluster(db, 'CCN-25-P01', '25', null, 'planned');
    await operatingCluster(db, 'CCN-40-B01', '40');
    const before = await footprint();
    const badFigures = figures(1, {
      tenants: { projects: 20, operatingProjects: 15, firms: 18, workers: 1500 },
      wastewaterPlant: { status: 'in-use', capacityM3PerDay: 0 },
    });
    const reply = await record(sct, [
      { clusterCode: 'CCN-25-B01', period: ANNUAL_2025, versions: [approved('2026-12-08', '2026-12-09')] },
      { clusterCode: 'CCN-25-B01', period: H1_2026, versions: [approved('2026-06-10', '2026-06-20')] },
      { clusterCode: 'CCN-25-B02', period: H1_2026, versions: [approved('2026-06-19', '2026-06-18')] },
      { clusterCode: 'CCN-40-B01', period: H1_2026, versions: [approved('2026-06-19', '2026-06-22')] },
      { clusterCode: 'CCN-25-P01', period: H1_2026, versions: [approved('2026-06-19', '2026-06-22')] },
      { clusterCode: 'CCN-25-X99', period: H1_2026, versions: [approved('2026-06-19', '2026-06-22')] },
      {
        clusterCode: 'CCN-25-B02',
        period: ANNUAL_2025,
        versions: [{ ...approved('2025-12-19', '2025-12-22'), figures: badFigures }],
      },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.body.created).toEqual([]);
    expect(reply.body.refused.map((r) => [r.index, r.status, r.field, r.rule])).toEqual([
      [0, 422, 'records[0].versions[0].submittedOn', 'cluster-report.history-future-date'],
      [1, 422, 'records[1].versions[0].submittedOn', 'cluster-report.before-cut-off'],
      [2, 422, 'records[2].versions[0].review.on', 'cluster-report.date-out-of-order'],
      [3, 404, 'records[3].clusterCode', 'cluster.not-found'],
      [4, 422, 'records[4].clusterCode', 'cluster-report.cluster-not-established'],
      [5, 404, 'records[5].clusterCode', 'cluster.not-found'],
      [6, 422, expect.stringMatching(/^records\[6\]\.versions\[0\]\.figures/), expect.any(String)],
    ]);
    expect(await footprint()).toBe(before);

    // The agency records any province's clusters; a good record beside a bad one is written.
    const mixed = await record(central, [
      { clusterCode: 'CCN-40-B01', period: H1_2026, versions: [approved('2026-06-19', '2026-06-22')] },
      { clusterCode: 'CCN-25-B01', period: ANNUAL_2025, versions: [approved('2026-12-08', '2026-12-09')] },
    ]);
    expect([mixed.body.created.map((c) => c.clusterCode), mixed.body.refused.map((r) => r.index)]).toEqual([
      ['CCN-40-B01'],
      [1],
    ]);
    expect((await db.rows(`SELECT 1 FROM cluster_report WHERE cluster_code = 'CCN-25-B01'`)).length).toBe(0);

    // Who may not import at all, and a record whose shape is wrong: refused before anything is read.
    expect((await record(business('0101234567'), mixed.body.created)).status).toBe(403);
    const noReturn = await record(sct, [
      {
        clusterCode: 'CCN-25-B02',
        period: H1_2026,
        versions: [approved('2026-06-19', '2026-06-22'), approved('2026-06-23', '2026-06-24')],
      },
    ]);
    expect(noReturn.status).toBe(400);
    expect(noReturn.body.errors).toEqual([
      expect.objectContaining({
        field: 'body.records.0.versions.0.review',
        rule: 'returned-before-next-version',
      }),
    ]);
  });

  it('publishes clusters.report.approved for an approved record, dated the recorded approval, through the outbox', async () => {
    const clusterId = await operatingCluster(db, 'CCN-25-E01', '25');
    const kafka = testKafka('clusters-report-history-itest');
    const topic = clusterReportApprovedV1.topic;
    const since = await endOffsets(kafka, topic);
    const reply = await record(sct, [
      { clusterCode: 'CCN-25-E01', period: ANNUAL_2025, versions: [approved('2025-12-23', '2026-01-08', 2)] },
    ]);
    const reportId = reply.body.created[0].reportId;
    const [outbox] = await db.rows<{ envelope: EventEnvelope }>(
      `SELECT envelope FROM outbox WHERE message_key = $1 AND type = $2`,
      [reportId, clusterReportApprovedV1.type],
    );
    expect(outbox.envelope).toMatchObject({
      producer: 'clusters',
      aggregateId: reportId,
      provinceCode: '25',
      actor: { id: 'sct.25', role: 'province-officer' },
      payload: {
        reportId,
        clusterId,
        clusterCode: 'CCN-25-E01',
        period: ANNUAL_2025,
        version: 1,
        approvedOn: '2026-01-08',
        submittedLate: true,
        figures: figures(2),
      },
    });
    const isOurs = (m: { headers?: Record<string, unknown> }) =>
      String(m.headers?.['kc-event-id']) === outbox.envelope.id;
    const message = (await collectSince(kafka, topic, since, (seen) => seen.some(isOurs))).find(isOurs)!;
    expect(message.key?.toString()).toBe(reportId);
    expect(decodeEvent(message.value, topic)).toMatchObject({
      ok: true,
      envelope: { payload: { reportId, approvedOn: '2026-01-08' } },
    });
    // A record not approved publishes nothing.
    await operatingCluster(db, 'CCN-25-E02', '25');
    const waiting = await record(sct, [
      {
        clusterCode: 'CCN-25-E02',
        period: ANNUAL_2025,
        versions: [{ figures: figures(), submittedOn: '2025-12-19', submittedBy: 'Phạm Minh Đức' }],
      },
    ]);
    expect(
      await db.rows(`SELECT 1 FROM outbox WHERE message_key = $1 AND type = $2`, [
        waiting.body.created[0].reportId,
        clusterReportApprovedV1.type,
      ]),
    ).toEqual([]);
  });
});
