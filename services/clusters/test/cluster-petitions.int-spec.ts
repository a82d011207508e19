import type { InspectionView, Page, PetitionView } from '@kc/contracts';
import { business, central, officer } from '@kc/testing';
import { useClustersContext } from './support/clusters-context';
import { operatingCluster, setClock } from './support/report-givens';

const PETITIONS = '/api/v1/cluster-petitions';
const INSPECTIONS = '/api/v1/cluster-inspections';

/** Petitions to the agency and inspections of clusters, against the real service and database. */
describe('cluster petitions and inspections', () => {
  const context = useClustersContext('kc_it_cluster_petitions');
  const { as, db } = context;
  const at = (instant: string | null) => setClock(context.service, instant);
  afterEach(() => at(null));
  let clusterId: string;
  beforeAll(async () => {
    clusterId = await operatingCluster(context.db, 'CCN-40-K01', '40', '0102223334');
  });

  describe('petitions', () => {
    it('is due 15 working days after receipt, skipping weekends and the 30/4–1/5 holidays; overdue while unanswered past it; an answer after it is marked late', async () => {
      at('2026-04-24T03:00:00Z'); // Friday 24 April 2026 in Hà Nội
      const filed = await as(officer('40')).post<PetitionView>(PETITIONS, {
        subject: 'Hỗ trợ đầu tư trạm xử lý nước thải tập trung',
        content: 'Đề nghị Cục hướng dẫn hồ sơ hỗ trợ từ kinh phí khuyến công quốc gia cho CCN Diễn Hồng.',
      });
      expect(filed.status).toBe(201);
      // 27/4 (the Hùng Kings day moved off a Sunday), 30/4 and 1/5 are days off: 15 weekdays would end on 15/5.
      expect(filed.body).toMatchObject({
        provinceCode: '40',
        petitioner: 'province',
        receivedOn: '2026-04-24',
        responseDueOn: '2026-05-20',
        status: 'received',
        statusLabel: 'Đã tiếp nhận',
        overdue: false,
        answer: null,
      });
      const id = filed.body.id;
      at('2026-05-20T16:59:00Z'); // still 20 May in Hà Nội
      expect((await as(central).post<PetitionView>(`${PETITIONS}/${id}/start`)).body).toMatchObject({
        status: 'in-progress',
        overdue: false,
      });
      at('2026-05-20T17:00:00Z'); // 21 May in Hà Nội
      expect((await as(officer('40')).get<PetitionView>(`${PETITIONS}/${id}`)).body.overdue).toBe(true);
      const overdue = await as(central).get<Page<PetitionView>>(`${PETITIONS}?overdue=true&provinceCode=40`);
      expect(overdue.body.items.map((p) => p.id)).toEqual([id]);

      expect((await as(officer('40')).put(`${PETITIONS}/${id}/answer`, { answer: 'x' })).status).toBe(403);
      const answered = await as(central).put<PetitionView>(`${PETITIONS}/${id}/answer`, {
        answer: 'Hồ sơ gồm đề án, dự toán và quyết định phê duyệt quy hoạch chi tiết; gửi trước 30/6.',
      });
      expect(answered.body).toMatchObject({
        status: 'answered',
        overdue: false,
        answer: { answeredBy: 'cuc.canbo', answeredOn: '2026-05-21', late: true },
      });
      expect((await as(central).put(`${PETITIONS}/${id}/answer`, { answer: 'lần hai' })).status).toBe(409);
      const closed = await as(central).post<PetitionView>(`${PETITIONS}/${id}/close`, {
        note: 'Tỉnh đã nhận',
      });
      expect(closed.body).toMatchObject({
        status: 'closed',
        closed: { closedBy: 'cuc.canbo', note: 'Tỉnh đã nhận' },
      });
      expect(
        await db.rows(
          `SELECT envelope->'payload'->>'action' AS action FROM outbox WHERE message_key = $1 ORDER BY seq`,
          [id],
        ),
      ).toEqual(['file', 'start', 'answer', 'close'].map((s) => ({ action: `cluster-petition.${s}` })));
    });

    it("takes a developer's petition for its own cluster only, and shows each party only its own", async () => {
      at('2026-06-01T03:00:00Z');
      const developer = business('0102223334');
      const filed = await as(developer).post<PetitionView>(PETITIONS, {
        clusterId,
        subject: 'Giá thuê đất trong cụm',
        content: 'Đề nghị hướng dẫn khung giá cho thuê lại đất đã có hạ tầng.',
      });
      expect(filed.status).toBe(201);
      expect(filed.body).toMatchObject({
        petitioner: 'developer',
        developerTaxCode: '0102223334',
        clusterCode: 'CCN-40-K01',
        provinceCode: '40',
        responseDueOn: '2026-06-22',
      });
      const stranger = business('0109998887');
      expect((await as(stranger).post(PETITIONS, { clusterId, subject: 'x', content: 'y' })).status).toBe(
        404,
      );
      expect((await as(stranger).get(`${PETITIONS}/${filed.body.id}`)).status).toBe(404);
      expect((await as(officer('42')).get(`${PETITIONS}/${filed.body.id}`)).status).toBe(404);
      expect(
        (await as(officer('42')).post(PETITIONS, { provinceCode: '40', subject: 'x', content: 'y' })).status,
      ).toBe(403);
      const own = await as(developer).get<Page<PetitionView>>(PETITIONS);
      expect(own.body.items.map((p) => p.id)).toEqual([filed.body.id]);
      expect((await as(officer('40')).get<Page<PetitionView>>(PETITIONS)).body.total).toBeGreaterThanOrEqual(
        2,
      );
      expect((await as(officer('42')).get<Page<PetitionView>>(PETITIONS)).body.total).toBe(0);
    });
  });

  describe('inspections', () => {
    it('records findings with their severity and follow-up actions with due dates; an action is overdue until done, and late if done after its day', async () => {
      at('2026-03-10T03:00:00Z');
      const recorded = await as(officer('40')).post<InspectionView>(INSPECTIONS, {
        clusterId,
        inspectedOn: '2026-03-09',
        authority: 'Đoàn kiểm tra liên ngành Sở Công Thương Nghệ An',
        findings: [
          { description: 'Trạm xử lý nước thải vận hành chưa đủ công suất thiết kế', severity: 'major' },
          { description: 'Thiếu biển chỉ dẫn lối thoát hiểm', severity: 'minor' },
        ],
        actions: [
          { description: 'Nâng công suất trạm xử lý lên 800 m³/ngày', dueOn: '2026-06-30', finding: 1 },
          { description: 'Lắp biển chỉ dẫn', dueOn: '2026-03-31', finding: 2 },
        ],
      });
      expect(recorded.status).toBe(201);
      expect(recorded.body.findings.map((f) => [f.number, f.severity, f.severityLabel])).toEqual([
        [1, 'major', 'Nghiêm trọng'],
        [2, 'minor', 'Nhẹ'],
      ]);
      const [plant, signs] = recorded.body.actions;
      expect([recorded.body.openActions, recorded.body.overdueActions]).toEqual([2, 0]);

      at('2026-04-02T03:00:00Z');
      const later = await as(central).get<InspectionView>(`${INSPECTIONS}/${recorded.body.id}`);
      expect(later.body.actions.map((a) => [a.finding, a.overdue])).toEqual([
        [1, false],
        [2, true],
      ]);
      const done = await as(officer('40')).post<InspectionView>(
        `${INSPECTIONS}/${recorded.body.id}/actions/${signs.id}/complete`,
        { note: 'Đã lắp 12 biển', completedOn: '2026-04-01' },
      );
      expect(done.body.actions[1]).toMatchObject({
        completedOn: '2026-04-01',
        completedBy: 'sct.40',
        completedLate: true,
        overdue: false,
      });
      expect([done.body.openActions, done.body.overdueActions]).toEqual([1, 0]);
      const twice = await as(officer('40')).post(
        `${INSPECTIONS}/${recorded.body.id}/actions/${signs.id}/complete`,
        {
          note: 'lại',
        },
      );
      expect(twice.status).toBe(409);
      const future = await as(officer('40')).post(
        `${INSPECTIONS}/${recorded.body.id}/actions/${plant.id}/complete`,
        {
          note: 'x',
          completedOn: '2026-04-03',
        },
      );
      expect([future.status, future.body.code]).toEqual([422, 'cluster-inspection.completion-date']);
      expect((await as(officer('42')).get(`${INSPECTIONS}/${recorded.body.id}`)).status).toBe(404);
      expect(
        (
          await as(officer('42')).post(`${INSPECTIONS}/${recorded.body.id}/actions/${plant.id}/complete`, {
            note: 'x',
          })
        ).status,
      ).toBe(404);
      const list = await as(officer('40')).get<Page<InspectionView>>(`${INSPECTIONS}?clusterId=${clusterId}`);
      expect(list.body.items.map((i) => i.id)).toEqual([recorded.body.id]);
    });

    it('refuses an action due before the inspection or pointing at a missing finding, naming the field', async () => {
      at('2026-03-10T03:00:00Z');
      const body = {
        clusterId,
        inspectedOn: '2026-03-09',
        authority: 'Cục Công Thương địa phương',
        findings: [{ description: 'Chưa có quy hoạch chi tiết được duyệt', severity: 'critical' }],
        actions: [{ description: 'Trình duyệt quy hoạch chi tiết', dueOn: '2026-03-01' }],
      };
      const early = await as(central).post(INSPECTIONS, body);
      expect([early.status, early.body.errors?.[0]?.field]).toEqual([422, 'actions.0.dueOn']);
      const missing = await as(central).post(INSPECTIONS, {
        ...body,
        actions: [{ description: 'x', dueOn: '2026-04-01', finding: 2 }],
      });
      expect([missing.status, missing.body.code]).toEqual([422, 'cluster-inspection.unknown-finding']);
      const inFuture = await as(central).post(INSPECTIONS, {
        ...body,
        inspectedOn: '2026-03-11',
        actions: [],
      });
      expect([inFuture.status, inFuture.body.code]).toEqual([422, 'cluster-inspection.in-future']);
      expect((await as(officer('42')).post(INSPECTIONS, { ...body, actions: [] })).status).toBe(404);
    });
  });
});
