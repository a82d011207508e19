import {
  clusterRecordedV1,
  decodeEvent,
  type ClusterDetailView,
  type EventEnvelope,
  type Page,
  type ClusterView,
} from '@kc/contracts';
import { central, collectSince, endOffsets, officer, testKafka } from '@kc/testing';
import { decision, developer, establishedBody, useClustersContext } from './support/clusters-context';

const CLUSTERS = '/api/v1/clusters';
const DISTRICT = 'Huyện Diễn Châu';

/**
 * The registry's lifecycle over HTTP against the real service and database: every decree rule refuses through
 * the API naming itself and its legal basis and changes nothing; a province sees and edits only its clusters;
 * concurrent changes queue; every change publishes the whole record with its revision.
 */
describe('the cluster lifecycle through the API', () => {
  const { as, db, registerCluster } = useClustersContext('kc_it_clusters_lifecycle');
  const steps = (id: string) => `${CLUSTERS}/${id}/steps`;
  const recordedOf = (clusterId: string) =>
    db.rows<{ envelope: EventEnvelope<{ revision: number; status: string }> }>(
      `SELECT envelope FROM outbox WHERE message_key = $1 AND type = $2 ORDER BY seq`,
      [clusterId, clusterRecordedV1.type],
    );
  const stateOf = async (id: string) => {
    const [row] = await db.rows<{
      revision: number;
      status: string;
      total: number;
      steps: number;
      outbox: number;
    }>(
      `SELECT revision, status, total_area_centi_ha AS total,
              (SELECT count(*)::int FROM cluster_lifecycle_step WHERE cluster_id = $1) AS steps,
              (SELECT count(*)::int FROM outbox WHERE message_key = $1::text) AS outbox
         FROM industrial_cluster WHERE id = $1`,
      [id],
    );
    return row;
  };

  /** Posts a step expecting a refusal: its status, rule, and the Vietnamese message (which names the basis). */
  const refusal = async (id: string, body: Record<string, unknown>, by = central) => {
    const before = await stateOf(id);
    const reply = await as(by).post(steps(id), body);
    expect(await stateOf(id)).toEqual(before);
    return { status: reply.status, code: reply.body.code, vi: reply.body.messages?.vi ?? '' };
  };

  /** An established cluster of the Diễn Châu district with `leasedHa` of 60 ha leasable leased. */
  const areaCluster = (code: string, leasedHa: number) =>
    registerCluster(
      code,
      establishedBody(code, 'operating', '2021-04-01', {
        formerDistrict: DISTRICT,
        totalAreaHa: 75,
        industrialAreaHa: 65,
        leasableAreaHa: 60,
        leasedAreaHa: leasedHa,
      }),
    );

  describe('establishing', () => {
    let areaIds: string[];
    let planned: ClusterDetailView;
    const establish = (overrides: Record<string, unknown> = {}) => ({
      step: 'establish',
      decision: decision('2026-02-10', '210/QĐ-UBND'),
      totalAreaHa: 50,
      developer,
      ...overrides,
    });

    beforeAll(async () => {
      // Three clusters of the district: 20 of 60 ha leased each (33 %), 120 ha unleased (over the 100-ha alternative).
      areaIds = [];
      for (const code of ['CCN-40-101', 'CCN-40-102', 'CCN-40-103'])
        areaIds.push((await areaCluster(code, 20)).id);
      planned = await registerCluster('CCN-40-110', {
        formerDistrict: DISTRICT,
        provincialList: { decisionNumber: '55/QĐ-UBND', date: '2025-12-01' },
      });
    });

    it("refuses while the area's established clusters average 50 % or less, naming Article 8(1)(c)", async () => {
      expect(await refusal(planned.id, establish())).toEqual({
        status: 422,
        code: 'cluster.area-occupancy',
        vi: expect.stringContaining(
          '(điểm c khoản 1 Điều 8 Nghị định 32/2024/NĐ-CP); 3 cụm trên địa bàn có tỷ lệ lấp đầy trung bình 33,3% và 120 ha đất công nghiệp chưa cho thuê',
        ),
      });
    });

    it('establishes once the area averages above 50 %: the history keeps the decision, the revision goes up', async () => {
      for (const id of areaIds) {
        const reply = await as(central).patch(`${CLUSTERS}/${id}`, { areas: { leasedAreaHa: 31 } });
        expect(reply.status).toBe(200);
      }
      const reply = await as(officer('40')).post<ClusterDetailView>(steps(planned.id), establish());
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        status: 'established',
        revision: 2,
        developer,
        history: [
          {
            step: 'establish',
            from: 'planned',
            to: 'established',
            decision: decision('2026-02-10', '210/QĐ-UBND'),
            ruleSetId: 'nd-32-2024',
            totalAreaHa: 50,
          },
        ],
      });
      expect(
        await db.rows(
          `SELECT seq, step, decision_number, decision_date::text AS date, decision_authority, recorded_by
             FROM cluster_lifecycle_step WHERE cluster_id = $1`,
          [planned.id],
        ),
      ).toEqual([
        {
          seq: 1,
          step: 'establish',
          decision_number: '210/QĐ-UBND',
          date: '2026-02-10',
          decision_authority: 'provincial-peoples-committee',
          recorded_by: officer('40').name,
        },
      ]);
    });

    it("judges only the clusters of the cluster's own area", async () => {
      // Another district's cluster is established although the Diễn Châu clusters were below 50 % then.
      const elsewhere = await registerCluster('CCN-40-120', {
        formerDistrict: 'Huyện Quỳnh Lưu',
        provincialList: { decisionNumber: '56/QĐ-UBND', date: '2025-12-01' },
      });
      await as(central).patch(`${CLUSTERS}/${areaIds[0]}`, { areas: { leasedAreaHa: 1 } });
      const reply = await as(central).post<ClusterDetailView>(steps(elsewhere.id), establish());
      expect([reply.status, reply.body.status]).toEqual([200, 'established']);
    });

    it('refuses a cluster off the provincial list, without a developer, by the wrong authority, or of the wrong size', async () => {
      const unlisted = await registerCluster('CCN-40-130', { formerDistrict: 'Huyện Yên Thành' });
      expect(await refusal(unlisted.id, establish())).toEqual({
        status: 422,
        code: 'cluster.not-on-provincial-list',
        vi: expect.stringContaining('(điểm a khoản 1 Điều 8 Nghị định 32/2024/NĐ-CP)'),
      });
      const listed = await registerCluster('CCN-40-131', {
        formerDistrict: 'Huyện Yên Thành',
        provincialList: { decisionNumber: '57/QĐ-UBND', date: '2025-12-01' },
      });
      expect(await refusal(listed.id, establish({ developer: undefined }))).toEqual({
        status: 422,
        code: 'cluster.developer-required',
        vi: expect.stringContaining('(điểm b khoản 1 Điều 8 Nghị định 32/2024/NĐ-CP)'),
      });
      const bySct = { ...decision('2026-02-10'), authority: 'department-of-industry-and-trade' };
      expect(await refusal(listed.id, establish({ decision: bySct }))).toEqual({
        status: 422,
        code: 'cluster.decision-authority',
        vi: expect.stringContaining('(Điều 10 và Điều 12 Nghị định 32/2024/NĐ-CP)'),
      });
      expect(await refusal(listed.id, establish({ totalAreaHa: 75.5 }))).toEqual({
        status: 422,
        code: 'cluster.size-out-of-range',
        vi: expect.stringContaining('(khoản 1 Điều 2 Nghị định 32/2024/NĐ-CP); diện tích là 75,5 ha'),
      });
      expect(
        await refusal(listed.id, { step: 'start-operating', decision: decision('2026-02-10') }),
      ).toMatchObject({ status: 409, code: 'cluster.illegal-transition' });
    });
  });

  describe('the linear stages and removal', () => {
    it("walks detailed plan → infrastructure → operating with the plan's areas, then removes with a reason", async () => {
      const cluster = await registerCluster(
        'CCN-40-150',
        establishedBody('CCN-40-150', 'established', '2025-09-01', { formerDistrict: 'Huyện Anh Sơn' }),
      );
      const take = (body: Record<string, unknown>) =>
        as(officer('40')).post<ClusterDetailView>(steps(cluster.id), body);
      const plan = await take({
        step: 'approve-detailed-plan',
        decision: decision('2025-11-01', '901/QĐ-UBND'),
        industrialAreaHa: 40,
        leasableAreaHa: 36.5,
      });
      expect([plan.status, plan.body.status, plan.body.industrialAreaHa, plan.body.leasableAreaHa]).toEqual([
        200,
        'detailed-plan',
        40,
        36.5,
      ]);
      await take({ step: 'start-infrastructure', decision: decision('2026-01-05', '12/QĐ-UBND') });
      const operating = await take({
        step: 'start-operating',
        decision: decision('2026-05-05', '80/QĐ-UBND'),
      });
      expect(operating.body.status).toBe('operating');
      // A decision dated before the previous step's is refused: the history reads in order.
      expect(
        await refusal(cluster.id, {
          step: 'remove',
          decision: decision('2026-05-04'),
          reason: 'Không hiệu quả',
        }),
      ).toMatchObject({ status: 422, code: 'cluster.decision-out-of-order' });
      const removed = await take({
        step: 'remove',
        decision: decision('2026-06-01', '120/QĐ-UBND'),
        reason: 'Không thu hút được dự án',
      });
      expect(removed.body.status).toBe('removed');
      expect(removed.body.history.map((h) => [h.step, h.from, h.to, h.decision.number])).toEqual([
        ['establish', 'planned', 'established', 'CCN-40-150/QĐ-UBND'],
        ['approve-detailed-plan', 'established', 'detailed-plan', '901/QĐ-UBND'],
        ['start-infrastructure', 'detailed-plan', 'infrastructure', '12/QĐ-UBND'],
        ['start-operating', 'infrastructure', 'operating', '80/QĐ-UBND'],
        ['remove', 'operating', 'removed', '120/QĐ-UBND'],
      ]);
      expect(removed.body.history.at(-1)?.note).toBe('Không thu hút được dự án');
      const listed = await as(central).get<Page<ClusterView>>(`${CLUSTERS}?status=removed`);
      expect(listed.body.items.map((c) => c.code)).toEqual(['CCN-40-150']);
    });
  });

  describe('expanding', () => {
    let cluster: ClusterDetailView;
    const expand = (addedAreaHa: number) => ({
      step: 'expand',
      decision: decision('2026-06-01', '600/QĐ-UBND'),
      addedAreaHa,
    });

    beforeAll(async () => {
      cluster = await registerCluster(
        'CCN-40-200',
        establishedBody('CCN-40-200', 'operating', '2022-01-05', {
          formerDistrict: 'Huyện Nghi Lộc',
          totalAreaHa: 50,
          industrialAreaHa: 45,
          leasableAreaHa: 40,
          leasedAreaHa: 20,
          developer,
        }),
      );
    });

    it('refuses a total above 75 ha after expansion, naming Article 8(2)(a)', async () => {
      expect(await refusal(cluster.id, expand(25.01))).toEqual({
        status: 422,
        code: 'cluster.expansion-area-limit',
        vi: expect.stringContaining(
          '(điểm a khoản 2 Điều 8 Nghị định 32/2024/NĐ-CP); sau mở rộng sẽ là 75,01 ha',
        ),
      });
    });

    it('refuses below 60 % occupancy, naming Article 8(2)(c)', async () => {
      expect(await refusal(cluster.id, expand(10))).toEqual({
        status: 422,
        code: 'cluster.expansion-occupancy',
        vi: expect.stringContaining(
          '(điểm c khoản 2 Điều 8 Nghị định 32/2024/NĐ-CP); tỷ lệ lấp đầy hiện là 50%',
        ),
      });
      // 23.99 of 40 ha is 59.975 %: still below, and shown rounded down.
      await as(central).patch(`${CLUSTERS}/${cluster.id}`, { areas: { leasedAreaHa: 23.99 } });
      expect((await refusal(cluster.id, expand(10))).vi).toContain('tỷ lệ lấp đầy hiện là 59,9%');
    });

    it('refuses while the shared infrastructure is not completed, naming Article 8(2)(d)', async () => {
      await as(central).patch(`${CLUSTERS}/${cluster.id}`, { areas: { leasedAreaHa: 24 } });
      expect(await refusal(cluster.id, expand(10))).toEqual({
        status: 422,
        code: 'cluster.expansion-infrastructure',
        vi: expect.stringContaining(
          '(điểm d khoản 2 Điều 8 Nghị định 32/2024/NĐ-CP); chưa đưa vào sử dụng: giao thông nội bộ, cấp nước, trạm xử lý nước thải tập trung',
        ),
      });
    });

    it('expands at 60 % with roads, water and the wastewater plant in use', async () => {
      const works = await as(central).patch<ClusterDetailView>(`${CLUSTERS}/${cluster.id}`, {
        infrastructure: {
          roads: 'in-use',
          water: 'in-use',
          wastewaterPlant: { capacityM3PerDay: 1500, status: 'in-use' },
        },
      });
      expect(works.body.infrastructure).toEqual({
        roads: 'in-use',
        power: 'none',
        water: 'in-use',
        drainage: 'none',
        wastewaterPlant: { capacityM3PerDay: 1500, status: 'in-use' },
      });
      const reply = await as(central).post<ClusterDetailView>(steps(cluster.id), expand(25));
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ status: 'operating', totalAreaHa: 75 });
      expect(reply.body.history.map((h) => [h.step, h.totalAreaHa])).toEqual([
        ['establish', 50],
        ['expand', 75],
      ]);
    });
  });

  describe('province scoping', () => {
    it("hides another province's cluster from an officer (404) for reading and every write, changing nothing", async () => {
      const cluster = await registerCluster('CCN-40-300', {}, officer('40'));
      const stranger = as(officer('01'));
      const before = await stateOf(cluster.id);
      const replies = [
        await stranger.get(`${CLUSTERS}/${cluster.id}`),
        await stranger.patch(`${CLUSTERS}/${cluster.id}`, { investment: { registeredVnd: 1 } }),
        await stranger.post(steps(cluster.id), {
          step: 'remove',
          decision: decision('2026-02-01'),
          reason: 'Không còn quỹ đất',
        }),
        await stranger.post(`${CLUSTERS}/${cluster.id}/tenants`, {
          name: 'Nhà máy may',
          firm: { taxCode: '0101234567', name: 'Công ty May' },
          leasedAreaHa: 2,
          registeredVnd: 1_000_000_000,
        }),
      ];
      expect(replies.map((r) => [r.status, r.body.code])).toEqual(Array(4).fill([404, 'cluster.not-found']));
      expect(await stateOf(cluster.id)).toEqual(before);
      const list = await stranger.get<Page<ClusterView>>(CLUSTERS);
      expect(list.body.items.map((c) => c.code)).not.toContain('CCN-40-300');
      // Its own province's officer edits it; the agency too.
      expect(
        (await as(officer('40')).patch(`${CLUSTERS}/${cluster.id}`, { investment: { registeredVnd: 5 } }))
          .status,
      ).toBe(200);
      expect(
        (await as(central).patch(`${CLUSTERS}/${cluster.id}`, { investment: { realisedVnd: 3 } })).status,
      ).toBe(200);
      expect((await stateOf(cluster.id)).revision).toBe(before.revision + 2);
    });
  });

  describe('concurrent changes', () => {
    it('loses no tenant added by parallel clients: each change gets its own revision, in its own event', async () => {
      const cluster = await registerCluster(
        'CCN-40-400',
        establishedBody('CCN-40-400', 'operating', '2023-03-03', { leasableAreaHa: 40, leasedAreaHa: 30 }),
      );
      const tenants = Array.from({ length: 8 }, (_, i) => ({
        name: `Nhà máy số ${i + 1}`,
        firm: { taxCode: `010000000${i}`, name: `Công ty ${i + 1}` },
        leasedAreaHa: 1.5,
        registeredVnd: 10_000_000_000,
        workers: 100 + i,
        status: 'operating',
      }));
      const replies = await Promise.all(
        tenants.map((t) => as(officer('40')).post<ClusterDetailView>(`${CLUSTERS}/${cluster.id}/tenants`, t)),
      );
      expect(replies.map((r) => r.status)).toEqual(Array(8).fill(201));
      const after = await as(central).get<ClusterDetailView>(`${CLUSTERS}/${cluster.id}`);
      expect(after.body.revision).toBe(9);
      expect(after.body.tenants.map((t) => t.name).sort()).toEqual(tenants.map((t) => t.name).sort());
      expect(after.body.tenantSummary).toMatchObject({
        projects: 8,
        operatingProjects: 8,
        firms: 8,
        workers: 828,
      });
      const revisions = (await recordedOf(cluster.id)).map((e) => e.envelope.payload.revision);
      expect(revisions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      // The last snapshot counts every tenant.
      expect((await recordedOf(cluster.id)).at(-1)?.envelope.payload).toMatchObject({
        tenants: { projects: 8, firms: 8, workers: 828 },
      });
    });

    it('lets exactly one of the writers holding the same revision win; the others get 409 and change nothing', async () => {
      const cluster = await registerCluster('CCN-40-401', { leasableAreaHa: 40 });
      const replies = await Promise.all(
        [10, 11, 12, 13, 14].map((leased) =>
          as(central).patch(`${CLUSTERS}/${cluster.id}`, {
            expectedRevision: 1,
            areas: { leasedAreaHa: leased },
          }),
        ),
      );
      expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
      expect(
        replies
          .filter((r) => r.status !== 200)
          .map((r) => [r.status, r.body.code, r.body.errors?.[0]?.field]),
      ).toEqual(Array(4).fill([409, 'cluster.revision-mismatch', 'expectedRevision']));
      expect((await stateOf(cluster.id)).revision).toBe(2);
    });
  });

  describe('events', () => {
    it('publishes clusters.cluster.recorded with the revision the change produced, on its topic', async () => {
      const cluster = await registerCluster('CCN-40-500', {
        provincialList: { decisionNumber: '58/QĐ-UBND', date: '2025-12-01' },
        formerDistrict: 'Huyện Con Cuông',
        sizeCategory: 'mountain-district',
      });
      const kafka = testKafka('clusters-lifecycle-itest');
      const topic = clusterRecordedV1.topic;
      const since = await endOffsets(kafka, topic);
      const reply = await as(central).post<ClusterDetailView>(steps(cluster.id), {
        step: 'establish',
        decision: decision('2026-03-01', '301/QĐ-UBND'),
        totalAreaHa: 8,
        developer,
      });
      expect([reply.status, reply.body.revision]).toEqual([200, 2]);
      const last = (await recordedOf(cluster.id)).at(-1)!.envelope;
      const isOurs = (m: { headers?: Record<string, unknown> }) =>
        String(m.headers?.['kc-event-id']) === last.id;
      const message = (await collectSince(kafka, topic, since, (seen) => seen.some(isOurs))).find(isOurs)!;
      expect(message.key?.toString()).toBe(cluster.id);
      expect(decodeEvent(message.value, topic)).toMatchObject({
        ok: true,
        envelope: {
          type: 'clusters.cluster.recorded',
          version: 1,
          aggregateId: cluster.id,
          provinceCode: '40',
          payload: {
            clusterId: cluster.id,
            revision: 2,
            status: 'established',
            sizeCategory: 'mountain-district',
            establishedOn: '2026-03-01',
            areas: { totalCentiHa: 800 },
            wastewaterPlant: null,
            tenants: { projects: 0, operatingProjects: 0, firms: 0, workers: 0 },
          },
        },
      });
    });
  });
});
