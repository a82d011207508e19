import {
  clusterReportApprovedV1,
  decodeEvent,
  type ClusterReportDatabaseView,
  type ClusterReportListItem,
  type EventEnvelope,
  type Page,
  type ProvinceRollUpView,
} from '@kc/contracts';
import { business, central, collectSince, endOffsets, officer, testKafka } from '@kc/testing';
import { useClustersContext } from './support/clusters-context';
import {
  colleague,
  figures,
  operatingCluster,
  REPORTS,
  reportCalls,
  setClock,
} from './support/report-givens';

const H1_2026 = { kind: 'six-monthly', year: 2026 } as const;

/** Periodic reports of clusters (Circular 14/2024) over HTTP against the real service, database and broker. */
describe('periodic reports of clusters', () => {
  const context = useClustersContext('kc_it_cluster_reports');
  const { as, db } = context;
  const calls = reportCalls(as);
  const sct = officer('40');
  const at = (instant: string | null) => setClock(context.service, instant);
  afterEach(() => at(null));

  /** A submitted report of a new cluster of Nghệ An (40), submitted at `instant`: the report. */
  async function submittedAt(code: string, instant: string, scale = 1, provinceCode = '40') {
    const clusterId = await operatingCluster(db, code, provinceCode);
    at(instant);
    const by = officer(provinceCode);
    const opened = await calls.open(by, { clusterId, period: H1_2026, figures: figures(scale) });
    expect(opened.status).toBe(201);
    const submitted = await calls.submit(by, opened.body.id);
    expect(submitted.status).toBe(200);
    return submitted.body;
  }

  describe('lateness', () => {
    it('judges a submission by its calendar day in Việt Nam against "before 20 June": 23:59 on the 19th is on time, midnight is a day late', async () => {
      // 16:59:59 UTC on 19 June is 23:59:59 in Hà Nội (UTC+7); 17:00 UTC is already 20 June there.
      const onTime = await submittedAt('CCN-40-L01', '2026-06-19T16:59:59Z');
      expect(onTime.deadline).toMatchObject({
        dueBefore: '2026-06-20',
        lastOnTimeDay: '2026-06-19',
        form: 'Biểu 02',
      });
      expect(onTime.versions[0]).toMatchObject({
        version: 1,
        submittedOn: '2026-06-19',
        late: false,
        daysLate: 0,
      });
      expect([onTime.late, onTime.daysLate]).toEqual([false, 0]);

      const late = await submittedAt('CCN-40-L02', '2026-06-19T17:00:00Z');
      expect(late.versions[0]).toMatchObject({ submittedOn: '2026-06-20', late: true, daysLate: 1 });
      const tenDays = await submittedAt('CCN-40-L03', '2026-06-29T03:00:00Z');
      expect([tenDays.late, tenDays.daysLate]).toEqual([true, 10]);

      // The database derives the Vietnamese day from the stored instant itself.
      expect(
        await db.rows(
          `SELECT submitted_on::text AS day, late, days_late FROM cluster_report_version
            WHERE report_id = ANY($1) ORDER BY submitted_at`,
          [[onTime.id, late.id]],
        ),
      ).toEqual([
        { day: '2026-06-19', late: false, days_late: 0 },
        { day: '2026-06-20', late: true, days_late: 1 },
      ]);
    });

    it('lists every cluster of the province established by the cut-off with its status, lateness and, with nothing submitted past the deadline, overdue', async () => {
      const idle = await operatingCluster(db, 'CCN-41-O01', '41');
      await operatingCluster(db, 'CCN-41-P01', '41', null, 'planned'); // only on the list: not expected to report
      // Established after the period's cut-off (14 June): nothing to report for it.
      await operatingCluster(db, 'CCN-41-N01', '41', null, 'established', '2026-06-15');
      const drafted = await operatingCluster(db, 'CCN-41-O02', '41');
      at('2026-06-16T02:00:00Z');
      const draft = await calls.open(officer('41'), {
        clusterId: drafted,
        period: H1_2026,
        figures: figures(),
      });
      expect(draft.status).toBe(201);
      const onTime = await submittedAt('CCN-41-O03', '2026-06-18T02:00:00Z', 1, '41');

      at('2026-06-25T10:00:00Z');
      const list = await as(officer('41')).get<Page<ClusterReportListItem>>(
        `${REPORTS}?periodKind=six-monthly&year=2026`,
      );
      expect(list.status).toBe(200);
      expect(list.body.items.map((i) => [i.clusterCode, i.status, i.late, i.overdue, i.daysOverdue])).toEqual(
        [
          ['CCN-41-O01', 'not-opened', false, true, 6],
          ['CCN-41-O02', 'draft', false, true, 6],
          ['CCN-41-O03', 'submitted', false, false, 0],
        ],
      );
      expect(list.body.items[0]).toMatchObject({ clusterId: idle, reportId: null, dueBefore: '2026-06-20' });
      expect(list.body.items[2]).toMatchObject({ reportId: onTime.id, firstSubmittedOn: '2026-06-18' });
      const codes = async (filter: string) => {
        const page = await as(officer('41')).get<Page<ClusterReportListItem>>(
          `${REPORTS}?periodKind=six-monthly&year=2026&${filter}`,
        );
        expect(page.status).toBe(200);
        return [page.body.total, page.body.items.map((i) => i.clusterCode)];
      };
      expect(await codes('overdue=true')).toEqual([2, ['CCN-41-O01', 'CCN-41-O02']]);
      expect(await codes('overdue=false')).toEqual([1, ['CCN-41-O03']]);
      expect(await codes('status=not-opened')).toEqual([1, ['CCN-41-O01']]);
      expect(await codes(`clusterId=${idle}`)).toEqual([1, ['CCN-41-O01']]);
      expect(await codes('status=approved')).toEqual([0, []]);
      const bad = await as(officer('41')).get(`${REPORTS}?periodKind=six-monthly&year=2026&status=late`);
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('query.status');
      expect((await calls.get(officer('41'), draft.body.id)).body.overdue).toBe(true);
    });
  });

  describe('return, correction and approval', () => {
    it('a return with its reason lets the reporter correct; resubmitting makes version 2 and keeps version 1 as it was', async () => {
      const report = await submittedAt('CCN-40-R01', '2026-06-18T02:00:00Z');
      const noReason = await calls.returnIt(sct, report.id, '  ');
      expect(noReason.status).toBe(400);
      at('2026-06-21T02:00:00Z');
      const returned = await calls.returnIt(
        sct,
        report.id,
        'Diện tích đã cho thuê chưa khớp hợp đồng thuê đất',
      );
      expect([returned.status, returned.body.status, returned.body.working]).toEqual([
        200,
        'returned',
        figures(),
      ]);

      const corrected = figures(1, {
        tenants: { projects: 21, operatingProjects: 16, firms: 18, workers: 1525 },
      });
      expect((await calls.edit(sct, report.id, corrected)).status).toBe(200);
      at('2026-06-22T02:00:00Z');
      const resubmitted = await calls.submit(sct, report.id);
      expect(resubmitted.body.status).toBe('submitted');
      expect(resubmitted.body.versions.map((v) => [v.version, v.figures, v.submittedOn, v.late])).toEqual([
        [1, figures(), '2026-06-18', false],
        [2, corrected, '2026-06-22', true],
      ]);
      // Lateness is the first submission's: a correction after a return does not make the report late.
      expect([resubmitted.body.late, resubmitted.body.daysLate]).toEqual([false, 0]);
      expect(resubmitted.body.events.map((e) => [e.kind, e.version, e.on, e.by, e.reason])).toEqual([
        ['submitted', 1, '2026-06-18', 'sct.40', null],
        ['returned', 1, '2026-06-21', 'sct.40', 'Diện tích đã cho thuê chưa khớp hợp đồng thuê đất'],
        ['submitted', 2, '2026-06-22', 'sct.40', null],
      ]);
    });

    it('refuses to edit or resubmit an approved report (409), and the database refuses to change it, its versions or its history', async () => {
      const report = await submittedAt('CCN-40-A01', '2026-06-18T02:00:00Z');
      at('2026-06-23T02:00:00Z');
      const approved = await calls.approve(sct, report.id);
      expect([approved.status, approved.body.status, approved.body.approvedVersion]).toEqual([
        200,
        'approved',
        1,
      ]);

      const edit = await calls.edit(sct, report.id, figures(2));
      expect([edit.status, edit.body.code]).toEqual([409, 'cluster-report.illegal-transition']);
      expect((await calls.submit(sct, report.id)).status).toBe(409);
      expect((await calls.returnIt(sct, report.id, 'Sai số liệu')).status).toBe(409);

      const refusals = [
        `UPDATE cluster_report SET status = 'draft', working = '{}'::jsonb WHERE id = $1`,
        `UPDATE cluster_report SET approved_version = NULL, status = 'submitted' WHERE id = $1`,
        `DELETE FROM cluster_report WHERE id = $1`,
        `UPDATE cluster_report_version SET figures = '{}'::jsonb WHERE report_id = $1`,
        `DELETE FROM cluster_report_version WHERE report_id = $1`,
        `UPDATE cluster_report_event SET reason = 'rewritten' WHERE report_id = $1`,
        `DELETE FROM cluster_report_event WHERE report_id = $1`,
      ];
      for (const sql of refusals) {
        await expect(db.query(sql, [report.id])).rejects.toThrow(/never|only through a recorded reopening/);
      }
      // A reopening "recorded" without a reopen request, or approved by the person who asked, does not get in.
      await expect(
        db.query(
          `INSERT INTO cluster_report_event (report_id, seq, kind, version, on_day, at, by_whom, reason, requested_by, approved_by)
           VALUES ($1, 3, 'reopened', 1, '2026-06-24', now(), 'x', 'x', 'a', 'b')`,
          [report.id],
        ),
      ).rejects.toThrow(/check constraint/);
      const after = await calls.get(sct, report.id);
      expect([after.body.status, after.body.versions[0].figures]).toEqual(['approved', figures()]);
    });

    it('reopens an approved report only with a reason and the approval of someone other than who asked, both recorded; the approved figures stay in force until the next approval', async () => {
      const report = await submittedAt('CCN-40-X01', '2026-06-18T02:00:00Z', 1);
      at('2026-06-23T02:00:00Z');
      await calls.approve(sct, report.id);

      expect((await calls.requestReopen(sct, report.id, '')).status).toBe(400);
      at('2026-07-02T02:00:00Z');
      const asked = await calls.requestReopen(sct, report.id, 'Chủ đầu tư báo cáo thiếu 2 dự án thứ cấp');
      expect(asked.status).toBe(201);
      const [request] = asked.body.reopenRequests;
      expect(request).toMatchObject({ status: 'pending', requestedBy: 'sct.40', approvedBy: null });
      expect(asked.body.status).toBe('approved');

      const self = await calls.approveReopen(sct, report.id, request.id);
      expect([self.status, self.body.code]).toEqual([422, 'cluster-report.reopen-approver']);
      const outsider = await calls.approveReopen(officer('42'), report.id, request.id);
      expect(outsider.status).toBe(404);

      const reopened = await calls.approveReopen(colleague('40'), report.id, request.id);
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({ status: 'draft', approvedVersion: 1, working: figures() });
      expect(reopened.body.events.at(-1)).toMatchObject({
        kind: 'reopened',
        version: 1,
        on: '2026-07-02',
        reason: 'Chủ đầu tư báo cáo thiếu 2 dự án thứ cấp',
        requestedBy: 'sct.40',
        approvedBy: 'sct.40.lanhdao',
      });
      expect(reopened.body.reopenRequests[0]).toMatchObject({
        status: 'approved',
        approvedBy: 'sct.40.lanhdao',
      });

      // Corrected, resubmitted and approved again: version 2 is in force; version 1 is kept.
      await calls.edit(sct, report.id, figures(2));
      await calls.submit(sct, report.id);
      const again = await calls.approve(colleague('40'), report.id);
      expect([again.body.status, again.body.approvedVersion, again.body.versions.length]).toEqual([
        'approved',
        2,
        2,
      ]);
      expect(again.body.versions[0].figures).toEqual(figures());
    });

    it('publishes clusters.report.approved with the approved figures through the outbox, on its topic', async () => {
      const kafka = testKafka('clusters-reports-itest');
      const topic = clusterReportApprovedV1.topic;
      const since = await endOffsets(kafka, topic);
      const report = await submittedAt('CCN-40-E01', '2026-06-22T02:00:00Z', 3);
      at('2026-06-24T02:00:00Z');
      await calls.approve(sct, report.id);
      const [outbox] = await db.rows<{ envelope: EventEnvelope }>(
        `SELECT envelope FROM outbox WHERE message_key = $1 AND type = $2`,
        [report.id, clusterReportApprovedV1.type],
      );
      expect(outbox.envelope).toMatchObject({
        producer: 'clusters',
        aggregateId: report.id,
        provinceCode: '40',
        actor: { id: 'sct.40', role: 'province-officer' },
        payload: {
          reportId: report.id,
          clusterId: report.clusterId,
          clusterCode: 'CCN-40-E01',
          provinceCode: '40',
          period: H1_2026,
          version: 1,
          approvedOn: '2026-06-24',
          submittedLate: true,
          figures: figures(3),
        },
      });
      const isOurs = (m: { headers?: Record<string, unknown> }) =>
        String(m.headers?.['kc-event-id']) === outbox.envelope.id;
      const message = (await collectSince(kafka, topic, since, (seen) => seen.some(isOurs))).find(isOurs)!;
      expect(message.key?.toString()).toBe(report.id);
      expect(decodeEvent(message.value, topic)).toMatchObject({
        ok: true,
        envelope: { type: 'clusters.report.approved', payload: { reportId: report.id, figures: figures(3) } },
      });
    });
  });

  describe('roll-up and the national database', () => {
    it("sums exactly the approved reports of a province's period; a report awaiting approval is listed, not summed", async () => {
      const a = await submittedAt('CCN-44-S01', '2026-06-18T02:00:00Z', 1, '44');
      const b = await submittedAt('CCN-44-S02', '2026-06-22T02:00:00Z', 2, '44');
      await submittedAt('CCN-44-S03', '2026-06-18T02:00:00Z', 5, '44');
      await operatingCluster(db, 'CCN-44-S04', '44');
      at('2026-06-25T02:00:00Z');
      for (const r of [a, b]) expect((await calls.approve(officer('44'), r.id)).status).toBe(200);

      const rollUp = await as(officer('44')).get<ProvinceRollUpView>(
        '/api/v1/cluster-report-rollups?provinceCode=44&periodKind=six-monthly&year=2026',
      );
      expect(rollUp.status).toBe(200);
      const [one, two] = [figures(1), figures(2)];
      expect(rollUp.body).toEqual({
        provinceCode: '44',
        period: H1_2026,
        counted: ['CCN-44-S01', 'CCN-44-S02'],
        awaitingApproval: ['CCN-44-S03'],
        areas: {
          totalCentiHa: one.areas.totalCentiHa + two.areas.totalCentiHa,
          industrialCentiHa: one.areas.industrialCentiHa + two.areas.industrialCentiHa,
          leasableCentiHa: one.areas.leasableCentiHa + two.areas.leasableCentiHa,
          leasedCentiHa: one.areas.leasedCentiHa + two.areas.leasedCentiHa,
        },
        // 8175 / 10800 = 75.694…% → 7569 basis points
        occupancyBasisPoints: 7569,
        infrastructureInvestment: { registeredVnd: 360_000_000_000, realisedVnd: 285_000_000_000 },
        tenants: { projects: 60, operatingProjects: 45, firms: 54, workers: 4500 },
        wastewater: { clustersWithPlant: 2, clustersWithPlantInUse: 2, capacityInUseM3PerDay: 2400 },
      });

      const national = await as(central).get<ClusterReportDatabaseView>(
        '/api/v1/cluster-report-database?periodKind=six-monthly&year=2026&provinceCode=44',
      );
      expect(national.status).toBe(200);
      expect(national.body.provinces).toEqual([
        expect.objectContaining({
          provinceCode: '44',
          clustersExpected: 4,
          clustersReported: 3,
          clustersApproved: 2,
          clustersLate: 1,
          clustersOverdue: 1,
          areas: rollUp.body.areas,
          tenants: rollUp.body.tenants,
        }),
      ]);
      expect(national.body.nation).toMatchObject({ clustersApproved: 2, areas: rollUp.body.areas });
    });

    it("opens the province's own report from the roll-up; the department submits it and only the agency approves it", async () => {
      const a = await submittedAt('CCN-45-P01', '2026-06-18T02:00:00Z', 1, '45');
      at('2026-06-24T02:00:00Z');
      await calls.approve(officer('45'), a.id);
      const opened = await calls.open(officer('45'), { provinceCode: '45', period: H1_2026 });
      expect(opened.status).toBe(201);
      expect(opened.body).toMatchObject({
        subjectKind: 'province',
        reporter: 'province',
        deadline: { dueBefore: '2026-06-30', form: 'Biểu 04' },
        working: { clusters: { reported: 1, approved: 1 }, areas: figures().areas },
      });
      expect((await calls.open(central, { provinceCode: '45', period: H1_2026 })).status).toBe(403);
      const wrongForm = await calls.edit(officer('45'), opened.body.id, figures());
      expect([wrongForm.status, wrongForm.body.code]).toEqual([422, 'cluster-report.figures-form']);
      expect((await calls.submit(officer('45'), opened.body.id)).body.versions[0].late).toBe(false);
      const bySelf = await calls.approve(officer('45'), opened.body.id);
      expect([bySelf.status, bySelf.body.code]).toEqual([403, 'cluster-report.not-reviewer']);
      expect((await calls.approve(central, opened.body.id)).body.status).toBe('approved');
    });
  });

  describe('who may do what', () => {
    it("shows a province only its own reports (404 for another's), and lets a cluster's developer file its report but not review it", async () => {
      const clusterId = await operatingCluster(db, 'CCN-40-D01', '40', '0101234567');
      const developer = business('0101234567');
      at('2026-06-17T02:00:00Z');
      const opened = await calls.open(developer, { clusterId, period: H1_2026, figures: figures() });
      expect([opened.status, opened.body.openedBy]).toEqual([201, 'dn.0101234567']);
      expect((await calls.submit(developer, opened.body.id)).body.versions[0].submittedBy).toBe(
        'dn.0101234567',
      );
      expect((await calls.approve(developer, opened.body.id)).status).toBe(403);

      expect((await calls.get(business('0109999999'), opened.body.id)).status).toBe(404);
      expect((await calls.get(officer('42'), opened.body.id)).status).toBe(404);
      expect((await calls.approve(officer('42'), opened.body.id)).status).toBe(404);
      expect(
        (
          await calls.open(officer('42'), {
            clusterId,
            period: { kind: 'annual', year: 2026 },
            figures: figures(),
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await as(officer('42')).get(
            '/api/v1/cluster-report-rollups?provinceCode=40&periodKind=six-monthly&year=2026',
          )
        ).status,
      ).toBe(404);
      expect(
        (await as(officer('42')).get(`${REPORTS}?provinceCode=40&periodKind=six-monthly&year=2026`)).status,
      ).toBe(403);
      // The agency sees it; it does not file a cluster's report for the developer.
      expect((await calls.get(central, opened.body.id)).status).toBe(200);
      expect(
        (await calls.open(central, { clusterId, period: { kind: 'annual', year: 2026 }, figures: figures() }))
          .status,
      ).toBe(403);
    });

    it('refuses figures that do not hang together, naming the field and the rule, and a second report of the same cluster and period', async () => {
      const clusterId = await operatingCluster(db, 'CCN-40-V01', '40');
      at('2026-06-17T02:00:00Z');
      const bad = await calls.open(sct, {
        clusterId,
        period: H1_2026,
        figures: figures(1, {
          areas: { totalCentiHa: 5000, industrialCentiHa: 4000, leasableCentiHa: 4100, leasedCentiHa: 10 },
        }),
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([
        expect.objectContaining({ field: 'body.figures.areas.leasableCentiHa', rule: 'area-nesting' }),
      ]);
      expect((await db.rows(`SELECT 1 FROM cluster_report WHERE cluster_id = $1`, [clusterId])).length).toBe(
        0,
      );
      expect((await calls.open(sct, { clusterId, period: H1_2026, figures: figures() })).status).toBe(201);
      const twice = await calls.open(sct, { clusterId, period: H1_2026, figures: figures() });
      expect([twice.status, twice.body.code]).toEqual([409, 'cluster-report.exists']);
      const early = await calls.open(sct, {
        clusterId,
        period: { kind: 'annual', year: 2026 },
        figures: figures(),
      });
      expect((await calls.submit(sct, early.body.id)).body.code).toBe('cluster-report.before-cut-off');
    });
  });
});
