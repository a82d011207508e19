import {
  clusterRecordedV1,
  clusterRegisteredV1,
  decodeEvent,
  type ClusterDetailView,
  type ClusterView,
  type EventEnvelope,
  type Page,
  type Principal,
} from '@kc/contracts';
import { vietnamDate } from '@kc/reference-data';
import { business, central, collectSince, endOffsets, officer, testKafka } from '@kc/testing';
import { clusterBody, decision, developer, useClustersContext } from './support/clusters-context';

const CLUSTERS = '/api/v1/clusters';
const juror: Principal = { kind: 'user', id: 'u-giam-khao', name: 'giam.khao', role: 'juror', scopes: [] };

/** The industrial cluster (CCN) registry over HTTP against the real service, its database and the test broker. */
describe('the industrial cluster registry', () => {
  const { as, db, registerCluster } = useClustersContext('kc_it_clusters_registry');
  const written = async () => {
    const [counts] = await db.rows<{ clusters: number; outbox: number }>(
      `SELECT (SELECT count(*)::int FROM industrial_cluster) AS clusters, (SELECT count(*)::int FROM outbox) AS outbox`,
    );
    return counts;
  };
  const outboxOf = (clusterId: string) =>
    db.rows<{ type: string; envelope: EventEnvelope }>(
      `SELECT type, envelope FROM outbox WHERE message_key = $1 ORDER BY seq`,
      [clusterId],
    );

  describe('registering a cluster', () => {
    it("registers a cluster for its province's department, areas in hectares to two decimals, with its event and audit record", async () => {
      const reply = await as(officer('40')).post<ClusterView>(
        CLUSTERS,
        clusterBody('ccn-40-001', {
          commune: 'Xã Diễn Hồng',
          status: 'infrastructure',
          establishment: decision('2019-05-14'),
          totalAreaHa: 62.5,
          leasableAreaHa: 48.75,
          leasedAreaHa: 20,
          developer,
        }),
      );
      expect(reply.status).toBe(201);
      const cluster = reply.body;
      expect(cluster).toMatchObject({
        id: expect.any(String),
        revision: 1,
        code: 'CCN-40-001',
        name: 'Cụm công nghiệp Diễn Hồng',
        provinceCode: '40',
        commune: 'Xã Diễn Hồng',
        status: 'infrastructure',
        statusLabel: 'Đang đầu tư hạ tầng',
        totalAreaHa: 62.5,
        leasableAreaHa: 48.75,
        leasedAreaHa: 20,
        occupancy: { leasedCentiHa: 2000, leasableCentiHa: 4875, percentVi: '41%', percentEn: '41%' },
        developerName: 'Công ty Cổ phần Hạ tầng Diễn Châu',
        developer,
        history: [
          {
            step: 'establish',
            from: 'planned',
            to: 'established',
            decision: decision('2019-05-14'),
            ruleSetId: 'nd-68-2017',
            totalAreaHa: 62.5,
            note: expect.any(String),
            recordedAt: expect.any(String),
          },
        ],
      });
      expect((await as(officer('40')).get<ClusterView>(`${CLUSTERS}/${cluster.id}`)).body).toEqual(cluster);
      // Hundredths of a hectare, so the areas stay exact integers.
      expect(
        await db.rows(
          `SELECT total_area_centi_ha AS total, leasable_area_centi_ha AS leasable, leased_area_centi_ha AS leased
             FROM industrial_cluster WHERE id = $1`,
          [cluster.id],
        ),
      ).toEqual([{ total: 6250, leasable: 4875, leased: 2000 }]);

      const [registered, recorded, audit] = await outboxOf(cluster.id);
      expect([registered.type, recorded.type, audit.type]).toEqual([
        clusterRegisteredV1.type,
        clusterRecordedV1.type,
        'audit.record.appended',
      ]);
      expect(recorded.envelope.payload).toMatchObject({
        revision: 1,
        status: 'infrastructure',
        establishedOn: '2019-05-14',
        areas: { totalCentiHa: 6250, industrialCentiHa: null, leasableCentiHa: 4875, leasedCentiHa: 2000 },
      });
      expect(registered.envelope).toMatchObject({
        version: 1,
        producer: 'clusters',
        aggregateId: cluster.id,
        provinceCode: '40',
        actor: { kind: 'user', id: officer('40').name, role: 'province-officer' },
        payload: {
          clusterId: cluster.id,
          code: 'CCN-40-001',
          name: 'Cụm công nghiệp Diễn Hồng',
          provinceCode: '40',
          status: 'infrastructure',
          totalAreaCentiHa: 6250,
        },
      });
      expect(audit.envelope.payload).toMatchObject({
        action: 'cluster.register',
        resourceType: 'cluster',
        resourceId: cluster.id,
        provinceCode: '40',
        summary: 'Đăng ký cụm công nghiệp CCN-40-001 "Cụm công nghiệp Diễn Hồng", tổng diện tích 62,5 ha',
      });
    });

    it('publishes the event on its topic, where it reads back against the catalog', async () => {
      const kafka = testKafka('clusters-itest');
      const topic = clusterRegisteredV1.topic;
      const since = await endOffsets(kafka, topic);
      const cluster = await registerCluster('CCN-42-001', { provinceCode: '42', totalAreaHa: 30.25 });
      const [registered] = await outboxOf(cluster.id);
      const isOurs = (m: { headers?: Record<string, unknown> }) =>
        String(m.headers?.['kc-event-id']) === registered.envelope.id;
      const message = (await collectSince(kafka, topic, since, (seen) => seen.some(isOurs))).find(isOurs)!;
      expect(message.key?.toString()).toBe(cluster.id);
      expect(decodeEvent(message.value, topic)).toMatchObject({
        ok: true,
        envelope: {
          type: 'clusters.cluster.registered',
          payload: { clusterId: cluster.id, code: 'CCN-42-001', provinceCode: '42', totalAreaCentiHa: 3025 },
        },
      });
    });

    it('takes 10 to 75 ha (5 for a craft village) and refuses a cluster outside on totalAreaHa (422), writing nothing', async () => {
      expect((await registerCluster('CCN-40-010A', { totalAreaHa: 10 })).totalAreaHa).toBe(10);
      expect((await registerCluster('CCN-40-075', { totalAreaHa: 75 })).totalAreaHa).toBe(75);
      const village = await registerCluster('CCN-40-005', { totalAreaHa: 5, sizeCategory: 'craft-village' });
      expect(village.sizeCategory).toBe('craft-village');
      const before = await written();
      for (const [overrides, shown] of [
        [{ totalAreaHa: 9.99 }, { vi: '9,99 ha', en: '9.99 ha', lo: '10' }],
        [{ totalAreaHa: 75.01 }, { vi: '75,01 ha', en: '75.01 ha', lo: '10' }],
        [
          { totalAreaHa: 4.99, sizeCategory: 'craft-village' },
          { vi: '4,99 ha', en: '4.99 ha', lo: '5' },
        ],
      ] as const) {
        const reply = await as(central).post(CLUSTERS, clusterBody('CCN-40-999', overrides));
        expect({
          status: reply.status,
          code: reply.body.code,
          errors: reply.body.errors?.map((e) => [e.field, e.rule]),
          detail: reply.body.messages?.vi,
        }).toEqual({
          status: 422,
          code: 'cluster.size-out-of-range',
          errors: [['totalAreaHa', 'cluster.size-out-of-range']],
          detail: expect.stringContaining(
            `phải từ ${shown.lo} ha đến 75 ha (khoản 1 Điều 2 Nghị định 32/2024/NĐ-CP); diện tích là ${shown.vi}`,
          ),
        });
      }
      expect(await written()).toEqual(before);
      // The database holds the bounds no rule set crosses, whoever writes.
      await expect(
        db.query(`UPDATE industrial_cluster SET total_area_centi_ha = 7501 WHERE code = 'CCN-40-075'`),
      ).rejects.toThrow(/industrial_cluster_total_area/);
      await expect(
        db.query(
          `UPDATE industrial_cluster SET leasable_area_centi_ha = 100, leased_area_centi_ha = 101 WHERE code = 'CCN-40-075'`,
        ),
      ).rejects.toThrow(/industrial_cluster_leased_within_leasable/);
    });

    it('refuses malformed codes, areas and statuses with 400 naming the field and the rule', async () => {
      const before = await written();
      const cases: [Record<string, unknown>, [string, string][]][] = [
        [{ code: 'CCN 40 002' }, [['body.code', 'invalid_format']]],
        [{ totalAreaHa: 62.555 }, [['body.totalAreaHa', 'two-decimals']]],
        [{ totalAreaHa: '50' }, [['body.totalAreaHa', 'invalid_type']]],
        [{ leasableAreaHa: 51 }, [['body.leasableAreaHa', 'area-nesting']]],
        [{ leasableAreaHa: 30, leasedAreaHa: 30.5 }, [['body.leasedAreaHa', 'area-nesting']]],
        [{ leasedAreaHa: 50.01 }, [['body.leasedAreaHa', 'area-nesting']]],
        [{ status: 'closed' }, [['body.status', 'invalid_value']]],
        [{ status: 'removed' }, [['body.status', 'invalid_value']]],
        [{ status: 'operating' }, [['body.establishment', 'establishment-decision-required']]],
        [{ industrialAreaHa: 40, leasableAreaHa: 41 }, [['body.leasableAreaHa', 'area-nesting']]],
        [{ provinceCode: '4' }, [['body.provinceCode', 'invalid_format']]],
        [{ hectares: 50 }, [['body.hectares', 'unrecognized_keys']]],
      ];
      for (const [overrides, fields] of cases) {
        const reply = await as(central).post(CLUSTERS, clusterBody('CCN-40-002', overrides));
        expect({
          overrides,
          status: reply.status,
          type: reply.headers.get('content-type')?.split(';')[0],
          code: reply.body.code,
          fields: reply.body.errors?.map((e) => [e.field, e.rule]),
        }).toEqual({
          overrides,
          status: 400,
          type: 'application/problem+json',
          code: 'request.invalid-fields',
          fields,
        });
      }
      const negative = await as(central).post(CLUSTERS, clusterBody('CCN-40-002', { totalAreaHa: -1 }));
      expect([negative.status, negative.body.errors?.map((e) => [e.field, e.rule])]).toEqual([
        400,
        expect.arrayContaining([['body.totalAreaHa', 'too_small']]),
      ]);
      expect(await written()).toEqual(before);
    });

    it('refuses a unit no longer in force: Hải Dương (30) since the 2025 merger (422)', async () => {
      const before = await written();
      const reply = await as(central).post(CLUSTERS, clusterBody('CCN-30-002', { provinceCode: '30' }));
      const today = vietnamDate(new Date());
      expect([reply.status, reply.body.code, reply.body.errors?.[0].field, reply.body.messages]).toEqual([
        422,
        'cluster.unknown-province',
        'provinceCode',
        {
          vi: `Đơn vị cấp tỉnh 30 không còn hiệu lực vào ngày ${today.split('-').reverse().join('/')}`,
          en: `Provincial unit 30 is not in force on ${today}`,
        },
      ]);
      expect(await written()).toEqual(before);
    });

    it('keeps codes unique nationwide, naming the holder only to who may see it (409), also in a race', async () => {
      const held = await registerCluster('CCN-40-010', {}, officer('40'));
      const again = await as(officer('40')).post(CLUSTERS, clusterBody('ccn-40-010', { name: 'Cụm khác' }));
      expect([again.status, again.body.code, again.body.errors?.[0].field, again.body.messages?.vi]).toEqual([
        409,
        'cluster.code-taken',
        'code',
        `Mã cụm công nghiệp CCN-40-010 đã được đăng ký (Cụm công nghiệp Diễn Hồng, ${held.id})`,
      ]);
      // Another province's officer learns that the code is taken, not whose cluster holds it.
      const stranger = await as(officer('01')).post(
        CLUSTERS,
        clusterBody('CCN-40-010', { provinceCode: '01' }),
      );
      expect([stranger.status, stranger.body.messages]).toEqual([
        409,
        {
          vi: 'Mã cụm công nghiệp CCN-40-010 đã được đăng ký',
          en: 'Cluster code CCN-40-010 is already registered',
        },
      ]);

      const before = await written();
      const race = await Promise.all(
        Array.from({ length: 6 }, () =>
          as(central).post(CLUSTERS, clusterBody('CCN-01-020', { provinceCode: '01' })),
        ),
      );
      expect(race.filter((r) => r.status === 201)).toHaveLength(1);
      // The service's own check, or the unique index when two requests pass it together.
      for (const lost of race.filter((r) => r.status !== 201)) {
        expect([lost.status, ['cluster.code-taken', 'constraint.unique']]).toEqual([
          409,
          expect.arrayContaining([lost.body.code]),
        ]);
      }
      expect(await written()).toEqual({ clusters: before.clusters + 1, outbox: before.outbox + 3 });
    });
  });

  describe('access by province', () => {
    // Thanh Hoá (38) and Hà Tĩnh (42) hold clusters of their own here; Hà Nội (01) is the other province.
    let thanhHoa: ClusterDetailView;

    beforeAll(async () => {
      thanhHoa = await registerCluster(
        'CCN-38-001',
        {
          name: 'Cụm công nghiệp Hoằng Hoá',
          provinceCode: '38',
          status: 'operating',
          establishment: decision('2020-03-02'),
        },
        officer('38'),
      );
      await registerCluster(
        'CCN-38-002',
        { name: 'Cụm công nghiệp Nga Sơn', provinceCode: '38' },
        officer('38'),
      );
    });

    it("refuses a province officer another province's registration (403), writing nothing", async () => {
      const before = await written();
      const reply = await as(officer('38')).post(CLUSTERS, clusterBody('CCN-40-020'));
      expect([reply.status, reply.body.code, reply.body.errors?.[0].field]).toEqual([
        403,
        'auth.other-province',
        'provinceCode',
      ]);
      expect(await written()).toEqual(before);
    });

    it("shows a province officer their own province's clusters only: another's answers 404 and is refused as a filter", async () => {
      const codes = async (query: string, by: Principal) => {
        const reply = await as(by).get<Page<ClusterView>>(`${CLUSTERS}?${query}`);
        return reply.status === 200 ? reply.body.items.map((c) => c.code) : [reply.status, reply.body.code];
      };
      expect(await codes('', officer('38'))).toEqual(['CCN-38-001', 'CCN-38-002']);
      expect(await codes('provinceCode=38&status=operating', officer('38'))).toEqual(['CCN-38-001']);
      expect(await codes('provinceCode=40', officer('38'))).toEqual([403, 'auth.other-province']);
      expect(await codes('provinceCode=38', central)).toEqual(['CCN-38-001', 'CCN-38-002']);
      expect((await as(officer('38')).get(`${CLUSTERS}/${thanhHoa.id}`)).status).toBe(200);
      const hidden = await as(officer('01')).get(`${CLUSTERS}/${thanhHoa.id}`);
      expect([hidden.status, hidden.body.code]).toEqual([404, 'cluster.not-found']);
      expect(await codes('', officer('01'))).not.toContain('CCN-38-001');
    });

    it('keeps everyone but the agency and the departments out (403)', async () => {
      const before = await written();
      for (const who of [business('2900123456'), juror]) {
        const register = await as(who).post(CLUSTERS, clusterBody('CCN-40-030'));
        const list = await as(who).get(CLUSTERS);
        const one = await as(who).get(`${CLUSTERS}/${thanhHoa.id}`);
        expect([who.role, register.status, list.status, list.body.code, one.status]).toEqual([
          who.role,
          403,
          403,
          'auth.forbidden',
          403,
        ]);
      }
      expect(await written()).toEqual(before);
    });
  });

  describe('reading the registry', () => {
    it('lists by code, filtered by status, a page at a time', async () => {
      const all = await as(central).get<Page<ClusterView>>(`${CLUSTERS}?limit=200`);
      const codes = all.body.items.map((c) => c.code);
      expect(codes).toEqual([...codes].sort());
      expect(all.body.total).toBe(codes.length);
      const page = await as(central).get<Page<ClusterView>>(`${CLUSTERS}?limit=2&page=2`);
      expect([page.body.page, page.body.limit, page.body.items.map((c) => c.code)]).toEqual([
        2,
        2,
        codes.slice(2, 4),
      ]);
      const operating = await as(central).get<Page<ClusterView>>(`${CLUSTERS}?status=operating`);
      expect(operating.body.items.every((c) => c.status === 'operating')).toBe(true);
      expect(operating.body.items.map((c) => c.code)).toContain('CCN-38-001');
    });

    it('refuses a malformed query or id with 400 naming it, and answers 404 for an unknown cluster', async () => {
      for (const [path, field] of [
        [`${CLUSTERS}?status=closed`, 'query.status'],
        [`${CLUSTERS}?provinceCode=4`, 'query.provinceCode'],
        [`${CLUSTERS}?limit=0`, 'query.limit'],
        [`${CLUSTERS}/ccn-40-001`, 'params.id'],
      ]) {
        const reply = await as(central).get(path);
        expect([path, reply.status, reply.body.errors?.map((e) => e.field)]).toEqual([path, 400, [field]]);
      }
      const unknown = await as(central).get(`${CLUSTERS}/00000000-0000-4000-8000-000000000000`);
      expect([unknown.status, unknown.body.code]).toEqual([404, 'cluster.not-found']);
    });
  });
});
