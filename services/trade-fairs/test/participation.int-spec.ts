import ExcelJS from 'exceljs';
import type {
  BoothView,
  ContractDataView,
  DelegationCertifiedView,
  FairSubsidyPolicyView,
  ParticipantListCertificationView,
  Principal,
  RegistrationView,
} from '@kc/contracts';
import { CONTRACT_HEADERS } from '../src/infrastructure/contract-workbook';
import { vietnamDate } from '@kc/reference-data';
import { central, officer, organizer } from '@kc/testing';
import { registrationBody } from './support/fair-givens';
import { useTradeFairsContext } from './support/trade-fairs-context';

const FAIR_NAME = 'Hội chợ triển lãm hàng CNNT tiêu biểu khu vực phía Bắc 2026';

describe('certification, check-in and booth contract data', () => {
  const context = useTradeFairsContext('trade_fairs_participation');
  const { as, db } = context;
  const outboxCount = async (type: string) =>
    Number((await db.query(`SELECT count(*) AS n FROM outbox WHERE type = $1`, [type])).rows[0].n);

  /** The northern regional fair (ten booths) on the given days: its id. */
  const createFair = async (startDate: string, endDate: string) =>
    (await context.createFair({ year: Number(startDate.slice(0, 4)), startDate, endDate, boothCount: 10 }))
      .id;
  /** Booths, … at these rents. */
  const addBooths = (fair: string, rents: number[]) =>
    context.addBooths(fair, rents.length, (i) => ({ rentVnd: rents[i] }));
  /** Books booths for a pottery facility; confirmed unless told otherwise. */
  const book = (fair: string, taxCode: string, provinceCode: string, boothCount: number, confirm = true) =>
    context.book(
      fair,
      registrationBody(taxCode, provinceCode, {
        facility: { name: `Cơ sở gốm ${taxCode}`, legalForm: 'cooperative' },
        products: [{ name: 'Gốm men lam' }],
        boothCount,
      }),
      { confirm },
    );

  let fairId: string;
  /** Nghệ An (40): a, b allocated, d only held; Hà Nội (01): c allocated (certified by the agency), e allocated. */
  const reg: Record<'a' | 'b' | 'c' | 'd' | 'e', string> = { a: '', b: '', c: '', d: '', e: '' };

  beforeAll(async () => {
    fairId = await createFair('2026-12-10', '2026-12-13');
    await addBooths(fairId, [12_000_000, 12_000_000, 15_500_001, 10_000_000, 11_000_000, 9_000_000]);
    reg.a = await book(fairId, '2900000001', '40', 2);
    reg.b = await book(fairId, '2900000002', '40', 1);
    reg.c = await book(fairId, '0100000003', '01', 1);
    reg.d = await book(fairId, '2900000004', '40', 1, false); // A-005, held
    reg.e = await book(fairId, '0100000005', '01', 1);
  });

  it('gives a new fair the default policy in force on its start date, and lets the agency choose another', async () => {
    const path = `/api/v1/fairs/${fairId}/subsidy-policy`;
    const initial = await as(officer('40')).get<FairSubsidyPolicyView>(path);
    expect([
      initial.body.policy?.code,
      initial.body.policy?.supportBp,
      initial.body.policy?.verified,
    ]).toEqual(['domestic-fair-organiser', 10_000, false]);
    expect(initial.body.available.map((p) => p.code)).toEqual([
      'domestic-fair-organiser',
      'domestic-fair-participant',
      'international-fair',
    ]);
    expect((await as(officer('40')).post(path, { code: 'domestic-fair-participant' })).status).toBe(403);
    const unknown = await as(central).post(path, { code: 'no-such-policy' });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'subsidy.policy-not-in-force']);
    const chosen = await as(central).post<FairSubsidyPolicyView>(path, {
      code: 'domestic-fair-participant',
    });
    expect([chosen.status, chosen.body.policy?.code, chosen.body.policy?.supportBp]).toEqual([
      200,
      'domestic-fair-participant',
      8_000,
    ]);
    expect(chosen.body.policy?.legalBasis).toContain('Thông tư 28/2018/TT-BTC');
  });

  it("lets the facility's province certify an allocation once, fixing rent and support", async () => {
    const path = (id: string) => `/api/v1/fairs/${fairId}/registrations/${id}/certify`;
    const otherProvince = await as(officer('01')).post(path(reg.a));
    expect([otherProvince.status, otherProvince.body.code]).toEqual([404, 'registration.not-found']);
    const business: Principal = {
      ...officer('40'),
      id: 'u-dn',
      role: 'business',
      facilityTaxCode: '2900000001',
    };
    expect((await as(business).post(path(reg.a))).status).toBe(403);
    const held = await as(officer('40')).post(path(reg.d));
    expect([held.status, held.body.code]).toEqual([409, 'registration.not-allocated']);

    const first = await as(officer('40')).post<RegistrationView>(path(reg.a));
    expect([first.status, first.body.certification?.rentVnd, first.body.certification?.supportVnd]).toEqual([
      200, 24_000_000, 19_200_000,
    ]);
    const again = await as(officer('40')).post<RegistrationView>(path(reg.a));
    expect([again.status, again.body]).toEqual([200, first.body]);
    const events = await db.query(
      `SELECT envelope FROM outbox WHERE type = 'trade-fairs.registration.certified'`,
    );
    expect(events.rows.map((r) => r.envelope.payload)).toEqual([
      {
        fairId,
        registrationId: reg.a,
        facilityTaxCode: '2900000001',
        provinceCode: '40',
        boothCodes: ['A-001', 'A-002'],
        rentVnd: 24_000_000,
        supportVnd: 19_200_000,
      },
    ]);
    const audits = await db.query(
      `SELECT 1 FROM outbox WHERE type = 'audit.record.appended'
        AND envelope -> 'payload' ->> 'action' = 'fair-registration.certify'`,
    );
    expect(audits.rowCount).toBe(1);

    const byAgency = await as(central).post<RegistrationView>(path(reg.c));
    expect(byAgency.body.certification?.supportVnd).toBe(8_000_000);
  });

  it("certifies a province's remaining delegation at once, and again certifies nothing new", async () => {
    const path = `/api/v1/fairs/${fairId}/certifications`;
    const refused = await as(officer('01')).post(path, { provinceCode: '40' });
    expect([refused.status, refused.body.code]).toEqual([403, 'auth.other-province']);
    const before = await outboxCount('trade-fairs.registration.certified');

    const batch = await as(officer('40')).post<DelegationCertifiedView>(path, { provinceCode: '40' });
    expect([batch.status, batch.body.newlyCertified]).toEqual([200, 1]);
    expect(batch.body.items.map((r) => [r.id, r.certification?.supportVnd])).toEqual([
      [reg.a, 19_200_000],
      [reg.b, 12_400_000], // 80% of 15,500,001 is 12,400,000.8: rounded down
    ]);
    const again = await as(officer('40')).post<DelegationCertifiedView>(path, { provinceCode: '40' });
    expect([again.body.newlyCertified, again.body.items]).toEqual([0, batch.body.items]);
    expect(await outboxCount('trade-fairs.registration.certified')).toBe(before + 1);
    expect((await db.query(`SELECT state FROM fair_registration WHERE id = $1`, [reg.d])).rows).toEqual([
      { state: 'held' },
    ]);
  });

  it('keeps the subsidy policy once registrations are certified under it', async () => {
    const reply = await as(central).post(`/api/v1/fairs/${fairId}/subsidy-policy`, {
      code: 'domestic-fair-organiser',
    });
    expect([reply.status, reply.body.code]).toEqual([409, 'subsidy.certifications-exist']);
  });

  it('gives the contract data per facility with totals, limited to the province of an officer', async () => {
    const all = await as(central).get<ContractDataView>(`/api/v1/fairs/${fairId}/contract-data`);
    expect(all.status).toBe(200);
    expect(
      all.body.lines.map((l) => [
        l.facilityTaxCode,
        l.booths.map((b) => b.code),
        l.rentVnd,
        l.supportVnd,
        l.certified,
      ]),
    ).toEqual([
      ['0100000003', ['A-004'], 10_000_000, 8_000_000, true],
      ['0100000005', ['A-006'], 9_000_000, 0, false],
      ['2900000001', ['A-001', 'A-002'], 24_000_000, 19_200_000, true],
      ['2900000002', ['A-003'], 15_500_001, 12_400_000, true],
    ]);
    expect(all.body.lines[0].booths[0]).toEqual({ code: 'A-004', hall: 'Nhà A', zone: 'Thủ công mỹ nghệ' });
    expect(all.body.totals).toEqual({
      facilities: 4,
      booths: 5,
      rentVnd: 58_500_001,
      supportVnd: 39_600_000,
      certified: 3,
    });

    const own = await as(officer('40')).get<ContractDataView>(`/api/v1/fairs/${fairId}/contract-data`);
    expect([own.body.provinceCode, own.body.totals]).toEqual([
      '40',
      { facilities: 2, booths: 3, rentVnd: 39_500_001, supportVnd: 31_600_000, certified: 2 },
    ]);
    const other = await as(officer('40')).get(`/api/v1/fairs/${fairId}/contract-data?provinceCode=01`);
    expect([other.status, other.body.code]).toEqual([403, 'auth.other-province']);
    const viewer: Principal = { kind: 'user', id: 'u-viewer', name: 'xem', role: 'viewer', scopes: [] };
    expect((await as(viewer).get(`/api/v1/fairs/${fairId}/contract-data`)).status).toBe(403);
  });

  it('exports the contract data as an .xlsx with Vietnamese headers, whole-VND cells and the totals', async () => {
    const res = await as(central).fetch(`/api/v1/fairs/${fairId}/contract-data.xlsx`);
    expect([res.status, res.headers.get('content-type')]).toEqual([
      200,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    // exceljs reads an ArrayBuffer; its typing names a global Buffer that no longer matches Node's.
    await workbook.xlsx.load(
      (await res.arrayBuffer()) as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell('A1').value).toBe(`${FAIR_NAME} (từ 10/12/2026 đến 13/12/2026)`);
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([...CONTRACT_HEADERS]);
    const hanoi = sheet.getRow(4);
    expect((hanoi.values as unknown[]).slice(1)).toEqual([
      1,
      '0100000003',
      'Cơ sở gốm 0100000003',
      'Hà Nội',
      'A-004',
      'Nhà A - Thủ công mỹ nghệ',
      1,
      10_000_000,
      8_000_000,
      'Có',
    ]);
    expect(hanoi.getCell(8).numFmt).toBe('#,##0');
    const total = sheet.getRow(8);
    expect([
      total.getCell(1).value,
      total.getCell(7).value,
      total.getCell(8).value,
      total.getCell(9).value,
    ]).toEqual(['Tổng cộng', 5, 58_500_001, 39_600_000]);
    expect(total.getCell(9).numFmt).toBe('#,##0');
    expect(sheet.getRow(9).getCell(1).value).toBe(
      'Danh sách tham gia chưa được Sở Công Thương nơi đăng cai xác nhận',
    );
    expect(sheet.rowCount).toBe(9);
  });

  describe('check-in', () => {
    let today: string;
    let liveFair: string;
    let allocated: string;
    let held: string;

    beforeAll(async () => {
      today = vietnamDate(new Date());
      liveFair = await createFair(today, today);
      await addBooths(liveFair, [12_000_000, 12_000_000]);
      allocated = await book(liveFair, '3800000001', '38', 1);
      held = await book(liveFair, '3800000002', '38', 1, false);
    });

    const path = (fair: string, id: string) => `/api/v1/fairs/${fair}/registrations/${id}/check-in`;

    it("lets the fair's own organiser check an allocation in on the fair's day, once", async () => {
      const stranger = await as(organizer([fairId])).post(path(liveFair, allocated));
      expect([stranger.status, stranger.body.code]).toEqual([403, 'fair.not-organizer']);
      expect((await as(officer('38')).post(path(liveFair, allocated))).status).toBe(403);

      const first = await as(organizer([liveFair])).post<RegistrationView>(path(liveFair, allocated));
      expect([first.status, first.body.state, typeof first.body.checkedInAt]).toEqual([
        200,
        'allocated',
        'string',
      ]);
      const again = await as(organizer([liveFair])).post<RegistrationView>(path(liveFair, allocated));
      expect(again.body).toEqual(first.body);
      const events = await db.query(
        `SELECT envelope FROM outbox WHERE type = 'trade-fairs.registration.checked-in'`,
      );
      expect(events.rows.map((r) => r.envelope.payload)).toEqual([
        {
          fairId: liveFair,
          registrationId: allocated,
          facilityTaxCode: '3800000001',
          provinceCode: '38',
          boothCodes: ['A-001'],
          checkedInAt: first.body.checkedInAt,
        },
      ]);

      const booths = await as(organizer([liveFair])).get<BoothView[]>(`/api/v1/fairs/${liveFair}/booths`);
      expect(booths.body.map((b) => [b.code, b.state])).toEqual([
        ['A-001', 'checked-in'],
        ['A-002', 'held'],
      ]);
    });

    it('refuses a registration that is not allocated, and any day the fair is not on', async () => {
      const notAllocated = await as(central).post(path(liveFair, held));
      expect([notAllocated.status, notAllocated.body.code]).toEqual([409, 'registration.not-allocated']);
      const early = await as(central).post(path(fairId, reg.a));
      expect([early.status, early.body.code]).toEqual([409, 'check-in.outside-fair-dates']);
      expect(
        (await db.query(`SELECT checked_in_at FROM fair_registration WHERE id = $1`, [reg.a])).rows,
      ).toEqual([{ checked_in_at: null }]);
    });
  });

  describe('the participant list, certified by the host province', () => {
    const path = () => `/api/v1/fairs/${fairId}/participant-list/certification`;

    it('is certified by the host department once every delegation has certified its own, then closes', async () => {
      const guest = await as(officer('40')).post(path(), { documentNumber: '77/XN-SCT' });
      expect([guest.status, guest.body.code]).toEqual([403, 'fair.not-host']);
      const early = await as(officer('01')).post(path(), { documentNumber: '125/XN-SCT' });
      expect([early.status, early.body.code]).toEqual([409, 'fair.delegations-not-certified']);
      expect(early.body.detail).toContain('01');
      expect(
        (await as(officer('01')).post(`/api/v1/fairs/${fairId}/certifications`, { provinceCode: '01' }))
          .status,
      ).toBe(200);

      const list = await as(officer('01')).post<ParticipantListCertificationView>(path(), {
        documentNumber: '125/XN-SCT',
      });
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({
        fairId,
        hostProvinceCode: '01',
        documentNumber: '125/XN-SCT',
        provinceCodes: ['01', '40'],
        facilities: 4,
        booths: 5,
        rentVnd: 58_500_001,
        supportVnd: 39_600_000 + 7_200_000,
      });
      const again = await as(officer('01')).post(path(), { documentNumber: '125/XN-SCT' });
      expect([again.status, again.body]).toEqual([200, list.body]);
      const other = await as(central).post(path(), { documentNumber: '126/XN-SCT' });
      expect([other.status, other.body.code]).toEqual([409, 'fair.participant-list-certified']);
      expect(await outboxCount('trade-fairs.participant-list.certified')).toBe(1);
      const data = await as(central).get<ContractDataView>(`/api/v1/fairs/${fairId}/contract-data`);
      expect(data.body.participantList).toEqual(list.body);
    });

    it('refuses to cancel an allocation on the certified list, in the service and in the database', async () => {
      const cancel = await as(central).post(`/api/v1/fairs/${fairId}/registrations/${reg.a}/cancel`, {
        reason: 'Rút lui sau hội chợ',
      });
      expect([cancel.status, cancel.body.code]).toEqual([409, 'fair.participant-list-certified']);
      await expect(
        db.query(`UPDATE fair_registration SET certified_at = NULL WHERE id = $1`, [reg.a]),
      ).rejects.toThrow(/participant list of fair .* is certified/);
      expect(
        (
          await db.query(`SELECT state, certified_at IS NOT NULL AS c FROM fair_registration WHERE id = $1`, [
            reg.a,
          ])
        ).rows,
      ).toEqual([{ state: 'allocated', c: true }]);
    });
  });
});
