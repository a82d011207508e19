import { randomUUID } from 'node:crypto';
import type { Principal, RegistrationView } from '@kc/contracts';
import { business, central, eventually, officer, organizer } from '@kc/testing';
import type { Reply } from '@kc/service-testing';
import { BoothSweeper } from '../src/application/booth-sweeper';
import { registrationBody } from './support/fair-givens';
import { useTradeFairsContext } from './support/trade-fairs-context';

const NORTH = ['40', '01', '31', '38', '19'];
const BOOTHS = 30;
const RUSH = 200;

const registration = (taxCode: string, provinceCode: string, boothCount = 1) =>
  registrationBody(taxCode, provinceCode, { boothCount });

describe('booth registration: holds, allocation, waiting list, cancellation', () => {
  const context = useTradeFairsContext('trade_fairs_booths');
  const { as, db, createFair, addBooths, setQuotas } = context;
  const sweep = () => context.service.app.get(BoothSweeper).sweep();

  let fairId: string;
  /** Who sent rush request i, and what. */
  const rush = Array.from({ length: RUSH }, (_, i) => {
    const provinceCode = NORTH[i % NORTH.length];
    const taxCode = String(4_000_000_000 + i);
    const caller = i % 3 === 0 ? business(taxCode) : i % 3 === 1 ? officer(provinceCode) : central;
    return { caller, key: `rush-${i}`, body: registration(taxCode, provinceCode) };
  });
  const replies: Reply<RegistrationView>[] = [];

  const outboxCount = async (type?: string) =>
    Number(
      (
        await db.rows<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE $1::text IS NULL OR type = $1`, [
          type ?? null,
        ])
      )[0].n,
    );
  const state = async (id: string) =>
    (await db.rows<{ state: string }>(`SELECT state FROM fair_registration WHERE id = $1`, [id]))[0].state;

  beforeAll(async () => {
    fairId = (await createFair()).id;
    await addBooths(fairId, BOOTHS);
    await setQuotas(fairId, [
      { provinceCode: '40', booths: 5 },
      { provinceCode: '01', booths: 5 },
    ]);
  });

  it(`gives ${RUSH} parallel clients exactly ${BOOTHS} holds on distinct booths and waitlists the rest`, async () => {
    replies.push(
      ...(await Promise.all(
        rush.map((r) =>
          as(r.caller).post<RegistrationView>(`/api/v1/fairs/${fairId}/registrations`, r.body, {
            'idempotency-key': r.key,
          }),
        ),
      )),
    );
    expect(replies.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const held = replies.filter((r) => r.body.state === 'held');
    const waiting = replies.filter((r) => r.body.state === 'waitlisted');
    expect([held.length, waiting.length]).toEqual([BOOTHS, RUSH - BOOTHS]);

    const codes = held.flatMap((r) => r.body.booths.map((b) => b.code));
    expect(new Set(codes).size).toBe(BOOTHS);
    expect(held.every((r) => r.body.holdExpiresAt && Date.parse(r.body.holdExpiresAt) > Date.now())).toBe(
      true,
    );
    expect(waiting.map((r) => r.body.waitlistPosition).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: RUSH - BOOTHS }, (_, i) => i + 1),
    );

    // The counters: each quota and the pool full, never beyond.
    expect(
      await db.rows(`SELECT bucket, capacity, used FROM booth_bucket WHERE fair_id = $1 ORDER BY bucket`, [
        fairId,
      ]),
    ).toEqual([
      { bucket: '01', capacity: 5, used: 5 },
      { bucket: '40', capacity: 5, used: 5 },
      { bucket: 'pool', capacity: 20, used: 20 },
    ]);
    const byProvince = await db.rows<{ charged_to: string; province: string; n: number }>(
      `SELECT charged_to, facility_province_code AS province, count(*)::int AS n FROM fair_registration
        WHERE fair_id = $1 AND state = 'held' AND charged_to <> 'pool' GROUP BY 1, 2 ORDER BY 1`,
      [fairId],
    );
    expect(byProvince).toEqual([
      { charged_to: '01', province: '01', n: 5 },
      { charged_to: '40', province: '40', n: 5 },
    ]);
    expect(
      await db.rows(`SELECT state, count(*)::int AS n FROM booth WHERE fair_id = $1 GROUP BY state`, [
        fairId,
      ]),
    ).toEqual([{ state: 'held', n: BOOTHS }]);
    expect(await outboxCount('trade-fairs.booth.held')).toBe(BOOTHS);
    expect(await outboxCount('trade-fairs.registration.waitlisted')).toBe(RUSH - BOOTHS);
  }, 120_000);

  it('answers a re-sent request with the same registration and creates nothing', async () => {
    const before = {
      registrations: await db.rows(`SELECT id FROM fair_registration`),
      outbox: await outboxCount(),
    };
    const again = await Promise.all(
      rush.slice(0, 20).map((r) =>
        as(r.caller).post<RegistrationView>(`/api/v1/fairs/${fairId}/registrations`, r.body, {
          'idempotency-key': r.key,
        }),
      ),
    );
    again.forEach((reply, i) => {
      expect(reply.status).toBe(201);
      expect(reply.headers.get('idempotent-replayed')).toBe('true');
      expect(reply.body).toEqual(replies[i].body);
    });
    expect((await db.rows(`SELECT id FROM fair_registration`)).length).toBe(before.registrations.length);
    expect(await outboxCount()).toBe(before.outbox);

    const changed = await as(rush[0].caller).post(
      `/api/v1/fairs/${fairId}/registrations`,
      { ...rush[0].body, products: [{ name: 'Chiếu cói' }] },
      { 'idempotency-key': rush[0].key },
    );
    expect([changed.status, changed.body.code]).toEqual([409, 'idempotency.key-reused']);
  });

  it('lets only one of several simultaneous sends with one new key through', async () => {
    const body = registration('4100000001', '31');
    const sends = await Promise.all(
      Array.from({ length: 10 }, () =>
        as(central).post<RegistrationView>(`/api/v1/fairs/${fairId}/registrations`, body, {
          'idempotency-key': 'same-key-race',
        }),
      ),
    );
    expect(sends.map((s) => s.status)).toEqual(Array(10).fill(201));
    expect(new Set(sends.map((s) => s.body.id)).size).toBe(1);
    expect(
      await db.rows(`SELECT id FROM fair_registration WHERE idempotency_key = 'same-key-race'`),
    ).toHaveLength(1);
  });

  it('refuses to confirm a lapsed hold, frees its booth and promotes the head of the waiting list', async () => {
    const [lapsed] = await db.rows<{ id: string; province: string }>(
      `SELECT id, facility_province_code AS province FROM fair_registration
        WHERE fair_id = $1 AND state = 'held' AND charged_to = 'pool' ORDER BY created_at LIMIT 1`,
      [fairId],
    );
    const [{ code }] = await db.rows<{ code: string }>(`SELECT code FROM booth WHERE registration_id = $1`, [
      lapsed.id,
    ]);
    const [head] = await db.rows<{ id: string }>(
      `SELECT id FROM fair_registration WHERE fair_id = $1 AND state = 'waitlisted' AND waitlist_position = 1`,
      [fairId],
    );
    await db.query(
      `UPDATE fair_registration SET hold_expires_at = now() - interval '1 second' WHERE id = $1`,
      [lapsed.id],
    );

    // The hold no longer counts, before anything has swept it.
    const booths = await as(central).get<{ code: string; state: string }[]>(`/api/v1/fairs/${fairId}/booths`);
    expect(booths.body.find((b) => b.code === code)?.state).toBe('free');
    const seen = await as(central).get<RegistrationView>(
      `/api/v1/fairs/${fairId}/registrations/${lapsed.id}`,
    );
    expect([seen.body.state, seen.body.booths]).toEqual(['expired', []]);

    const confirm = await as(central).post(`/api/v1/fairs/${fairId}/registrations/${lapsed.id}/confirm`);
    expect([confirm.status, confirm.body.code]).toEqual([409, 'registration.hold-expired']);
    expect(await state(lapsed.id)).toBe('expired');

    // Promoted: held, and no longer on the waiting list.
    const promotedHead = await as(central).get<RegistrationView>(
      `/api/v1/fairs/${fairId}/registrations/${head.id}`,
    );
    expect([promotedHead.body.state, promotedHead.body.waitlistPosition]).toEqual(['held', null]);
    expect(await db.rows(`SELECT code FROM booth WHERE registration_id = $1`, [head.id])).toEqual([{ code }]);
    const [expired] = await db.rows<{ envelope: { actor: { kind: string } } }>(
      `SELECT envelope FROM outbox WHERE type = 'trade-fairs.hold.expired'`,
    );
    expect(expired.envelope.actor.kind).toBe('system');
    const promoted = await db.rows<{ envelope: { payload: { registrationId: string } } }>(
      `SELECT envelope FROM outbox WHERE type = 'trade-fairs.booth.held'
        AND (envelope -> 'payload' ->> 'promotedFromWaitlist')::boolean`,
    );
    expect(promoted.map((p) => p.envelope.payload.registrationId)).toEqual([head.id]);
  });

  it('lets the sweeper expire a lapsed hold and promote the next in line, as the system', async () => {
    const [lapsed] = await db.rows<{ id: string }>(
      `SELECT id FROM fair_registration WHERE fair_id = $1 AND state = 'held' AND charged_to = 'pool'
        ORDER BY created_at LIMIT 1`,
      [fairId],
    );
    const [second] = await db.rows<{ id: string }>(
      `SELECT id FROM fair_registration WHERE fair_id = $1 AND waitlist_position = 2`,
      [fairId],
    );
    await db.query(
      `UPDATE fair_registration SET hold_expires_at = now() - interval '1 second' WHERE id = $1`,
      [lapsed.id],
    );
    const swept = await sweep();
    expect(swept).toMatchObject({ expired: 1, promoted: 1 });
    expect(await state(lapsed.id)).toBe('expired');
    expect(await state(second.id)).toBe('held');
    const audits = await db.rows<{ envelope: { actor: { kind: string }; payload: { action: string } } }>(
      `SELECT envelope FROM outbox WHERE type = 'audit.record.appended'
        AND envelope -> 'payload' ->> 'action' IN ('fair-registration.expire', 'fair-registration.promote')`,
    );
    expect(audits.length).toBe(4);
    expect(audits.every((a) => a.envelope.actor.kind === 'system')).toBe(true);
  });

  it('allocates a confirmed hold, and a confirmation again changes nothing', async () => {
    const [live] = await db.rows<{ id: string }>(
      `SELECT id FROM fair_registration WHERE fair_id = $1 AND state = 'held' AND hold_expires_at > now()
          AND facility_province_code = '38' AND idempotency_key LIKE 'rush-%' LIMIT 1`,
      [fairId],
    );
    const held = replies.find((r) => r.body.id === live.id)!;
    const owner = rush.find((r) => r.body.facility.taxCode === held.body.facility.taxCode)!;
    const path = `/api/v1/fairs/${fairId}/registrations/${held.body.id}/confirm`;
    const confirmed = await as(owner.caller).post<RegistrationView>(path);
    expect([confirmed.status, confirmed.body.state, confirmed.body.holdExpiresAt]).toEqual([
      200,
      'allocated',
      null,
    ]);
    expect(confirmed.body.booths).toEqual(held.body.booths);
    expect((await as(owner.caller).post<RegistrationView>(path)).body.state).toBe('allocated');
    expect(
      await db.rows(`SELECT DISTINCT state FROM booth WHERE registration_id = $1`, [held.body.id]),
    ).toEqual([{ state: 'allocated' }]);
    expect(await outboxCount('trade-fairs.booth.allocated')).toBe(1);
  });

  it("cancels a quota booking and gives the booth to the province's first waiting request", async () => {
    const [quotaHold] = await db.rows<{ id: string }>(
      `SELECT id FROM fair_registration WHERE fair_id = $1 AND state = 'held' AND charged_to = '40' LIMIT 1`,
      [fairId],
    );
    const [nextOf40] = await db.rows<{ id: string }>(
      `SELECT id FROM fair_registration WHERE fair_id = $1 AND state = 'waitlisted' AND facility_province_code = '40'
        ORDER BY waitlist_position LIMIT 1`,
      [fairId],
    );
    const ahead = await db.rows<{ id: string }>(
      `SELECT id FROM fair_registration WHERE fair_id = $1 AND state = 'waitlisted'
          AND waitlist_position < (SELECT waitlist_position FROM fair_registration WHERE id = $2)`,
      [fairId, nextOf40.id],
    );

    const path = `/api/v1/fairs/${fairId}/registrations/${quotaHold.id}/cancel`;
    expect((await as(officer('01')).post(path, { reason: 'Nhầm' })).status).toBe(404);
    expect((await as(officer('40')).post(path, {})).status).toBe(400);
    const cancelled = await as(officer('40')).post<RegistrationView>(path, {
      reason: 'Cơ sở không tham gia được',
    });
    expect([cancelled.status, cancelled.body.state, cancelled.body.cancelReason]).toEqual([
      200,
      'cancelled',
      'Cơ sở không tham gia được',
    ]);
    // Booths reserved for Nghệ An (40) go to its first waiting facility, past those of other provinces.
    expect(await state(nextOf40.id)).toBe('held');
    for (const { id } of ahead) expect(await state(id)).toBe('waitlisted');
    expect(
      await db.rows(`SELECT used FROM booth_bucket WHERE fair_id = $1 AND bucket = '40'`, [fairId]),
    ).toEqual([{ used: 5 }]);
    const again = await as(officer('40')).post(path, { reason: 'Lần nữa' });
    expect([again.status, again.body.code]).toEqual([409, 'registration.not-cancellable']);
  });

  it("keeps each business to its own facility and each province officer to their province's delegation", async () => {
    const mine = rush[0];
    const other = rush[3];
    const theirs = replies[3].body.id;
    const registrations = `/api/v1/fairs/${fairId}/registrations`;

    const forOther = await as(mine.caller).post(registrations, other.body, { 'idempotency-key': 'steal' });
    expect([forOther.status, forOther.body.code]).toEqual([403, 'registration.other-facility']);
    const otherProvince = await as(officer('40')).post(registrations, registration('4200000001', '01'), {
      'idempotency-key': 'other-province',
    });
    expect([otherProvince.status, otherProvince.body.code]).toEqual([403, 'auth.other-province']);

    expect((await as(mine.caller).get(`${registrations}/${theirs}`)).status).toBe(404);
    expect((await as(mine.caller).post(`${registrations}/${theirs}/cancel`, { reason: 'x' })).status).toBe(
      404,
    );
    expect((await as(mine.caller).post(`${registrations}/${theirs}/confirm`)).status).toBe(404);
    const own = await as(mine.caller).get<{ items: RegistrationView[]; total: number }>(registrations);
    expect([own.body.total, own.body.items[0].id]).toEqual([1, replies[0].body.id]);

    const province = await as(officer('31')).get<{ items: RegistrationView[]; total: number }>(
      `${registrations}?limit=200`,
    );
    expect(province.body.total).toBe(41);
    expect(province.body.items.every((r) => r.facility.provinceCode === '31')).toBe(true);
    expect((await as(officer('31')).get(`${registrations}?provinceCode=40`)).status).toBe(403);
    expect((await as(central).get<{ total: number }>(registrations)).body.total).toBe(RUSH + 1);
    const viewer: Principal = { kind: 'user', id: 'u-viewer', name: 'xem', role: 'viewer', scopes: [] };
    expect((await as(viewer).get(registrations)).status).toBe(403);
  });

  it('answers bad requests with a problem naming the rule, and holds nothing', async () => {
    const before = {
      registrations: (await db.rows(`SELECT id FROM fair_registration`)).length,
      outbox: await outboxCount(),
      booths: await db.rows(`SELECT id, state, registration_id FROM booth ORDER BY id`),
    };
    const closedFair = (await createFair({ registrationOpensAt: undefined, registrationClosesAt: undefined }))
      .id;
    const send = (fair: string, body: unknown, key: string | null = randomUUID()) =>
      as(central).post(`/api/v1/fairs/${fair}/registrations`, body, key ? { 'idempotency-key': key } : {});
    const ok = registration('4300000001', '38');
    const cases: [string, Reply, number, string][] = [
      ['unknown fair', await send(randomUUID(), ok), 404, 'fair.not-found'],
      ['window closed', await send(closedFair, ok), 409, 'registration.window-closed'],
      ['zero booths', await send(fairId, { ...ok, boothCount: 0 }), 400, 'body.boothCount'],
      ['negative booths', await send(fairId, { ...ok, boothCount: -1 }), 400, 'body.boothCount'],
      ['over the limit', await send(fairId, { ...ok, boothCount: 3 }), 422, 'registration.booth-limit'],
      ['malformed tax code', await send(fairId, registration('12345', '38')), 400, 'body.facility.taxCode'],
      [
        'outside the region',
        await send(fairId, registration('4300000002', '79')),
        422,
        'registration.outside-region',
      ],
      ['no idempotency key', await send(fairId, ok, null), 400, 'header.idempotency-key'],
    ];
    for (const [name, reply, status, rule] of cases) {
      const body = reply.body as { code?: string; errors?: { field: string }[] };
      expect([name, reply.status, reply.headers.get('content-type')?.split(';')[0]]).toEqual([
        name,
        status,
        'application/problem+json',
      ]);
      // A refusal of the request's shape names its fields; a rule of the fair names its own code.
      const named =
        body.code === 'request.invalid-fields' ? body.errors?.map((e) => e.field).join() : body.code;
      expect([name, named]).toEqual([name, rule]);
    }
    expect((await db.rows(`SELECT id FROM fair_registration`)).length).toBe(before.registrations);
    expect(await db.rows(`SELECT id, state, registration_id FROM booth ORDER BY id`)).toEqual(before.booths);
    // Only the closed fair's creation was recorded.
    expect(await outboxCount()).toBe(before.outbox + 2);
  });

  it('returns a quota unused at its release time to the common pool and serves the waiting list from it', async () => {
    const fair = (await createFair({ boothCount: 2 })).id;
    await addBooths(fair, 2);
    const releaseAt = new Date(Date.now() + 3_000);
    const quotas = await as(central).post(`/api/v1/fairs/${fair}/quotas`, {
      quotas: [{ provinceCode: '40', booths: 2 }],
      releaseAt: releaseAt.toISOString(),
    });
    expect(quotas.status).toBe(201);
    const waiting = await as(central).post<RegistrationView>(
      `/api/v1/fairs/${fair}/registrations`,
      registration('4400000001', '01', 2),
      { 'idempotency-key': 'after-release' },
    );
    expect(waiting.body.state).toBe('waitlisted');
    await eventually(async () => Date.now() > releaseAt.getTime() + 50);
    expect(await sweep()).toMatchObject({ quotasReleased: 1, promoted: 1 });
    const promoted = await as(central).get<RegistrationView>(
      `/api/v1/fairs/${fair}/registrations/${waiting.body.id}`,
    );
    expect([promoted.body.state, promoted.body.booths.map((b) => b.code)]).toEqual([
      'held',
      ['A-001', 'A-002'],
    ]);
    expect(
      await db.rows(
        `SELECT bucket, capacity, used, released FROM booth_bucket WHERE fair_id = $1 ORDER BY bucket`,
        [fair],
      ),
    ).toEqual([
      { bucket: '40', capacity: 0, used: 0, released: true },
      { bucket: 'pool', capacity: 2, used: 2, released: false },
    ]);
  });

  it('keeps every counter equal to the booths it charges, and the database refuses an overfull one', async () => {
    expect(
      await db.rows(
        `SELECT b.fair_id, b.bucket FROM booth_bucket b
          WHERE b.used <> (SELECT coalesce(sum(r.booth_count), 0) FROM fair_registration r
                            WHERE r.fair_id = b.fair_id AND r.charged_to = b.bucket)
             OR b.used > b.capacity`,
      ),
    ).toEqual([]);
    expect(
      await db.rows(
        `SELECT r.id FROM fair_registration r LEFT JOIN booth b ON b.registration_id = r.id
          GROUP BY r.id HAVING count(b.id) <> CASE WHEN r.state IN ('held', 'allocated') THEN r.booth_count ELSE 0 END`,
      ),
    ).toEqual([]);
    expect(
      await db.rows(
        `SELECT f.id FROM trade_fair f JOIN booth_bucket b ON b.fair_id = f.id GROUP BY f.id
          HAVING sum(b.capacity) <> (SELECT count(*) FROM booth WHERE fair_id = f.id)`,
      ),
    ).toEqual([]);
    await expect(
      db.query(`UPDATE booth_bucket SET used = used + 1 WHERE fair_id = $1 AND bucket = 'pool'`, [fairId]),
    ).rejects.toThrow(/booth_bucket_within_capacity/);
  });

  it("lets a fair's own organiser add its booths and set its window, but not another fair's, nor quotas", async () => {
    const { id: own } = await createFair({
      name: 'Hội chợ hàng thủ công mỹ nghệ Hà Nội 2027',
      year: 2027,
      startDate: '2027-03-01',
      endDate: '2027-03-04',
      boothCount: 4,
    });
    const booths = {
      booths: [{ code: 'B-001', hall: 'Nhà B', rentVnd: 10_000_000, layout: { x: 0, y: 0, w: 3, h: 3 } }],
    };
    const stranger = await as(organizer([fairId])).post(`/api/v1/fairs/${own}/booths`, booths);
    expect([stranger.status, stranger.body.code]).toEqual([403, 'fair.not-organizer']);
    expect((await as(organizer([own])).post(`/api/v1/fairs/${own}/booths`, booths)).status).toBe(201);
    const window = await as(organizer([own])).post<{ registrationClosesAt: string }>(
      `/api/v1/fairs/${own}/registration-window`,
      {
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: '2027-02-01T00:00:00.000Z',
      },
    );
    expect([window.status, window.body.registrationClosesAt]).toEqual([201, '2027-02-01T00:00:00.000Z']);
    const quotas = await as(organizer([own])).post(`/api/v1/fairs/${own}/quotas`, {
      quotas: [{ provinceCode: '01', booths: 1 }],
      releaseAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(quotas.status).toBe(403);
  });
});
