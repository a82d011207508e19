import { randomUUID } from 'node:crypto';
import { deadLetterTopic, type ClusterDetailView, type ClusterSupportView } from '@kc/contracts';
import { central, collectMessages, eventually, officer, testKafka } from '@kc/testing';
import { projectEvents, PROJECT_TOPIC, useConsumingClustersContext } from './support/project-events';
import { operatingCluster } from './support/report-givens';

const CLUSTERS = '/api/v1/clusters';
const supportOf = (clusterId: string) => `${CLUSTERS}/${clusterId}/support-projects`;

/**
 * Support received by clusters: the projects service's events, read from the test broker by the service's real
 * consumer, keep its copy of the projects; content-7 projects of a cluster's province are linked to it.
 */
describe('cluster support received (content-7 projects)', () => {
  const context = useConsumingClustersContext('kc_it_cluster_support');
  const { as, db } = context;
  const publish = (...events: Parameters<typeof context.service.publish>) =>
    context.service.publish(...events);

  interface Row {
    status: string | null;
    code: string | null;
    contents: number[] | null;
    appraised: string | null;
    allocated: string | null;
    advanced: string;
    paid: string;
    settled: string | null;
    stopped: string | null;
    released: string | null;
  }
  const rowOf = async (projectId: string) =>
    (
      await db.rows<Row>(
        `SELECT status, code, activity_contents AS contents, appraised_support_vnd AS appraised,
                allocated_vnd AS allocated, advanced_vnd AS advanced, paid_vnd AS paid, settled_vnd AS settled,
                stopped_on::text AS stopped, released_vnd AS released
           FROM cluster_support_project WHERE project_id = $1`,
        [projectId],
      )
    )[0];

  it('keeps a project from its events, out of order and replayed, newer facts never overwritten by older ones', async () => {
    const p = projectEvents();
    const registered = p.registered('2026-03-02T02:00:00Z');
    const laterPayment = p.disbursed('2026-07-10T02:00:00Z', 200_000_000, {
      advancedVnd: 0,
      paidVnd: 600_000_123,
    });
    const earlierPayment = p.disbursed('2026-06-10T02:00:00Z', 400_000_000, {
      advancedVnd: 100_000_000,
      paidVnd: 400_000_123,
    });
    const inProgress = p.status('2026-05-01T02:00:00Z', 'contracted', 'in-progress', 'report-progress');
    const contractedStatus = p.status('2026-04-20T02:00:00Z', 'in-plan', 'contracted', 'contract');
    await publish(
      // A redrive delivers a later payment before the registration, and an older one after it.
      laterPayment,
      registered,
      p.appraised('2026-04-01T02:00:00Z', 1_200_000_000),
      p.contracted('2026-04-20T02:00:00Z', 1_234_567_891),
      inProgress,
      earlierPayment,
      // …and an older status after a newer one.
      contractedStatus,
      // Replays: the same envelopes again, and the registration as a new envelope of the same facts.
      registered,
      laterPayment,
      { ...registered, id: randomUUID() },
      p.settled('2026-12-20T02:00:00Z', 590_000_000),
    );
    const row = await eventually(async () => {
      const r = await rowOf(p.projectId);
      return r?.settled !== null && r?.settled !== undefined ? r : undefined;
    });
    expect(row).toEqual({
      status: 'in-progress',
      code: registered.payload.code,
      contents: [7],
      appraised: '1200000000',
      allocated: '1234567891',
      advanced: '0',
      paid: '600000123',
      settled: '590000000',
      stopped: null,
      released: null,
    });
  });

  it('parks a malformed projects event in the dead-letter topic and carries on with the next one', async () => {
    const p = projectEvents();
    const good = p.registered('2026-03-02T02:00:00Z');
    const malformed = { ...good, id: randomUUID(), payload: { ...good.payload, activityContents: [10] } };
    const stopped = p.stopped('2026-09-01T02:00:00Z', 900_000_000, 300_000_000);
    await publish(malformed as never, good, stopped);
    const row = await eventually(async () => {
      const r = await rowOf(p.projectId);
      return r?.released ? r : undefined;
    });
    expect(row).toMatchObject({
      contents: [7],
      allocated: '900000000',
      released: '600000000',
      stopped: '2026-09-01',
    });
    const parked = await collectMessages(
      testKafka('cluster-support-dlt'),
      deadLetterTopic(PROJECT_TOPIC, context.service.consumerGroup),
      (messages) => messages.some((m) => JSON.parse(m.value!.toString()).id === malformed.id),
    );
    expect(parked.some((m) => JSON.parse(m.value!.toString()).id === good.id)).toBe(false);
  });

  describe('linking to a cluster', () => {
    let k1: string;
    let k2: string;
    const water = projectEvents({ kcqgVnd: 1_500_000_001, requestedSupportVnd: 1_500_000_001 });
    const roads = projectEvents({
      fundingSource: 'KCDP',
      planLevel: 'provincial',
      kcqgVnd: 0,
      kcdpVnd: 987_654_321,
      requestedSupportVnd: 987_654_321,
    });
    const machinery = projectEvents({ activityContents: [3] });
    const haNoi = projectEvents({ provinceCode: '01' });

    beforeAll(async () => {
      k1 = await operatingCluster(db, 'CCN-40-S01', '40');
      k2 = await operatingCluster(db, 'CCN-40-S02', '40');
      await publish(
        water.registered('2026-03-01T02:00:00Z'),
        water.contracted('2026-04-01T02:00:00Z', 1_400_000_003),
        water.disbursed('2026-05-01T02:00:00Z', 700_000_005, {
          advancedVnd: 700_000_005,
          paidVnd: 700_000_005,
        }),
        roads.registered('2026-03-01T02:00:00Z'),
        roads.contracted('2026-04-01T02:00:00Z', 987_654_321),
        roads.disbursed('2026-05-01T02:00:00Z', 987_654_321, { advancedVnd: 0, paidVnd: 987_654_321 }),
        roads.settled('2026-12-01T02:00:00Z', 987_654_320),
        machinery.registered('2026-03-01T02:00:00Z'),
        haNoi.registered('2026-03-01T02:00:00Z'),
      );
      await eventually(async () => {
        const rows = await db.rows(
          `SELECT 1 FROM cluster_support_project WHERE code IS NOT NULL AND project_id = ANY($1)`,
          [[water.projectId, roads.projectId, machinery.projectId, haNoi.projectId]],
        );
        const settled = await rowOf(roads.projectId);
        return rows.length === 4 && settled?.settled !== null && (await rowOf(water.projectId))?.paid !== '0';
      });
    });

    const link = (clusterId: string, projectId: string, by = central) =>
      as(by).post<ClusterSupportView & { code?: string; messages?: { vi: string; en: string } }>(
        supportOf(clusterId),
        { projectId },
      );
    const links = async () =>
      db.rows<{ project_id: string; cluster_id: string }>(
        `SELECT project_id, cluster_id FROM cluster_support_link ORDER BY project_id`,
      );

    it('links content-7 projects of the province and shows their money and exact totals on the cluster', async () => {
      const first = await link(k1, water.projectId, officer('40'));
      expect([first.status, first.body.totals.projects]).toEqual([201, 1]);
      const second = await link(k1, roads.projectId);
      expect(second.status).toBe(201);
      // Linking the same project to the same cluster again changes nothing.
      expect((await link(k1, roads.projectId)).body.totals.projects).toBe(2);

      const detail = await as(officer('40')).get<ClusterDetailView>(`${CLUSTERS}/${k1}`);
      expect(detail.status).toBe(200);
      expect(detail.body.code).toBe('CCN-40-S01');
      expect(detail.body.support.totals).toEqual({
        projects: 2,
        kcqgVnd: 1_500_000_001,
        kcdpVnd: 987_654_321,
        appraisedSupportVnd: 0,
        allocatedVnd: 1_400_000_003 + 987_654_321,
        paidVnd: 700_000_005 + 987_654_321,
        settledVnd: 987_654_320,
        releasedVnd: 0,
      });
      expect(detail.body.support.totals.paidVnd).toBe(1_687_654_326);
      expect(detail.body.support.projects.find((p) => p.projectId === roads.projectId)).toMatchObject({
        fundingSource: 'KCDP',
        status: 'registered',
        statusLabel: 'Đã đăng ký',
        settledVnd: 987_654_320,
        linkedBy: 'cuc.canbo',
      });
      const listed = await as(officer('40')).get<ClusterSupportView>(supportOf(k1));
      expect(listed.body).toEqual(detail.body.support);
      // Another province's officer sees neither the cluster nor its support.
      expect((await as(officer('01')).get(supportOf(k1))).status).toBe(404);
    });

    it('refuses a project not of content 7, of another province, linked elsewhere or not yet received — writing nothing', async () => {
      const before = await links();
      const refusal = async (clusterId: string, projectId: string, by = central) => {
        const reply = await link(clusterId, projectId, by);
        return { status: reply.status, code: reply.body.code, en: reply.body.messages?.en ?? '' };
      };
      expect(await refusal(k2, machinery.projectId)).toMatchObject({
        status: 422,
        code: 'cluster-support.not-content-7',
      });
      expect(await refusal(k2, haNoi.projectId)).toMatchObject({
        status: 422,
        code: 'cluster-support.other-province',
      });
      expect(await refusal(k2, water.projectId)).toMatchObject({
        status: 409,
        code: 'cluster-support.linked-elsewhere',
        en: expect.stringContaining('CCN-40-S01'),
      });
      expect(await refusal(k2, randomUUID())).toMatchObject({
        status: 422,
        code: 'cluster-support.project-not-received',
        en: expect.stringContaining('may be on its way'),
      });
      expect(await refusal(k2, roads.projectId, officer('01'))).toMatchObject({
        status: 404,
        code: 'cluster.not-found',
      });
      expect(await links()).toEqual(before);
      // The database holds the rule too: one cluster per project, whatever writes.
      await expect(
        db.query(
          `INSERT INTO cluster_support_link (project_id, cluster_id, linked_by) VALUES ($1, $2, 'sql')`,
          [water.projectId, k2],
        ),
      ).rejects.toThrow(/duplicate key/);
    });

    it('takes a project made content 7 by a content change, and unlinks', async () => {
      await publish(machinery.contentsChanged('2026-05-01T02:00:00Z', [3], [3, 7]));
      await eventually(async () => (await rowOf(machinery.projectId))?.contents?.includes(7));
      expect((await link(k2, machinery.projectId, officer('40'))).status).toBe(201);

      const unlinked = await as(officer('40')).delete<ClusterSupportView>(
        `${supportOf(k1)}/${roads.projectId}`,
      );
      expect([unlinked.status, unlinked.body.totals]).toEqual([
        200,
        expect.objectContaining({ projects: 1, kcdpVnd: 0, paidVnd: 700_000_005 }),
      ]);
      const again = await as(central).delete(`${supportOf(k1)}/${roads.projectId}`);
      expect([again.status, again.body.code]).toEqual([404, 'cluster-support.not-linked']);
      // Unlinked, it may support the other cluster.
      expect((await link(k2, roads.projectId)).body.totals.projects).toBe(2);
      const audits = await db.rows<{ action: string }>(
        `SELECT envelope->'payload'->>'action' AS action FROM outbox
          WHERE type = 'audit.record.appended' AND envelope->'payload'->>'action' LIKE 'cluster.%link-support'
          ORDER BY seq`,
      );
      expect(audits.map((a) => a.action)).toEqual([
        'cluster.link-support',
        'cluster.link-support',
        'cluster.link-support',
        'cluster.unlink-support',
        'cluster.link-support',
      ]);
    });
  });
});
