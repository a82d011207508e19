import {
  artisanTitleConferredV1,
  decodeEvent,
  type ArtisanNominationView,
  type EventEnvelope,
  type Page,
  type Principal,
} from '@kc/contracts';
import { vietnamDate } from '@kc/reference-data';
import { business, central, collectSince, endOffsets, officer, testKafka } from '@kc/testing';
import { useAwardsContext } from './support/awards-context';

const NOMINATIONS = '/api/v1/artisan-nominations';
const viewer: Principal = { kind: 'user', id: 'u-viewer', name: 'xem', role: 'viewer', scopes: [] };

/** A Meritorious Artisan of Nghệ An: 21 years and more in the craft, one prized work. */
const meritorious = (overrides: Record<string, unknown> = {}) => ({
  title: 'meritorious',
  nominee: {
    fullName: 'Nguyễn Văn Hòa',
    birthYear: 1968,
    craft: 'Gốm men lam',
    provinceCode: '40',
    craftPeriods: [{ from: '2005-03-01', to: null }],
    priorTitle: null,
    works: [{ name: 'Bình gốm Sen Làng', completedOn: '2019-05-20', recognition: 'Giải Nhất cấp tỉnh 2019' }],
    ...overrides,
  },
});

/** A People's Artisan of Nghệ An: Meritorious since 2019, two prized works made after it, since 1990 in the craft. */
const people = (overrides: Record<string, unknown> = {}) => ({
  title: 'people',
  nominee: {
    fullName: 'Trần Thị Lụa',
    birthYear: 1960,
    craft: 'Dệt thổ cẩm',
    provinceCode: '40',
    craftPeriods: [
      { from: '1990-01-01', to: '1999-12-31' },
      { from: '2001-01-01', to: null },
    ],
    priorTitle: { title: 'meritorious', decisionNumber: '1234/QĐ-CTN', conferredOn: '2019-09-01' },
    works: [
      { name: 'Tấm thổ cẩm Hoa văn Thái', completedOn: '2021-03-15', recognition: 'Giải Vàng quốc gia 2021' },
      { name: 'Bộ trang phục lễ hội', completedOn: '2023-10-02', recognition: 'Giải Nhất khu vực 2023' },
    ],
    ...overrides,
  },
});

/** Artisan title nominations over HTTP against the real service, its database and the test broker. */
describe('artisan titles: nominations, eligibility and the councils in order', () => {
  const { as, db } = useAwardsContext('kc_it_awards_artisans');
  const today = vietnamDate(new Date());
  const written = async () => {
    const [counts] = await db.rows<{ nominations: number; stages: number; outbox: number }>(
      `SELECT (SELECT count(*)::int FROM artisan_nomination) AS nominations,
              (SELECT count(*)::int FROM artisan_stage_decision) AS stages,
              (SELECT count(*)::int FROM outbox) AS outbox`,
    );
    return counts;
  };
  const outboxOf = (id: string) =>
    db.rows<{ type: string; envelope: EventEnvelope }>(
      `SELECT type, envelope FROM outbox WHERE message_key = $1 ORDER BY seq`,
      [id],
    );
  const nominate = async (body: Record<string, unknown>, by: Principal = central) => {
    const reply = await as(by).post<ArtisanNominationView>(NOMINATIONS, body);
    expect([reply.status, reply.body.code]).toEqual([201, undefined]);
    return reply.body;
  };
  const decisionNumbers: Record<string, string> = {
    'provincial-council': '15/QĐ-HĐTỈNH',
    'ministry-council': '88/QĐ-HĐBỘ',
    'state-council': '7/QĐ-HĐNN',
    conferral: '1502/QĐ-CTN',
  };
  /** The stage's decision, taken today (a decision is dated neither before the nomination nor in the future). */
  const stage = (id: string, name: string, by: Principal = central, outcome = 'passed') =>
    as(by).post<ArtisanNominationView>(`${NOMINATIONS}/${id}/stages`, {
      stage: name,
      decisionNumber: decisionNumbers[name],
      decidedOn: today,
      outcome,
    });

  describe('nominating', () => {
    it("takes a province officer's nomination for their own province, with its audit record", async () => {
      const nomination = await nominate(meritorious(), officer('40'));
      expect(nomination).toEqual({
        id: expect.any(String),
        title: 'meritorious',
        titleLabel: 'Nghệ nhân ưu tú',
        nominee: meritorious().nominee,
        yearsInCraft: expect.any(Number),
        rulesBasis: 'Nghị định 43/2024/NĐ-CP',
        nominatedOn: today,
        nominatedBy: officer('40').name,
        status: 'nominated',
        statusLabel: 'Đã nộp hồ sơ đề nghị',
        stages: [],
        nextStage: 'provincial-council',
        createdAt: expect.any(String),
      });
      // Since 1 March 2005, still practising: one more whole year each 1 March.
      const year = Number(today.slice(0, 4));
      expect(nomination.yearsInCraft).toBe(year - 2005 - (today.slice(5) < '03-01' ? 1 : 0));
      const [audit, ...others] = await outboxOf(nomination.id);
      expect([audit.type, others]).toEqual(['audit.record.appended', []]);
      expect(audit.envelope.payload).toMatchObject({
        action: 'artisan-nomination.nominate',
        provinceCode: '40',
        summary: expect.stringContaining(
          'Đề nghị xét tặng danh hiệu Nghệ nhân ưu tú cho Nguyễn Văn Hòa (nghề Gốm men lam, tỉnh 40,',
        ),
      });
    });

    it("refuses People's Artisan without the Meritorious title, listing every criterion not met (422)", async () => {
      const before = await written();
      const reply = await as(central).post(
        NOMINATIONS,
        people({ priorTitle: null, craftPeriods: [{ from: '2012-01-01', to: null }] }),
      );
      expect([reply.status, reply.body.code]).toEqual([422, 'artisan.ineligible']);
      expect(reply.body.errors?.map((e) => [e.field, e.rule])).toEqual([
        ['nominee.meritoriousConferredOn', 'artisan.meritorious-required'],
        ['nominee.craftPeriods', 'artisan.years-in-craft'],
        ['nominee.works', 'artisan.qualifying-works'],
      ]);
      expect(reply.body.errors?.[0].messages).toEqual({
        vi: 'Danh hiệu Nghệ nhân nhân dân chỉ xét tặng cho người đã được phong tặng danh hiệu Nghệ nhân ưu tú (Nghị định 43/2024/NĐ-CP)',
        en: "People's Artisan is only for holders of the Meritorious Artisan title (Nghị định 43/2024/NĐ-CP)",
      });
      expect(reply.body.messages?.vi).toMatch(
        /^Người được đề nghị chưa đủ tiêu chuẩn xét tặng danh hiệu Nghệ nhân nhân dân: /,
      );

      // Without the title, no work can count as made after it either.
      const onlyTitle = await as(central).post(NOMINATIONS, people({ priorTitle: null }));
      expect(onlyTitle.body.errors?.map((e) => e.rule)).toEqual([
        'artisan.meritorious-required',
        'artisan.qualifying-works',
      ]);
      expect(await written()).toEqual(before);
      // The same nominee with the title is eligible.
      expect((await nominate(people())).status).toBe('nominated');
    });

    it('keeps a province officer to their own province (403), and the others out of nominating', async () => {
      const before = await written();
      const elsewhere = await as(officer('40')).post(NOMINATIONS, meritorious({ provinceCode: '01' }));
      expect([elsewhere.status, elsewhere.body.code, elsewhere.body.errors?.[0].field]).toEqual([
        403,
        'auth.other-province',
        'provinceCode',
      ]);
      for (const who of [viewer, business('2900123456')]) {
        const refused = await as(who).post(NOMINATIONS, meritorious());
        expect([who.role, refused.status, refused.body.code]).toEqual([who.role, 403, 'auth.forbidden']);
      }
      expect(await written()).toEqual(before);
    });

    it('refuses malformed craft periods and a prior title dated in the future', async () => {
      const before = await written();
      const overlapping = await as(central).post(
        NOMINATIONS,
        meritorious({
          craftPeriods: [
            { from: '2000-01-01', to: '2010-12-31' },
            { from: '2010-06-01', to: null },
          ],
        }),
      );
      expect([overlapping.status, overlapping.body.code]).toEqual([422, 'artisan.craft-periods-overlap']);
      const future = await as(central).post(
        NOMINATIONS,
        people({
          priorTitle: { title: 'meritorious', decisionNumber: '9/QĐ-CTN', conferredOn: '2099-01-01' },
        }),
      );
      expect([future.status, future.body.code]).toEqual([422, 'artisan.prior-title-in-future']);
      const malformed = await as(central).post(
        NOMINATIONS,
        meritorious({ craftPeriods: [], birthYear: 1800 }),
      );
      expect([malformed.status, malformed.body.errors?.map((e) => e.field).sort()]).toEqual([
        400,
        ['body.nominee.birthYear', 'body.nominee.craftPeriods'],
      ]);
      expect(await written()).toEqual(before);
    });
  });

  describe('the stages', () => {
    it('goes provincial council → ministry council → state council → conferral, and publishes the conferral', async () => {
      const nomination = await nominate(people(), officer('40'));
      const provincial = await stage(nomination.id, 'provincial-council', officer('40'));
      expect([provincial.status, provincial.body.status, provincial.body.nextStage]).toEqual([
        201,
        'provincial-passed',
        'ministry-council',
      ]);
      expect(provincial.body.stages).toEqual([
        {
          stage: 'provincial-council',
          stageLabel: 'Hội đồng cấp tỉnh',
          decisionNumber: '15/QĐ-HĐTỈNH',
          decidedOn: today,
          outcome: 'passed',
          outcomeLabel: 'Thông qua',
          recordedBy: officer('40').name,
        },
      ]);
      expect((await stage(nomination.id, 'ministry-council')).body.status).toBe('ministry-passed');
      expect((await stage(nomination.id, 'state-council')).body.status).toBe('state-passed');

      const kafka = testKafka('awards-artisan-itest');
      const topic = artisanTitleConferredV1.topic;
      const since = await endOffsets(kafka, topic);
      const conferred = await stage(nomination.id, 'conferral');
      expect([
        conferred.status,
        conferred.body.status,
        conferred.body.statusLabel,
        conferred.body.nextStage,
      ]).toEqual([201, 'conferred', 'Đã được phong tặng', null]);
      expect(conferred.body.stages.map((s) => s.stage)).toEqual([
        'provincial-council',
        'ministry-council',
        'state-council',
        'conferral',
      ]);

      const events = (await outboxOf(nomination.id)).filter((e) => e.type === artisanTitleConferredV1.type);
      expect(events).toHaveLength(1);
      const payload = {
        nominationId: nomination.id,
        title: 'people',
        provinceCode: '40',
        year: Number(today.slice(0, 4)),
        conferredOn: today,
      };
      expect(events[0].envelope).toMatchObject({
        version: 1,
        producer: 'awards',
        provinceCode: '40',
        payload,
      });
      const messages = await collectSince(kafka, topic, since, (seen) =>
        seen.some((m) => m.headers?.['kc-event-id']?.toString() === events[0].envelope.id),
      );
      const message = messages.find((m) => m.headers?.['kc-event-id']?.toString() === events[0].envelope.id)!;
      expect(decodeEvent(message.value, topic)).toMatchObject({
        ok: true,
        envelope: { type: 'awards.artisan.title-conferred', payload },
      });

      const after = await stage(nomination.id, 'conferral');
      expect([after.status, after.body.code]).toEqual([409, 'artisan.nomination-closed']);
    });

    it('refuses a skipped stage (409), and leaves the stages after the province to the agency (403)', async () => {
      const nomination = await nominate(meritorious(), officer('40'));
      const before = await written();
      const skipped = await stage(nomination.id, 'ministry-council');
      expect([skipped.status, skipped.body.code]).toEqual([409, 'artisan.stage-out-of-order']);
      expect(skipped.body.messages?.vi).toBe(
        'Bước tiếp theo là Hội đồng cấp tỉnh, không thể ghi Hội đồng cấp Bộ',
      );
      expect(await written()).toEqual(before);

      expect((await stage(nomination.id, 'provincial-council', officer('40'))).status).toBe(201);
      const byProvince = await stage(nomination.id, 'ministry-council', officer('40'));
      expect([byProvince.status, byProvince.body.code, byProvince.body.errors?.[0].field]).toEqual([
        403,
        'artisan.stage-by-agency',
        'stage',
      ]);
      const leap = await stage(nomination.id, 'conferral');
      expect([leap.status, leap.body.code]).toEqual([409, 'artisan.stage-out-of-order']);
      const future = await as(central).post(`${NOMINATIONS}/${nomination.id}/stages`, {
        stage: 'ministry-council',
        decisionNumber: '1/QĐ-BCT',
        decidedOn: '2099-01-05',
        outcome: 'passed',
      });
      expect([future.status, future.body.code]).toEqual([422, 'artisan.stage-date-future']);

      // A failed council ends the nomination, with no conferral event.
      const failed = await stage(nomination.id, 'ministry-council', central, 'failed');
      expect([failed.body.status, failed.body.statusLabel, failed.body.nextStage]).toEqual([
        'rejected',
        'Không được xét tặng',
        null,
      ]);
      expect((await outboxOf(nomination.id)).map((e) => e.type)).not.toContain(artisanTitleConferredV1.type);
      const closed = await stage(nomination.id, 'state-council');
      expect([closed.status, closed.body.code]).toEqual([409, 'artisan.nomination-closed']);
    });
  });

  describe('reading', () => {
    const ids: Record<string, string> = {};
    const listed = async (query: string, by: Principal = central) => {
      const reply = await as(by).get<Page<ArtisanNominationView>>(`${NOMINATIONS}?${query}`);
      return reply.status === 200 ? reply.body.items.map((n) => n.id) : reply;
    };

    beforeAll(async () => {
      ids['ngheAn'] = (await nominate(meritorious({ fullName: 'Lê Văn Mộc', craft: 'Mộc mỹ nghệ' }))).id;
      ids['haNoi'] = (
        await nominate(meritorious({ fullName: 'Phạm Thị Sơn', craft: 'Sơn mài', provinceCode: '01' }))
      ).id;
      ids['haNoiPeople'] = (await nominate(people({ fullName: 'Đỗ Văn Đồng', provinceCode: '01' }))).id;
      expect((await stage(ids['haNoiPeople'], 'provincial-council')).status).toBe(201);
    });

    it('filters by province, title, status and year', async () => {
      const haNoi = await listed('provinceCode=01&limit=200');
      expect(haNoi).toEqual(expect.arrayContaining([ids['haNoi'], ids['haNoiPeople']]));
      expect(haNoi).not.toContain(ids['ngheAn']);
      const peoples = await listed('provinceCode=01&title=people&limit=200');
      expect(peoples).toContain(ids['haNoiPeople']);
      expect(peoples).not.toContain(ids['haNoi']);
      expect(await listed('provinceCode=01&status=provincial-passed&limit=200')).toEqual([
        ids['haNoiPeople'],
      ]);
      expect(await listed(`year=${today.slice(0, 4)}&limit=200`)).toEqual(
        expect.arrayContaining([ids['ngheAn'], ids['haNoi']]),
      );
      expect(await listed('year=2020')).toEqual([]);
      const one = await as(central).get<ArtisanNominationView>(`${NOMINATIONS}/${ids['haNoiPeople']}`);
      expect([one.status, one.body.status, one.body.stages.length]).toEqual([200, 'provincial-passed', 1]);
    });

    it("limits a province officer to their province's nominations; viewers see none", async () => {
      const own = await listed('limit=200', officer('40'));
      expect(own).toContain(ids['ngheAn']);
      expect(own).not.toContain(ids['haNoi']);
      const asked = await as(officer('40')).get(`${NOMINATIONS}?provinceCode=01`);
      expect([asked.status, asked.body.code]).toEqual([403, 'auth.other-province']);
      const hidden = await as(officer('40')).get(`${NOMINATIONS}/${ids['haNoi']}`);
      expect([hidden.status, hidden.body.code]).toEqual([404, 'artisan.nomination-not-found']);
      const notTheirs = await stage(ids['haNoi'], 'provincial-council', officer('40'));
      expect([notTheirs.status, notTheirs.body.code]).toEqual([404, 'artisan.nomination-not-found']);
      for (const who of [viewer, business('2900123456')]) {
        const list = await as(who).get(NOMINATIONS);
        const one = await as(who).get(`${NOMINATIONS}/${ids['ngheAn']}`);
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
