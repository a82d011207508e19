import type { AwardEntryView, AwardRoundView, Page } from '@kc/contracts';
import { business, central, officer } from '@kc/testing';
import { communeRound, entryBody, juror, openSchedule, thisYear } from './support/award-givens';
import { useAwardsContext } from './support/awards-context';

const ROUNDS = '/api/v1/award-rounds';

/** Entering products, the shortlists above the commune level, and what requests are refused, against the real service. */
describe('award entries', () => {
  const { as, db, enter, seatCouncil, move, publishedCommuneRound } =
    useAwardsContext('kc_it_awards_entries');
  const open = async (body: object, by = officer('40')) => {
    const reply = await as(by).post<AwardRoundView>(ROUNDS, body);
    expect([reply.status, reply.status === 201 ? undefined : reply.body]).toEqual([201, undefined]);
    return reply.body;
  };
  const count = async (roundId: string) =>
    (
      await db.rows<{ n: number }>(`SELECT count(*)::int AS n FROM award_entry WHERE round_id = $1`, [
        roundId,
      ])
    )[0].n;

  describe('at the commune level', () => {
    let round: AwardRoundView;
    beforeAll(async () => {
      round = await open(communeRound());
    });

    it('takes an entry from the facility itself, with its dossier and an event that names no facility', async () => {
      const body = entryBody('2900000101', {
        product: { kind: 'product-set', name: 'Bộ ấm chén gốm', items: ['Ấm', 'Chén', 'Khay'] },
      });
      const entry = await enter(round.id, body, business('2900000101'));
      expect(entry).toMatchObject({
        code: 'E-0001',
        facility: { taxCode: '2900000101', provinceCode: '40', localUnitCode: '17332' },
        productGroupLabel: 'Thủ công mỹ nghệ',
        product: { kind: 'product-set', name: 'Bộ ấm chén gốm', items: ['Ấm', 'Chén', 'Khay'] },
        lowerCertificateNumber: null,
        dossier: body.dossier,
        submittedBy: 'dn.2900000101',
      });
      const [event] = await db.rows<{ envelope: { payload: object; provinceCode: string } }>(
        `SELECT envelope FROM outbox WHERE type = 'awards.entry.submitted' AND message_key = $1`,
        [entry.id],
      );
      expect(event.envelope.provinceCode).toBe('40');
      expect(JSON.stringify(event.envelope.payload)).not.toContain('mây tre');
      // The facility sees its own entries; its province all of the province's; another facility none.
      const listed = async (who: Parameters<typeof as>[0]) =>
        (await as(who).get<Page<AwardEntryView>>(`${ROUNDS}/${round.id}/entries`)).body.items.map(
          (e) => e.code,
        );
      await enter(round.id, entryBody('2900000102'));
      expect(await listed(business('2900000101'))).toEqual(['E-0001']);
      expect(await listed(business('2900000999'))).toEqual([]);
      expect(await listed(officer('40'))).toEqual(['E-0001', 'E-0002']);
      expect(await listed(central)).toEqual(['E-0001', 'E-0002']);
      expect((await as(officer('01')).get(`${ROUNDS}/${round.id}/entries`)).status).toBe(404);
      expect((await as(juror(1)).get(`${ROUNDS}/${round.id}/entries`)).status).toBe(403);
    });

    it('refuses an entrant who is not the facility, its province or the agency, and a facility outside the commune', async () => {
      const before = await count(round.id);
      const otherFacility = await as(business('2900000999')).post(
        `${ROUNDS}/${round.id}/entries`,
        entryBody('2900000103'),
      );
      expect([otherFacility.status, otherFacility.body.code]).toEqual([403, 'award-entry.not-entrant']);
      const otherProvince = await as(officer('01')).post(
        `${ROUNDS}/${round.id}/entries`,
        entryBody('2900000103'),
      );
      expect([otherProvince.status, otherProvince.body.code]).toEqual([404, 'award-round.not-found']);
      const body = entryBody('2900000103');
      const outside = await as(officer('40')).post(`${ROUNDS}/${round.id}/entries`, {
        ...body,
        facility: { ...body.facility, localUnitCode: '17335' },
      });
      expect([outside.status, outside.body.code, outside.body.errors?.[0]?.field]).toEqual([
        422,
        'award-entry.outside-round-area',
        'facility.localUnitCode',
      ]);
      const lower = await as(officer('40')).post(`${ROUNDS}/${round.id}/entries`, {
        ...body,
        lowerCertificateNumber: 'T-40-2024-0001',
      });
      expect([lower.status, lower.body.code]).toEqual([422, 'award-entry.lower-certificate-at-entry-level']);
      expect(await count(round.id)).toBe(before);
    });

    it('refuses a malformed entry or dossier with 400 naming each field', async () => {
      const before = await count(round.id);
      const body = entryBody('2900000104');
      const cases: [object, [string, string][]][] = [
        [{ ...body, productGroup: 'furniture' }, [['body.productGroup', 'invalid_value']]],
        [
          { ...body, facility: { ...body.facility, taxCode: '29-01' } },
          [['body.facility.taxCode', 'invalid_format']],
        ],
        [{ ...body, product: { kind: 'product-set', name: 'Bộ' } }, [['body.product.items', 'invalid_type']]],
        [{ ...body, dossier: [] }, [['body.dossier', 'too_small']]],
        [{ ...body, price: 5 }, [['body.price', 'unrecognized_keys']]],
        [
          {
            ...body,
            dossier: [
              { ...body.dossier[0], mediaType: 'application/zip' },
              { ...body.dossier[1], sizeBytes: 30 * 1024 * 1024 },
              { ...body.dossier[2], sha256: 'abc' },
            ],
          },
          [
            ['body.dossier.0.mediaType', 'dossier.media-type'],
            ['body.dossier.1.sizeBytes', 'dossier.file-too-large'],
            ['body.dossier.2.sha256', 'dossier.checksum'],
          ],
        ],
        [
          { ...body, dossier: body.dossier.filter((f) => f.kind !== 'photo') },
          [['body.dossier', 'dossier.missing']],
        ],
      ];
      for (const [request, fields] of cases) {
        const reply = await as(officer('40')).post(`${ROUNDS}/${round.id}/entries`, request);
        expect({
          status: reply.status,
          type: reply.headers.get('content-type')?.split(';')[0],
          fields: reply.body.errors?.map((e) => [e.field, e.rule]),
        }).toEqual({ status: 400, type: 'application/problem+json', fields });
      }
      expect(await count(round.id)).toBe(before);
    });

    it('refuses a malformed round or council with 400 naming the field', async () => {
      const cases: [string, 'post' | 'put', object, [string, string][]][] = [
        [
          ROUNDS,
          'post',
          communeRound({ localUnitCode: undefined }),
          [['body.localUnitCode', 'required-for-level']],
        ],
        [ROUNDS, 'post', communeRound({ localUnitCode: '1733' }), [['body.localUnitCode', 'invalid_format']]],
        [
          ROUNDS,
          'post',
          communeRound({ schedule: { entriesOpenOn: '2026-02-30', entriesCloseOn: '2026-03-01' } }),
          [
            ['body.schedule.entriesOpenOn', 'invalid_format'],
            ['body.schedule.scoringClosesOn', 'invalid_type'],
          ],
        ],
        [
          ROUNDS,
          'post',
          communeRound({ quotaPerProvinceAndGroup: 0 }),
          [['body.quotaPerProvinceAndGroup', 'too_small']],
        ],
        [
          `${ROUNDS}/${round.id}/council`,
          'put',
          { members: [{ userId: 'u-1' }], jurorIds: ['u-1'] },
          [
            ['body.members.0.displayName', 'invalid_type'],
            ['body.secretary', 'invalid_type'],
          ],
        ],
      ];
      for (const [path, method, request, fields] of cases) {
        const reply = await as(officer('40'))[method](path, request);
        expect([path, reply.status, reply.body.errors?.map((e) => [e.field, e.rule])]).toEqual([
          path,
          400,
          fields,
        ]);
      }
      // Well-formed but against the rules: 422 naming the field.
      const order = await as(officer('40')).post(
        ROUNDS,
        communeRound({
          localUnitCode: '17339',
          schedule: { ...openSchedule(), scoringClosesOn: openSchedule().entriesCloseOn },
        }),
      );
      expect([order.status, order.body.code, order.body.errors?.[0]?.field]).toEqual([
        422,
        'award-round.schedule-order',
        'schedule.scoringClosesOn',
      ]);
      const council = await as(officer('40')).put(`${ROUNDS}/${round.id}/council`, {
        members: ['a', 'b', 'c', 'd'].map((id) => ({ userId: id, displayName: id })),
        secretary: { userId: 'u-sct-40', displayName: 'Thư ký' },
        jurorIds: ['a', 'b', 'c'],
      });
      expect([council.status, council.body.code, council.body.errors?.[0]?.field]).toEqual([
        422,
        'award-council.size-out-of-range',
        'members',
      ]);
      const evenJury = await as(officer('40')).put(`${ROUNDS}/${round.id}/council`, {
        members: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ userId: id, displayName: id })),
        secretary: { userId: 'u-sct-40', displayName: 'Thư ký' },
        jurorIds: ['a', 'b', 'c', 'd'],
      });
      expect([evenJury.status, evenJury.body.code]).toEqual([422, 'award-jury.even-size']);
    });

    it('holds the quota per province and group when parallel requests race for the last places', async () => {
      const limited = await open(communeRound({ localUnitCode: '17336', quotaPerProvinceAndGroup: 2 }));
      const inCommune = (taxCode: string, group = 'agro-food') => {
        const body = entryBody(taxCode, { productGroup: group });
        return { ...body, facility: { ...body.facility, localUnitCode: '17336' } };
      };
      const race = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          as(officer('40')).post(
            `${ROUNDS}/${limited.id}/entries`,
            inCommune(`29000002${String(i).padStart(2, '0')}`),
          ),
        ),
      );
      expect(race.filter((r) => r.status === 201)).toHaveLength(2);
      for (const lost of race.filter((r) => r.status !== 201)) {
        expect([lost.status, lost.body.code, lost.body.errors?.[0]?.field]).toEqual([
          422,
          'award-entry.quota-reached',
          'productGroup',
        ]);
      }
      expect(await count(limited.id)).toBe(2);
      // Another group has its own places; the codes stay a gapless sequence.
      const other = await enter(limited.id, inCommune('2900000299', 'machinery'));
      expect(other.code).toBe('E-0003');
      // The database holds the quota too, whatever writes the row.
      await expect(
        db.rows(
          `INSERT INTO award_entry (id, round_id, code, facility_name, facility_tax_code, province_code, product_group,
             product_kind, product_name, submitted_on, submitted_by)
           VALUES (gen_random_uuid(), $1, 'E-9999', 'Cơ sở', '2900000298', '40', 'agro-food', 'product', 'Mắm',
             current_date, 'test')`,
          [limited.id],
        ),
      ).rejects.toThrow(/quota/);
    });

    it('takes entries only while open and scheduled', async () => {
      const unscheduled = await open(communeRound({ localUnitCode: '17337', schedule: undefined }));
      const body = entryBody('2900000301');
      const noSchedule = await as(officer('40')).post(`${ROUNDS}/${unscheduled.id}/entries`, {
        ...body,
        facility: { ...body.facility, localUnitCode: '17337' },
      });
      expect([noSchedule.status, noSchedule.body.code]).toEqual([422, 'award-round.no-schedule']);
      const noCouncil = await as(officer('40')).post(`${ROUNDS}/${round.id}/start-scoring`);
      expect([noCouncil.status, noCouncil.body.code]).toEqual([422, 'award-round.no-jury']);
      await seatCouncil(round.id);
      await move(round.id, 'start-scoring');
      const closed = await as(officer('40')).post(`${ROUNDS}/${round.id}/entries`, entryBody('2900000302'));
      expect([closed.status, closed.body.code]).toEqual([409, 'award-round.not-entries-open']);
      const council = await as(officer('40')).put(`${ROUNDS}/${round.id}/council`, {
        members: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ userId: id, displayName: id })),
        secretary: { userId: 'u-sct-40', displayName: 'Thư ký' },
        jurorIds: ['a', 'b', 'c'],
      });
      expect([council.status, council.body.code]).toEqual([409, 'award-round.not-entries-open']);
    });
  });

  describe('above the commune level', () => {
    let certificates: string[];
    let provincial: AwardRoundView;

    beforeAll(async () => {
      // Certificates issued by a commune round of this year, through publication.
      const { published } = await publishedCommuneRound(
        { '2900000401': [75, 75, 75], '2900000402': [72, 72, 72], '2900000403': [71, 71, 71] },
        { localUnitCode: '17338' },
      );
      certificates = published.certificates.map((c) => c.number).sort();
      expect(certificates).toHaveLength(3);
      provincial = await open({
        name: `Bình chọn sản phẩm CNNT tiêu biểu tỉnh Nghệ An năm ${thisYear()}`,
        year: thisYear(),
        level: 'provincial',
        provinceCode: '40',
        schedule: openSchedule(),
      });
    });

    // Certificates are numbered in the order of the entry codes, i.e. of these tax codes.
    const holders = ['2900000401', '2900000402', '2900000403'];
    const holderOf = (number: string) => holders[Number(number.slice(-4)) - 1];
    const provincialEntry = (
      number: string | undefined,
      taxCode = number ? holderOf(number) : '2900000401',
    ) => {
      const body = entryBody(taxCode);
      return { ...body, facility: { ...body.facility, localUnitCode: null }, lowerCertificateNumber: number };
    };

    it('takes a shortlisted lower certificate once, when parallel requests race with it', async () => {
      const shortlist = await as(officer('40')).put(`${ROUNDS}/${provincial.id}/shortlist/40`, {
        certificateNumbers: certificates.slice(0, 2),
      });
      expect([shortlist.status, shortlist.body]).toEqual([
        200,
        { roundId: provincial.id, provinceCode: '40', certificateNumbers: certificates.slice(0, 2) },
      ]);
      const race = await Promise.all(
        Array.from({ length: 5 }, () =>
          as(officer('40')).post(`${ROUNDS}/${provincial.id}/entries`, provincialEntry(certificates[0])),
        ),
      );
      expect(race.filter((r) => r.status === 201)).toHaveLength(1);
      for (const lost of race.filter((r) => r.status !== 201)) {
        expect([lost.status, lost.body.code, lost.body.errors?.[0]?.field]).toEqual([
          409,
          'award-entry.certificate-already-entered',
          'lowerCertificateNumber',
        ]);
      }
      expect(await count(provincial.id)).toBe(1);
      // The database holds it too: one row per certificate and round.
      await expect(
        db.rows(
          `INSERT INTO award_entry (id, round_id, code, facility_name, facility_tax_code, province_code, product_group,
             product_kind, product_name, lower_certificate_number, submitted_on, submitted_by)
           VALUES (gen_random_uuid(), $1, 'E-9999', 'Cơ sở', '2900000401', '40', 'other', 'product', 'Mắm', $2,
             current_date, 'test')`,
          [provincial.id, certificates[0]],
        ),
      ).rejects.toThrow(/award_entry_round_id_lower_certificate_number_key/);
    });

    it('refuses an entry without a lower certificate, with one not shortlisted, unknown or of another holder', async () => {
      const cases: [object, string][] = [
        [provincialEntry(undefined), 'award-entry.lower-certificate-required'],
        [provincialEntry(certificates[2]), 'award-entry.not-shortlisted'],
        [provincialEntry(`X-40-17338-${thisYear()}-0099`), 'award-entry.lower-certificate-unknown'],
        [provincialEntry(certificates[1], '2900000401'), 'award-entry.lower-certificate-other-holder'],
      ];
      for (const [body, code] of cases) {
        const reply = await as(officer('40')).post(`${ROUNDS}/${provincial.id}/entries`, body);
        expect([reply.status, reply.body.code, reply.body.errors?.[0]?.field]).toEqual([
          422,
          code,
          'lowerCertificateNumber',
        ]);
      }
      const entered = await enter(provincial.id, provincialEntry(certificates[1]));
      expect(entered.lowerCertificateNumber).toBe(certificates[1]);
    });

    it('takes a shortlist from its own province or the agency, of certificates of the level below', async () => {
      const path = `${ROUNDS}/${provincial.id}/shortlist/40`;
      const otherProvince = await as(officer('01')).put(path, { certificateNumbers: [] });
      expect(otherProvince.status).toBe(404);
      const wrongLevel = await as(central).put(path, {
        certificateNumbers: [certificates[0], 'T-40-2024-0001'],
      });
      expect([wrongLevel.status, wrongLevel.body.code, wrongLevel.body.errors?.[0]?.field]).toEqual([
        422,
        'award-shortlist.wrong-level',
        'certificateNumbers.1',
      ]);
      const elsewhere = await as(central).put(`${ROUNDS}/${provincial.id}/shortlist/40`, {
        certificateNumbers: [`X-01-00004-${thisYear()}-0001`],
      });
      expect([elsewhere.status, elsewhere.body.code]).toEqual([422, 'award-shortlist.other-province']);
      const commune = await as(central).put(`${ROUNDS}/${provincial.id}/shortlist/40`, {
        certificateNumbers: certificates,
      });
      expect([commune.status, commune.body.certificateNumbers]).toEqual([200, certificates]);
    });
  });
});
