import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  awardCertificateIssuedV1,
  awardCertificateWithdrawnV1,
  decodeEvent,
  type AwardCertificateView,
  type CertificateVerificationView,
  type EventEnvelope,
  type Page,
  type Principal,
  type RecordAwardCertificatesView,
  type RecordedCertificate,
} from '@kc/contracts';
import { client, type Refusal } from '@kc/service-testing';
import { business, central, collectSince, endOffsets, officer, testKafka } from '@kc/testing';
import { CERTIFICATE_LOOKUP, type CertificateLookup } from '../src/application/certificate-lookup';
import { useAwardsContext } from './support/awards-context';
import { holder, paperCertificate, THIS_YEAR, TODAY } from './support/certificate-givens';
import { pdfPageTexts } from './support/pdf-text';

const CERTS = '/api/v1/award-certificates';
const viewer: Principal = { kind: 'user', id: 'u-viewer', name: 'xem', role: 'viewer', scopes: [] };

/** Award certificates over HTTP against the real service, its database and the test broker. */
describe('award certificates: recording, verification, withdrawal, printing and numbering', () => {
  const context = useAwardsContext('kc_it_awards_certificates');
  const { as, db, openRound } = context;
  /** Nobody signed in: the public verification page's call. */
  const anonymous = () => client(context.service.url);
  const record = (certificates: RecordedCertificate[], by: Principal = central) =>
    as(by).post<RecordAwardCertificatesView>(`${CERTS}/records`, { certificates });
  const verify = async (number: string, query = '') =>
    anonymous()<CertificateVerificationView & Refusal>('GET', `${CERTS}/${number}/verification${query}`);
  const written = async () => {
    const [counts] = await db.rows<{ certificates: number; outbox: number }>(
      `SELECT (SELECT count(*)::int FROM award_certificate) AS certificates,
              (SELECT count(*)::int FROM outbox) AS outbox`,
    );
    return counts;
  };
  const outboxOf = async (number: string) => {
    const [row] = await db.rows<{ id: string }>(`SELECT id FROM award_certificate WHERE number = $1`, [
      number,
    ]);
    return db.rows<{ type: string; envelope: EventEnvelope<Record<string, unknown>> }>(
      `SELECT type, envelope FROM outbox WHERE message_key = $1 ORDER BY seq`,
      [row.id],
    );
  };

  describe('recording certificates issued before the platform', () => {
    it('records a provincial certificate for its province, with its event and audit entry, and verifies it as valid', async () => {
      const paper = paperCertificate({ number: `T-40-${THIS_YEAR}-0012` });
      const reply = await record([paper], officer('40'));
      expect([reply.status, reply.body]).toEqual([
        200,
        {
          recorded: 1,
          unchanged: 0,
          refused: 0,
          results: [{ number: paper.number, outcome: 'recorded', problems: [] }],
        },
      ]);

      const [issued, audit] = await outboxOf(paper.number);
      expect([issued.type, audit.type]).toEqual([awardCertificateIssuedV1.type, 'audit.record.appended']);
      expect(issued.envelope).toMatchObject({
        provinceCode: '40',
        actor: { kind: 'user', id: 'sct.40', role: 'province-officer' },
        payload: {
          number: paper.number,
          roundId: null,
          roundYear: THIS_YEAR,
          level: 'provincial',
          productGroup: 'handicraft',
          holderTaxCode: '2900123456',
          provinceCode: '40',
          issuedOn: TODAY,
          validUntil: `${THIS_YEAR + 2}-12-31`,
        },
      });
      expect(audit.envelope.payload).toMatchObject({
        action: 'award-certificate.record',
        resourceType: 'award-certificate',
        provinceCode: '40',
      });

      const check = await verify(paper.number);
      expect([check.status, check.body]).toEqual([
        200,
        {
          number: paper.number,
          level: 'provincial',
          levelLabel: 'cấp tỉnh',
          roundYear: THIS_YEAR,
          productName: paper.productName,
          holderName: 'Hợp tác xã Gốm sứ Phú Gia',
          holderProvinceCode: '40',
          issuedOn: TODAY,
          validUntil: `${THIS_YEAR + 2}-12-31`,
          status: 'valid',
          statusLabel: 'Còn hiệu lực',
          withdrawnOn: null,
          withdrawalReason: null,
        },
      ]);
      // Nothing that identifies the facility beyond its name: no tax code under any key.
      expect(JSON.stringify(check.body)).not.toContain('2900123456');

      const full = await as(officer('40')).get<AwardCertificateView>(`${CERTS}/${paper.number}`);
      expect(full.body).toMatchObject({
        number: paper.number,
        roundId: null,
        provinceCode: '40',
        holder: { taxCode: '2900123456', provinceCode: '40' },
        status: 'valid',
        verificationUrl: `http://localhost:3000/verify/${paper.number}`,
      });
    });

    it('keeps each number once: the same certificate again changes nothing, another one under it is refused', async () => {
      const paper = paperCertificate({ number: `T-40-${THIS_YEAR}-0020` });
      await record([paper]);
      const before = await written();
      const other = { ...paper, productName: 'Nón lá bài thơ' };
      const again = await record([paper, { ...other, number: `T-40-${THIS_YEAR}-0021` }]);
      expect(again.body.results.map((r) => r.outcome)).toEqual(['unchanged', 'recorded']);
      const taken = await record([{ ...other, number: paper.number }]);
      expect(taken.body).toEqual({
        recorded: 0,
        unchanged: 0,
        refused: 1,
        results: [
          {
            number: paper.number,
            outcome: 'refused',
            problems: [
              {
                field: 'certificates[0].number',
                rule: 'certificate.number-taken',
                message: expect.stringContaining(`Số ${paper.number} đã được dùng cho giấy chứng nhận khác`),
              },
            ],
          },
        ],
      });
      // The second certificate of `again` and its event and audit entry; nothing else.
      expect(await written()).toEqual({ certificates: before.certificates + 1, outbox: before.outbox + 2 });
    });

    it('checks each certificate of a batch on its own and writes the others', async () => {
      const before = await written();
      const reply = await record([
        paperCertificate({ number: `T-40-${THIS_YEAR}-0030` }),
        paperCertificate({ number: `T-40-${THIS_YEAR - 1}-0031`, issuedOn: `${THIS_YEAR - 2}-12-01` }),
        paperCertificate({ number: `T-40-${THIS_YEAR}-0032`, holder: holder({ provinceCode: '01' }) }),
        paperCertificate({ number: `QG-${THIS_YEAR + 1}-0001` }),
      ]);
      expect(reply.body.results.map((r) => [r.outcome, r.problems.map((p) => [p.field, p.rule])])).toEqual([
        ['recorded', []],
        ['refused', [['certificates[1].issuedOn', 'certificate.issued-before-round-year']]],
        ['refused', [['certificates[2].holder.provinceCode', 'certificate.holder-outside-area']]],
        ['refused', [['certificates[3].issuedOn', 'certificate.issued-before-round-year']]],
      ]);
      expect(await written()).toEqual({ certificates: before.certificates + 1, outbox: before.outbox + 2 });
    });

    it('refuses a malformed batch with 400 naming the field', async () => {
      const cases: [unknown, [string, string][]][] = [
        [{ certificates: [] }, [['body.certificates', 'too_small']]],
        [
          { certificates: [paperCertificate({ number: 'GCN-12/2024' })] },
          [['body.certificates.0.number', 'invalid_format']],
        ],
        [
          { certificates: [paperCertificate(), paperCertificate()] },
          [['body.certificates.1.number', 'no-repeats']],
        ],
        [
          { certificates: [paperCertificate({ productGroup: 'toys' as never })] },
          [['body.certificates.0.productGroup', 'invalid_value']],
        ],
        [
          {
            certificates: Array.from({ length: 501 }, (_, i) =>
              paperCertificate({ number: `T-40-2020-${String(i + 1).padStart(4, '0')}` }),
            ),
          },
          [['body.certificates', 'too_big']],
        ],
      ];
      for (const [body, fields] of cases) {
        const reply = await as(central).post(`${CERTS}/records`, body);
        expect([reply.status, reply.body.errors?.map((e) => [e.field, e.rule])]).toEqual([400, fields]);
      }
    });

    it('records hundreds at once, and parallel requests of the same batch write each certificate once', async () => {
      const batch = Array.from({ length: 300 }, (_, i) =>
        paperCertificate({
          number: `KV-B-2018-${String(i + 1).padStart(4, '0')}`,
          issuedOn: '2018-11-15',
          holder: holder({ taxCode: `01${String(i).padStart(8, '0')}`, provinceCode: '01' }),
        }),
      );
      const before = await written();
      const replies = await Promise.all([record(batch), record(batch), record(batch)]);
      expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(replies.map((r) => r.body.recorded + r.body.unchanged)).toEqual([300, 300, 300]);
      expect(replies.reduce((sum, r) => sum + r.body.recorded, 0)).toBe(300);
      expect(await written()).toEqual({
        certificates: before.certificates + 300,
        outbox: before.outbox + 600,
      });
    });
  });

  describe('verification', () => {
    it('says valid up to 31 December of the third year counted from the issue year, expired after', async () => {
      const number = 'QG-2021-0005';
      await record([
        paperCertificate({ number, issuedOn: '2021-12-10', holder: holder({ provinceCode: '01' }) }),
      ]);
      const on = async (asOf: string) => {
        const reply = await verify(number, `?asOf=${asOf}`);
        return reply.status === 200
          ? [reply.body.status, reply.body.statusLabel]
          : [reply.status, reply.body.code];
      };
      expect(await on('2021-12-10')).toEqual(['valid', 'Còn hiệu lực']);
      expect(await on('2023-12-31')).toEqual(['valid', 'Còn hiệu lực']);
      expect(await on('2024-01-01')).toEqual(['expired', 'Hết hiệu lực']);
      // Before its issue date it is not shown at all.
      expect(await on('2021-12-09')).toEqual([404, 'certificate.not-found']);
      expect((await verify(number)).body.status).toBe('expired');

      const expired = await as(central).get<Page<AwardCertificateView>>(`${CERTS}?status=expired&year=2021`);
      expect(expired.body.items.map((c) => c.number)).toEqual([number]);
      expect(
        (await as(central).get<Page<AwardCertificateView>>(`${CERTS}?status=valid&year=2021`)).body.total,
      ).toBe(0);
    });

    it('answers 404 for a number not on record and 400 for one that cannot be a number', async () => {
      const unknown = await verify('QG-2023-9999');
      expect([unknown.status, unknown.body.code, unknown.body.messages]).toEqual([
        404,
        'certificate.not-found',
        { vi: 'Không có giấy chứng nhận số QG-2023-9999', en: 'There is no certificate number QG-2023-9999' },
      ]);
      expect((await verify('ABCD-1234')).status).toBe(404);
      const malformed = await verify('qg 2023');
      expect([malformed.status, malformed.body.errors?.map((e) => e.field)]).toEqual([
        400,
        ['params.number'],
      ]);
    });
  });

  describe('withdrawal', () => {
    it('withdraws by the issuing authority: verification says withdrawn, the event is on its topic, a second time is 409', async () => {
      const number = `T-40-${THIS_YEAR}-0040`;
      await record([paperCertificate({ number })], officer('40'));
      const kafka = testKafka('awards-certificates-itest');
      const topic = awardCertificateWithdrawnV1.topic;
      const since = await endOffsets(kafka, topic);

      const reason = 'Cơ sở đã ngừng sản xuất sản phẩm được chứng nhận';
      const reply = await as(officer('40')).post<AwardCertificateView>(`${CERTS}/${number}/withdrawal`, {
        on: TODAY,
        reason,
      });
      expect([reply.status, reply.body.status, reply.body.withdrawnOn, reply.body.withdrawalReason]).toEqual([
        200,
        'withdrawn',
        TODAY,
        reason,
      ]);
      const check = await verify(number);
      expect(check.body).toMatchObject({
        status: 'withdrawn',
        statusLabel: 'Đã thu hồi',
        withdrawnOn: TODAY,
        withdrawalReason: reason,
      });
      expect(JSON.stringify(check.body)).not.toContain('2900123456');

      const [, , withdrawn, audit] = await outboxOf(number);
      expect([withdrawn.type, audit.envelope.payload.action]).toEqual([
        awardCertificateWithdrawnV1.type,
        'award-certificate.withdraw',
      ]);
      const isIt = (m: { headers?: Record<string, unknown> }) =>
        String(m.headers?.['kc-event-id']) === withdrawn.envelope.id;
      const messages = await collectSince(kafka, topic, since, (seen) => seen.some(isIt));
      const message = messages.find(isIt)!;
      expect(message.key?.toString()).toBe(withdrawn.envelope.aggregateId);
      expect(decodeEvent(message.value, topic)).toMatchObject({
        ok: true,
        envelope: {
          type: 'awards.certificate.withdrawn',
          provinceCode: '40',
          payload: { number, withdrawnOn: TODAY, reason },
        },
      });

      const before = await written();
      const twice = await as(central).post(`${CERTS}/${number}/withdrawal`, { on: TODAY, reason });
      expect([twice.status, twice.body.code]).toEqual([409, 'certificate.already-withdrawn']);
      expect(await written()).toEqual(before);
    });

    it('refuses a reason under 10 characters and a date before the issue date', async () => {
      const number = `T-40-${THIS_YEAR}-0041`;
      await record([paperCertificate({ number })]);
      const short = await as(central).post(`${CERTS}/${number}/withdrawal`, { on: TODAY, reason: 'Sai sót' });
      expect([short.status, short.body.code, short.body.errors?.[0].field]).toEqual([
        422,
        'certificate.withdrawal-reason-too-short',
        'reason',
      ]);
      const early = await as(central).post(`${CERTS}/${number}/withdrawal`, {
        on: `${THIS_YEAR - 1}-12-31`,
        reason: 'Hồ sơ dự thi kê khai không trung thực',
      });
      expect([early.status, early.body.code]).toEqual([422, 'certificate.withdrawal-before-issue']);
      expect((await verify(number)).body.status).toBe('valid');
    });
  });

  describe('who may do what', () => {
    const haNoi = `T-01-${THIS_YEAR}-0001`;
    const national = `QG-${THIS_YEAR - 1}-0900`;
    beforeAll(async () => {
      await record([
        paperCertificate({ number: haNoi, holder: holder({ provinceCode: '01', taxCode: '0100000001' }) }),
        paperCertificate({ number: national }),
      ]);
    });

    it("keeps a province officer from recording another province's or a higher level's certificates", async () => {
      const before = await written();
      const other = await record(
        [paperCertificate({ number: `T-01-${THIS_YEAR}-0002`, holder: holder({ provinceCode: '01' }) })],
        officer('40'),
      );
      expect([other.status, other.body.code, other.body.errors?.[0].field]).toEqual([
        403,
        'auth.other-province',
        'certificates[0].number',
      ]);
      // One refused certificate refuses the request: nothing of the batch is written.
      const mixed = await record(
        [
          paperCertificate({ number: `T-40-${THIS_YEAR}-0050` }),
          paperCertificate({ number: `QG-${THIS_YEAR}-0901` }),
        ],
        officer('40'),
      );
      expect([mixed.status, mixed.body.code, mixed.body.errors?.[0].field]).toEqual([
        403,
        'certificate.agency-level',
        'certificates[1].number',
      ]);
      for (const who of [business('2900123456'), viewer]) {
        expect((await record([paperCertificate({ number: `T-40-${THIS_YEAR}-0051` })], who)).status).toBe(
          403,
        );
      }
      expect(await written()).toEqual(before);
    });

    it("keeps a province officer from withdrawing another province's certificate (404) or a national one (403)", async () => {
      const before = await written();
      const body = { on: TODAY, reason: 'Cơ sở đã ngừng sản xuất sản phẩm được chứng nhận' };
      const hidden = await as(officer('40')).post(`${CERTS}/${haNoi}/withdrawal`, body);
      expect([hidden.status, hidden.body.code]).toEqual([404, 'certificate.not-found']);
      // Held by a Nghệ An facility, so the department sees it; but the agency issued it.
      expect((await as(officer('40')).get(`${CERTS}/${national}`)).status).toBe(200);
      const agency = await as(officer('40')).post(`${CERTS}/${national}/withdrawal`, body);
      expect([agency.status, agency.body.code]).toEqual([403, 'certificate.agency-level']);
      expect(await written()).toEqual(before);
    });

    it("lists and shows a province officer only their unit's facilities' certificates", async () => {
      const ngheAn = await as(officer('40')).get<Page<AwardCertificateView>>(`${CERTS}?limit=200`);
      expect(ngheAn.body.items.length).toBeGreaterThan(0);
      expect(new Set(ngheAn.body.items.map((c) => c.holder.provinceCode))).toEqual(new Set(['40']));
      expect(ngheAn.body.items.map((c) => c.number)).toContain(national);
      expect((await as(officer('40')).get(`${CERTS}/${haNoi}`)).status).toBe(404);
      const asked = await as(officer('40')).get(`${CERTS}?provinceCode=01`);
      expect([asked.status, asked.body.code]).toEqual([403, 'auth.other-province']);
      const byLevel = await as(central).get<Page<AwardCertificateView>>(
        `${CERTS}?level=national&year=${THIS_YEAR - 1}`,
      );
      expect(byLevel.body.items.map((c) => c.number)).toEqual([national]);
      expect((await as(viewer).get(CERTS)).status).toBe(403);
    });
  });

  describe('the printable certificate', () => {
    const number = `T-40-${THIS_YEAR}-0060`;
    beforeAll(async () => {
      await record([
        paperCertificate({
          number,
          productName: 'Nước mắm cá cơm truyền thống Cửa Lò',
          productGroup: 'agro-food',
        }),
      ]);
    });
    const download = async (by: Principal) => {
      const response = await as(by).fetch(`${CERTS}/${number}/certificate.pdf`);
      return { response, bytes: Buffer.from(await response.arrayBuffer()) };
    };

    it('gives the holder and staff an A4 landscape PDF with the number, product and holder, the same bytes each time', async () => {
      const { response, bytes } = await download(business('2900123456'));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe(
        `inline; filename="giay-chung-nhan-${number}.pdf"`,
      );
      const pages = await pdfPageTexts(bytes);
      expect(pages).toHaveLength(1);
      const text = pages[0].replace(/\s+/g, ' ');
      for (const printed of [
        number,
        'GIẤY CHỨNG NHẬN',
        'Nước mắm cá cơm truyền thống Cửa Lò',
        'Chế biến nông, lâm, thủy sản và thực phẩm',
        'Hợp tác xã Gốm sứ Phú Gia',
        'Tỉnh Nghệ An',
        `CẤP TỈNH NĂM ${THIS_YEAR}`,
        `Có hiệu lực đến hết ngày: 31/12/${THIS_YEAR + 2}`,
        `http://localhost:3000/verify/${number}`,
      ]) {
        expect(text).toContain(printed);
      }
      expect(text).not.toContain('2900123456');
      const again = await download(officer('40'));
      expect(again.bytes.equals(bytes)).toBe(true);
    });

    it('answers 404 to another facility and another province, 403 to roles that print nothing', async () => {
      expect((await download(business('2900123457'))).response.status).toBe(404);
      expect((await download(officer('01'))).response.status).toBe(404);
      expect((await download(viewer)).response.status).toBe(403);
    });
  });

  describe('numbering a round’s passing entries', () => {
    it('never gives a number twice when parallel transactions issue for the same round, and follows recorded numbers', async () => {
      const round = await openRound(THIS_YEAR);
      const series = `QG-${THIS_YEAR}`;
      // A paper certificate of the same series already took sequence 7: numbering goes on after it.
      const paper = await record([
        paperCertificate({ number: `${series}-0007`, holder: holder({ provinceCode: '01' }) }),
      ]);
      expect(paper.body.recorded).toBe(1);
      const lookup = context.service.app.get<CertificateLookup>(CERTIFICATE_LOOKUP);
      const dataSource = context.service.app.get(DataSource);
      const entries = (n: number) =>
        Array.from({ length: n }, (_, i) => ({
          entryId: randomUUID(),
          productGroup: 'handicraft' as const,
          productName: `Sản phẩm thủ công số ${i + 1}`,
          holder: { facilityName: 'Cơ sở mây tre đan Phú Vinh', taxCode: '0100109106', provinceCode: '01' },
        }));
      const before = await written();
      const batches = await Promise.all(
        Array.from({ length: 8 }, () =>
          dataSource.transaction((manager) =>
            lookup.issueForPassingEntries(
              manager,
              { id: round.id, year: THIS_YEAR, scope: { level: 'national' } },
              entries(5),
              TODAY,
            ),
          ),
        ),
      );
      const numbers = batches.flat().map((issued) => issued.number);
      expect(new Set(numbers).size).toBe(40);
      // Each transaction's entries in the order given, one after another.
      for (const batch of batches) {
        const sequences = batch.map((issued) => Number(issued.number.slice(-4)));
        expect(sequences).toEqual(sequences.map((_, i) => sequences[0] + i));
      }
      expect([...numbers].sort()).toEqual(
        Array.from({ length: 40 }, (_, i) => `${series}-${String(i + 8).padStart(4, '0')}`),
      );
      expect(await written()).toEqual({ certificates: before.certificates + 40, outbox: before.outbox + 40 });
      const [issued] = await outboxOf(numbers[0]);
      expect(issued.envelope.payload).toMatchObject({
        roundId: round.id,
        level: 'national',
        roundYear: THIS_YEAR,
      });
      const found = await dataSource.transaction((manager) => lookup.byNumber(manager, numbers[0]));
      expect(found).toMatchObject({
        number: numbers[0],
        validUntil: `${THIS_YEAR + 2}-12-31`,
        withdrawal: null,
      });
    });

    it('issues more certificates at once than one statement can carry (PostgreSQL: 65,535 parameters)', async () => {
      // Last year's round (this year's national round is the test's above): issued today, in its own series.
      const round = await openRound(THIS_YEAR - 1);
      const lookup = context.service.app.get<CertificateLookup>(CERTIFICATE_LOOKUP);
      const many = Array.from({ length: 3_500 }, (_, i) => ({
        entryId: randomUUID(),
        productGroup: 'agro-food' as const,
        productName: `Đặc sản vùng miền số ${i + 1}`,
        holder: { facilityName: 'Hợp tác xã chè Tân Cương', taxCode: '4600123456', provinceCode: '19' },
      }));
      const issued = await context.service.app
        .get(DataSource)
        .transaction((manager) =>
          lookup.issueForPassingEntries(
            manager,
            { id: round.id, year: THIS_YEAR - 1, scope: { level: 'regional', regionCode: 'south' } },
            many,
            TODAY,
          ),
        );
      expect(new Set(issued.map((c) => c.number)).size).toBe(3_500);
      expect(issued.at(-1)?.number).toMatch(/^KV-N-\d{4}-3500$/);
    });
  });
});
