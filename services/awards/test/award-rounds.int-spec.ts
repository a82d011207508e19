import {
  awardRoundOpenedV1,
  decodeEvent,
  type AwardRoundView,
  type EventEnvelope,
  type Page,
  type Principal,
} from '@kc/contracts';
import { business, central, collectSince, endOffsets, officer, testKafka } from '@kc/testing';
import { juror } from './support/award-givens';
import { roundBody, useAwardsContext } from './support/awards-context';

const ROUNDS = '/api/v1/award-rounds';
const viewer: Principal = { kind: 'user', id: 'u-viewer', name: 'xem', role: 'viewer', scopes: [] };
/** An integrating system of the agency, with the scopes its registration grants. */
const system = (scopes: string[]): Principal => ({
  kind: 'client',
  id: `c-he-thong-${scopes.join('-')}`,
  name: 'Hệ thống thi đua khen thưởng',
  role: 'central-officer',
  scopes,
});

/** Award rounds over HTTP against the real service, its database and the test broker. */
describe('award rounds: opening, reading, and who may do which', () => {
  const { as, db, openRound, seatCouncil } = useAwardsContext('kc_it_awards_rounds');
  const written = async () => {
    const [counts] = await db.rows<{ rounds: number; outbox: number }>(
      `SELECT (SELECT count(*)::int FROM award_round) AS rounds, (SELECT count(*)::int FROM outbox) AS outbox`,
    );
    return counts;
  };
  const outboxOf = (roundId: string) =>
    db.rows<{ type: string; envelope: EventEnvelope }>(
      `SELECT type, envelope FROM outbox WHERE message_key = $1 ORDER BY seq`,
      [roundId],
    );

  describe('opening a round', () => {
    it('opens a national round for the agency, with its event and its audit record in the same commit', async () => {
      // Typed in decomposed form (NFD): kept in the one spelling searches and comparisons see (NFC).
      const name = 'Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp quốc gia năm 2027';
      const round = await openRound(2027, { name: name.normalize('NFD'), closesOn: '2027-08-31' });
      expect(round).toEqual({
        id: expect.any(String),
        name,
        year: 2027,
        level: 'national',
        levelLabel: 'cấp quốc gia',
        provinceCode: null,
        regionCode: null,
        localUnitCode: null,
        closesOn: '2027-08-31',
        // Opened without a schedule (as before schedules existed): it takes no entries until it has one.
        state: 'entries-open',
        stateLabel: 'Đang nhận hồ sơ dự thi',
        schedule: null,
        deadlines: [],
        criteria: expect.any(Array),
        quotaPerProvinceAndGroup: null,
        resultSha256: null,
        warnings: [],
        historic: false,
        createdAt: expect.any(String),
      });
      expect(round.criteria.map((c) => [c.id, c.maxTenths, c.subCriteria])).toEqual([
        ['market', 400, []],
        ['economic-technical-social-environmental', 400, []],
        ['cultural-aesthetic', 100, []],
        ['other', 100, []],
      ]);
      expect((await as(central).get<AwardRoundView>(`${ROUNDS}/${round.id}`)).body).toEqual(round);

      const [opened, audit] = await outboxOf(round.id);
      expect([opened.type, audit.type]).toEqual([awardRoundOpenedV1.type, 'audit.record.appended']);
      expect(opened.envelope).toMatchObject({
        version: 1,
        producer: 'awards',
        aggregateId: round.id,
        provinceCode: null,
        actor: { kind: 'user', id: central.name, role: 'central-officer' },
        // The closing date is the round's own business, not part of the fact others hear.
        payload: {
          roundId: round.id,
          name,
          year: 2027,
          level: 'national',
          provinceCode: null,
          regionCode: null,
        },
      });
      expect(Object.keys(opened.envelope.payload as object)).not.toContain('closesOn');
      expect(audit.envelope.payload).toMatchObject({
        action: 'award-round.open',
        resourceType: 'award-round',
        resourceId: round.id,
        provinceCode: null,
        summary: `Mở đợt bình chọn "${name}" (cấp quốc gia, năm 2027)`,
      });
    });

    it('publishes the event on its topic, where it reads back against the catalog', async () => {
      const kafka = testKafka('awards-itest');
      const topic = awardRoundOpenedV1.topic;
      const since = await endOffsets(kafka, topic);
      const round = await openRound(2025, { level: 'regional', regionCode: 'central' });
      const [opened] = await outboxOf(round.id);
      const messages = await collectSince(kafka, topic, since, (seen) =>
        seen.some((m) => m.headers?.['kc-event-id']?.toString() === opened.envelope.id),
      );
      const message = messages.find((m) => m.headers?.['kc-event-id']?.toString() === opened.envelope.id)!;
      expect(message.key?.toString()).toBe(round.id);
      const decoded = decodeEvent(message.value, topic);
      expect(decoded).toMatchObject({
        ok: true,
        envelope: {
          type: 'awards.round.opened',
          payload: { roundId: round.id, year: 2025, level: 'regional', regionCode: 'central' },
        },
      });
    });

    it("lets a province officer open their own province's round, and warns of a round off the usual rhythm", async () => {
      const ngheAn = await openRound(2026, { level: 'provincial', provinceCode: '40' }, officer('40'));
      expect(ngheAn).toMatchObject({
        level: 'provincial',
        provinceCode: '40',
        regionCode: null,
        warnings: [],
      });
      const [opened] = await outboxOf(ngheAn.id);
      expect(opened.envelope).toMatchObject({ provinceCode: '40', payload: { provinceCode: '40' } });

      // Custom, not law: regional rounds in even years, national ones in odd years.
      expect((await openRound(2026)).warnings).toEqual([
        'National rounds normally run in odd years; 2026 is even.',
      ]);
      expect((await openRound(2027, { level: 'regional', regionCode: 'north' })).warnings).toEqual([
        'Regional rounds normally run in even years; 2027 is odd.',
      ]);
    });

    it('takes a provincial round only for a unit of its year: the old units for past years, today’s after the merger', async () => {
      // Hải Dương (30) went into Hải Phòng (31) on 2025-07-01: it had rounds up to 2025, none after.
      expect((await openRound(2024, { level: 'provincial', provinceCode: '30' })).provinceCode).toBe('30');
      expect((await openRound(2025, { level: 'provincial', provinceCode: '30' })).provinceCode).toBe('30');
      const before = await written();
      const gone = await as(central).post(
        ROUNDS,
        roundBody(2026, { level: 'provincial', provinceCode: '30' }),
      );
      expect([gone.status, gone.body.code, gone.body.errors]).toEqual([
        422,
        'award-round.unknown-province',
        [expect.objectContaining({ field: 'provinceCode', rule: 'award-round.unknown-province' })],
      ]);
      expect(gone.body.messages).toEqual({
        vi: 'Đơn vị cấp tỉnh 30 không tồn tại trong năm 2026',
        en: 'Provincial unit 30 did not exist in 2026',
      });
      const unknown = await as(central).post(
        ROUNDS,
        roundBody(2026, { level: 'provincial', provinceCode: '99' }),
      );
      expect([unknown.status, unknown.body.code]).toEqual([422, 'award-round.unknown-province']);
      expect(await written()).toEqual(before);
    });

    it('refuses a second round of the same scope (409), also when parallel requests race for it', async () => {
      const first = await openRound(2029);
      const again = await as(central).post(ROUNDS, roundBody(2029, { name: 'Vòng bình chọn khác' }));
      expect([again.status, again.body.code]).toEqual([409, 'award-round.already-exists']);
      expect(again.body.messages?.vi).toBe(
        `Đã mở vòng bình chọn cấp quốc gia năm 2029: ${first.name} (${first.id})`,
      );
      // Another region, or a province, in the same year is another scope.
      await openRound(2030, { level: 'regional', regionCode: 'north' });

      const before = await written();
      const race = await Promise.all(
        Array.from({ length: 6 }, () =>
          as(central).post(ROUNDS, roundBody(2030, { level: 'regional', regionCode: 'south' })),
        ),
      );
      expect(race.filter((r) => r.status === 201)).toHaveLength(1);
      // The service's own check, or the unique index when two requests pass it together.
      for (const lost of race.filter((r) => r.status !== 201)) {
        expect([lost.status, ['award-round.already-exists', 'constraint.unique']]).toEqual([
          409,
          expect.arrayContaining([lost.body.code]),
        ]);
      }
      // One round, its event and its audit record: the refused requests wrote nothing.
      expect(await written()).toEqual({ rounds: before.rounds + 1, outbox: before.outbox + 2 });
    });

    it('keeps a province officer to their own provincial rounds, and the others out of opening rounds', async () => {
      const before = await written();
      const otherProvince = await as(officer('40')).post(
        ROUNDS,
        roundBody(2028, { level: 'provincial', provinceCode: '01' }),
      );
      expect([otherProvince.status, otherProvince.body.code, otherProvince.body.errors?.[0].field]).toEqual([
        403,
        'auth.other-province',
        'provinceCode',
      ]);
      for (const body of [roundBody(2031), roundBody(2028, { level: 'regional', regionCode: 'central' })]) {
        const agencyLevel = await as(officer('40')).post(ROUNDS, body);
        expect([agencyLevel.status, agencyLevel.body.code, agencyLevel.body.errors?.[0].field]).toEqual([
          403,
          'award-round.agency-level',
          'level',
        ]);
      }
      for (const who of [business('2900123456'), juror(1), viewer, system(['awards:read'])]) {
        const refused = await as(who).post(ROUNDS, roundBody(2031));
        expect([who.role, who.kind, refused.status, refused.body.code]).toEqual([
          who.role,
          who.kind,
          403,
          'auth.forbidden',
        ]);
      }
      expect(await written()).toEqual(before);
      // An integrating system needs the write scope, not just an agency role.
      expect((await as(system(['awards:write'])).post(ROUNDS, roundBody(2031))).status).toBe(201);
    });

    it('refuses a malformed round with 400 naming each field and the rule it breaks', async () => {
      const before = await written();
      const cases: [Record<string, unknown>, [string, string][]][] = [
        [{ level: 'provincial' }, [['body.provinceCode', 'required-for-level']]],
        [{ provinceCode: '40' }, [['body.provinceCode', 'absent-for-level']]],
        [{ level: 'regional' }, [['body.regionCode', 'required-for-level']]],
        [
          { level: 'provincial', provinceCode: '40', regionCode: 'north' },
          [['body.regionCode', 'absent-for-level']],
        ],
        [{ regionCode: 'west' }, [['body.regionCode', 'invalid_value']]],
        [{ year: 1999 }, [['body.year', 'too_small']]],
        [{ name: '   ' }, [['body.name', 'too_small']]],
        [{ closesOn: '2031-02-30' }, [['body.closesOn', 'invalid_format']]],
        [{ level: 'municipal' }, [['body.level', 'invalid_value']]],
        [{ prize: 'Cúp vàng' }, [['body.prize', 'unrecognized_keys']]],
      ];
      for (const [overrides, fields] of cases) {
        const reply = await as(central).post(ROUNDS, roundBody(2031, overrides));
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
      expect(await written()).toEqual(before);
    });
  });

  describe('reading rounds', () => {
    // A year of their own, so the lists below are these rounds only.
    const YEAR = 2034;
    const ids: Record<string, string> = {};
    const listed = async (query: string, by: Principal = central) => {
      const reply = await as(by).get<Page<AwardRoundView>>(`${ROUNDS}?${query}`);
      return reply.status === 200
        ? reply.body.items.map((r) => r.provinceCode ?? r.regionCode ?? r.level)
        : reply;
    };

    beforeAll(async () => {
      ids['national'] = (await openRound(YEAR - 1)).id;
      for (const region of ['south', 'north']) {
        ids[region] = (await openRound(YEAR, { level: 'regional', regionCode: region })).id;
      }
      for (const province of ['40', '01', '31']) {
        ids[province] = (await openRound(YEAR, { level: 'provincial', provinceCode: province })).id;
      }
    });

    it('lists the rounds of a year by level, region then province, filtered, a page at a time', async () => {
      expect(await listed(`year=${YEAR}`)).toEqual(['01', '31', '40', 'north', 'south']);
      expect(await listed(`year=${YEAR}&level=regional`)).toEqual(['north', 'south']);
      expect(await listed(`year=${YEAR}&regionCode=south`)).toEqual(['south']);
      expect(await listed(`year=${YEAR - 1}`)).toEqual(['national']);
      const page = await as(central).get<Page<AwardRoundView>>(`${ROUNDS}?year=${YEAR}&limit=2&page=2`);
      expect(page.body).toMatchObject({ page: 2, limit: 2, total: 5 });
      expect(page.body.items.map((r) => r.id)).toEqual([ids['40'], ids['north']]);
      // Newest year first.
      const years = (await as(central).get<Page<AwardRoundView>>(`${ROUNDS}?limit=200`)).body.items.map(
        (r) => r.year,
      );
      expect(years).toEqual([...years].sort((a, b) => b - a));
    });

    it('refuses a malformed query with 400 naming the parameter', async () => {
      for (const [query, field] of [
        ['level=municipal', 'query.level'],
        ['limit=500', 'query.limit'],
        ['year=1999', 'query.year'],
        ['order=name', 'query.order'],
      ]) {
        const reply = await as(central).get(`${ROUNDS}?${query}`);
        expect([query, reply.status, reply.body.errors?.map((e) => e.field)]).toEqual([query, 400, [field]]);
      }
    });

    it('gets one round by id; an unknown id answers 404 and a malformed one 400', async () => {
      const reply = await as(central).get<AwardRoundView>(`${ROUNDS}/${ids['40']}`);
      expect([reply.status, reply.body.provinceCode, reply.body.year]).toEqual([200, '40', YEAR]);
      const unknown = await as(central).get(`${ROUNDS}/00000000-0000-4000-8000-000000000000`);
      expect([unknown.status, unknown.body.code]).toEqual([404, 'award-round.not-found']);
      const malformed = await as(central).get(`${ROUNDS}/vong-2034`);
      expect([malformed.status, malformed.body.errors?.map((e) => e.field)]).toEqual([400, ['params.id']]);
    });

    it("shows a province officer their unit's rounds and the rounds of no province, never another unit's", async () => {
      expect(await listed(`year=${YEAR}`, officer('40'))).toEqual(['40', 'north', 'south']);
      expect((await as(officer('40')).get(`${ROUNDS}/${ids['north']}`)).status).toBe(200);
      const hidden = await as(officer('40')).get(`${ROUNDS}/${ids['01']}`);
      expect([hidden.status, hidden.body.code]).toEqual([404, 'award-round.not-found']);
      const asked = await as(officer('40')).get(`${ROUNDS}?provinceCode=01`);
      expect([asked.status, asked.body.code]).toEqual([403, 'auth.other-province']);
    });

    it('shows a juror only the rounds whose jury they sit on', async () => {
      // giamkhao.1 sits on the national and 01 juries.
      await seatCouncil(ids['national'], { size: 11, by: central });
      await seatCouncil(ids['01'], { size: 7, by: central });
      const sitting = juror(1);
      expect(await listed('', sitting)).toEqual(['01', 'national']);
      expect(await listed('provinceCode=01', sitting)).toEqual(['01']);
      expect(await listed('provinceCode=40', sitting)).toEqual([]);
      expect((await as(sitting).get(`${ROUNDS}/${ids['01']}`)).status).toBe(200);
      expect((await as(sitting).get(`${ROUNDS}/${ids['40']}`)).status).toBe(404);
      // Jurors 4 (01 and national councils) and 9 (national council) sit on no jury: no round.
      expect(await listed('', juror(4))).toEqual([]);
      expect(await listed('', juror(9))).toEqual([]);
    });

    it('keeps those who are not round readers out (403): a business and a viewer', async () => {
      for (const who of [business('2900123456'), viewer]) {
        const list = await as(who).get(ROUNDS);
        const one = await as(who).get(`${ROUNDS}/${ids['40']}`);
        expect([who.role, list.status, list.body.code, one.status]).toEqual([
          who.role,
          403,
          'auth.forbidden',
          403,
        ]);
      }
    });
  });
});
