import type { FairView, LotteryView, Principal, RegistrationView } from '@kc/contracts';
import { business, central, officer, organizer } from '@kc/testing';
import { drawDigest, drawLottery } from '../src/domain/lottery';
import { certificateIssued } from './support/award-certificates';
import { fairBody, registrationBody } from './support/fair-givens';
import { useTradeFairsContext } from './support/trade-fairs-context';

const NORTH = ['40', '01', '31', '38', '19'];
const BOOTHS = 12;
const REQUESTS = 40;
const SEED = 'xo-so-mien-bac-2026-04-30-giai-dac-biet-83412';

const product = (awardCertificateNumber?: string) => ({
  name: 'Gốm men lam Bát Tràng',
  ...(awardCertificateNumber ? { awardCertificateNumber } : {}),
});

const request = (taxCode: string, provinceCode: string, products = [product()]) =>
  registrationBody(taxCode, provinceCode, {
    facility: { name: `Hợp tác xã gốm ${taxCode}`, legalForm: 'cooperative' },
    products,
  });

describe('lottery fairs, the live floor plan, international fairs and cancelling a certified booking', () => {
  const context = useTradeFairsContext('trade_fairs_lottery');
  const { as, db, createFair, addBooths, setQuotas, holdCertificates } = context;
  const fair = (overrides: Record<string, unknown> = {}) => fairBody({ boothCount: BOOTHS, ...overrides });

  let fairId: string;
  /**
   * Request i: its caller and what awards announced about its facility. Every fifth holds a certificate valid on
   * the opening day (issued 2025, to 31/12/2027), every tenth naming its number; every seventh one that lapsed
   * on 31/12/2025.
   */
  const requests = Array.from({ length: REQUESTS }, (_, i) => {
    const provinceCode = NORTH[i % NORTH.length];
    const taxCode = String(5_000_000_000 + i);
    const certificate =
      i % 5 === 0
        ? certificateIssued(taxCode, { number: `KV-B-2025-${String(i).padStart(4, '0')}`, provinceCode })
        : i % 7 === 0
          ? certificateIssued(taxCode, {
              number: `KV-B-2023-${String(i).padStart(4, '0')}`,
              provinceCode,
              roundYear: 2023,
              issuedOn: '2023-06-01',
              validUntil: '2025-12-31',
            })
          : undefined;
    return {
      caller: business(taxCode),
      taxCode,
      provinceCode,
      certificate,
      body: request(taxCode, provinceCode, [product(i % 10 === 0 ? certificate?.payload.number : undefined)]),
    };
  });
  const ids = new Map<string, string>();

  beforeAll(async () => {
    await holdCertificates(...requests.flatMap((r) => r.certificate ?? []));
    fairId = (
      await createFair({
        boothCount: BOOTHS,
        allocationMethod: 'lottery',
        awardPriority: true,
        organiser: 'Trung tâm Khuyến công Hà Nội',
      })
    ).id;
    await addBooths(fairId, BOOTHS, (i) => ({
      code: `B-${String(i + 1).padStart(2, '0')}`,
      hall: 'Nhà B',
      zone: undefined,
      rentVnd: 10_000_000,
      layout: { x: (i % 6) * 3, y: Math.floor(i / 6) * 4, w: 3, h: 3 },
    }));
    await setQuotas(fairId, [
      { provinceCode: '40', booths: 3 },
      { provinceCode: '01', booths: 3 },
    ]);
  });

  it('creates an international fair with its organiser, award ceremony and chosen subsidy policy', async () => {
    const created = await as(central).post<FairView>(
      '/api/v1/fairs',
      fair({
        name: 'Hội chợ quốc tế hàng thủ công mỹ nghệ 2026',
        scale: 'international',
        regionCode: undefined,
        organiser: 'Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công',
        awardCeremony: {
          name: 'Lễ tôn vinh sản phẩm CNNT tiêu biểu cấp quốc gia',
          level: 'national',
          date: '2026-09-16',
        },
        subsidyPolicyCode: 'domestic-fair-participant',
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      scale: 'international',
      regionCode: null,
      organiser: 'Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công',
      awardCeremony: {
        name: 'Lễ tôn vinh sản phẩm CNNT tiêu biểu cấp quốc gia',
        level: 'national',
        date: '2026-09-16',
      },
      subsidyPolicy: { code: 'domestic-fair-participant', version: 1 },
      allocationMethod: 'first-come',
      awardPriority: false,
    });
    const [event] = await db.rows<{ envelope: { version: number; payload: { scale: string } } }>(
      `SELECT envelope FROM outbox WHERE type = 'trade-fairs.fair.created' AND envelope ->> 'aggregateId' = $1`,
      [created.body.id],
    );
    expect([event.envelope.version, event.envelope.payload.scale]).toEqual([2, 'international']);

    const bad: [Record<string, unknown>, number, string][] = [
      [{ awardCeremony: { name: 'Lễ tôn vinh', date: '2026-09-30' } }, 400, 'body.awardCeremony.date'],
      [{ subsidyPolicyCode: 'no-such-policy' }, 422, 'subsidyPolicyCode'],
    ];
    for (const [overrides, status, field] of bad) {
      const reply = await as(central).post<{ errors: { field: string }[] }>('/api/v1/fairs', fair(overrides));
      expect([reply.status, reply.body.errors.map((e) => e.field).join()]).toEqual([status, field]);
    }
  });

  it('collects requests during the window without holding anything, and refuses bad certificates', async () => {
    const replies = await Promise.all(
      requests.map((r, i) =>
        as(r.caller).post<RegistrationView>(`/api/v1/fairs/${fairId}/registrations`, r.body, {
          'idempotency-key': `lottery-${i}`,
        }),
      ),
    );
    expect(replies.map((r) => [r.status, r.body.state])).toEqual(Array(REQUESTS).fill([201, 'requested']));
    replies.forEach((r, i) => ids.set(requests[i].taxCode, r.body.id));
    expect(replies.filter((r) => r.body.awardCertified).length).toBe(8);
    expect(await db.rows(`SELECT DISTINCT state FROM booth WHERE fair_id = $1`, [fairId])).toEqual([
      { state: 'free' },
    ]);

    const malformed = await as(central).post<{ errors: { field: string }[] }>(
      `/api/v1/fairs/${fairId}/registrations`,
      request('5100000001', '40', [product('gcn 17/2025')]),
      { 'idempotency-key': 'cert-malformed' },
    );
    expect([malformed.status, malformed.body.errors.map((e) => e.field)]).toEqual([
      400,
      ['body.products.0.awardCertificateNumber'],
    ]);
    const another = await as(central).post<{ code: string; errors: { field: string }[] }>(
      `/api/v1/fairs/${fairId}/registrations`,
      request('5100000002', '40', [product(), product(requests[5].certificate!.payload.number)]),
      { 'idempotency-key': 'cert-of-another' },
    );
    expect([another.status, another.body.code, another.body.errors[0].field]).toEqual([
      422,
      'registration.certificate-not-held',
      'products.1.awardCertificateNumber',
    ]);
  });

  it('draws only after the window closes, by the organiser or the agency, once', async () => {
    const early = await as(central).post(`/api/v1/fairs/${fairId}/lottery`, { seed: SEED });
    expect([early.status, early.body.code]).toEqual([409, 'lottery.window-open']);
    await db.query(
      `UPDATE trade_fair SET registration_closes_at = now() - interval '1 second' WHERE id = $1`,
      [fairId],
    );
    expect((await as(business('5000000000')).post(`/api/v1/fairs/${fairId}/lottery`, {})).status).toBe(403);
    expect(
      (
        await as(organizer(['00000000-0000-4000-8000-000000000000'])).post(
          `/api/v1/fairs/${fairId}/lottery`,
          {},
        )
      ).status,
    ).toBe(403);
    expect((await as(central).post(`/api/v1/fairs/${fairId}/lottery`, { seed: 'short' })).status).toBe(400);

    const drawn = await as(organizer([fairId])).post<LotteryView>(`/api/v1/fairs/${fairId}/lottery`, {
      seed: SEED,
    });
    expect(drawn.status).toBe(201);
    const again = await as(central).post(`/api/v1/fairs/${fairId}/lottery`, { seed: 'another-seed-123' });
    expect([again.status, again.body.code]).toEqual([409, 'lottery.already-drawn']);
    expect((await as(central).get<FairView>(`/api/v1/fairs/${fairId}`)).body.lotteryDrawnAt).toBe(
      drawn.body.drawnAt,
    );
  });

  it('publishes a draw anyone can recompute, with award-certified requests first', async () => {
    const published = await as(business('5000000003')).get<LotteryView>(`/api/v1/fairs/${fairId}/lottery`);
    expect(published.status).toBe(200);
    const { body: draw } = published;
    expect([draw.seed, draw.awardPriority, draw.entries.length]).toEqual([SEED, true, REQUESTS]);
    expect(draw.algorithm).toMatch(/^kc-lottery-v1: /);

    // Recomputed from nothing but the published seed, the request ids and their certificates.
    const recomputed = drawLottery(
      SEED,
      requests.map((r, i) => ({ registrationId: ids.get(r.taxCode)!, awardCertified: i % 5 === 0 })),
      true,
    );
    expect(draw.entries.map(({ outcome: _o, ...e }) => e)).toEqual(recomputed);
    expect(drawDigest(recomputed)).toBe(draw.drawDigest);
    expect(draw.entries.slice(0, 8).every((e) => e.awardPriority)).toBe(true);
    expect(draw.entries.slice(8).some((e) => e.awardPriority)).toBe(false);
  });

  it('allocates in draw order within the quotas and wait-lists the rest in draw order', async () => {
    const { body: draw } = await as(central).get<LotteryView>(`/api/v1/fairs/${fairId}/lottery`);
    const provinceOf = new Map(requests.map((r) => [ids.get(r.taxCode)!, r.provinceCode]));
    // The same walk by hand: own quota first, then the pool.
    const room: Record<string, number> = { '40': 3, '01': 3, pool: 6 };
    const expected = draw.entries.map((e) => {
      for (const bucket of [provinceOf.get(e.registrationId)!, 'pool']) {
        if ((room[bucket] ?? 0) > 0) {
          room[bucket]--;
          return 'held';
        }
      }
      return 'waitlisted';
    });
    expect(draw.entries.map((e) => e.outcome)).toEqual(expected);

    const states = await db.rows<{ id: string; state: string; waitlist_position: number | null }>(
      `SELECT id, state, waitlist_position FROM fair_registration WHERE fair_id = $1`,
      [fairId],
    );
    const byId = new Map(states.map((s) => [s.id, s]));
    expect(draw.entries.map((e) => byId.get(e.registrationId)!.state)).toEqual(expected);
    const waiting = draw.entries.filter((e) => e.outcome === 'waitlisted');
    expect(waiting.map((e) => byId.get(e.registrationId)!.waitlist_position)).toEqual(
      waiting.map((_, i) => i + 1),
    );
    expect(
      await db.rows(`SELECT bucket, capacity, used FROM booth_bucket WHERE fair_id = $1 ORDER BY bucket`, [
        fairId,
      ]),
    ).toEqual([
      { bucket: '01', capacity: 3, used: 3 },
      { bucket: '40', capacity: 3, used: 3 },
      { bucket: 'pool', capacity: 6, used: 6 },
    ]);
    expect(
      await db.rows(`SELECT count(*)::int AS n FROM outbox WHERE type = 'trade-fairs.lottery.drawn'`),
    ).toEqual([{ n: 1 }]);
  });

  it('draws the floor plan with booth states and a Vietnamese legend, names only for those who may see them', async () => {
    const held = await db.rows<{ id: string; facility_tax_code: string; facility_name: string }>(
      `SELECT id, facility_tax_code, facility_name FROM fair_registration WHERE fair_id = $1 AND state = 'held'
        ORDER BY id`,
      [fairId],
    );
    const owner = business(held[0].facility_tax_code);
    const confirmed = await as(owner).post(`/api/v1/fairs/${fairId}/registrations/${held[0].id}/confirm`);
    expect(confirmed.status).toBe(200);

    // The raw response, not JSON: the body is SVG.
    const svgOf = (p: Principal, headers: Record<string, string> = {}) =>
      as(p).fetch(`/api/v1/fairs/${fairId}/floor-plan.svg`, headers);
    const asCentral = await svgOf(central);
    const svg = await asCentral.text();
    expect([asCentral.status, asCentral.headers.get('content-type')]).toEqual([
      200,
      'image/svg+xml; charset=utf-8',
    ]);
    expect(svg).toContain('Còn trống (0)');
    expect(svg).toContain(`Đang giữ chỗ (${BOOTHS - 1})`);
    expect(svg).toContain('Đã phân bổ (1)');
    expect(svg).toContain('Đã có mặt (0)');
    expect((svg.match(/class="booth"/g) ?? []).length).toBe(BOOTHS);
    expect(svg).toContain('<rect x="20" y="112" width="60" height="60"'); // B-01 at (0, 0), 3×3 m
    for (const r of held) expect(svg).toContain(r.facility_name);

    const own = await (await svgOf(owner)).text();
    expect(own).toContain(held[0].facility_name);
    expect(own).not.toContain(held[1].facility_name);
    const viewer: Principal = { kind: 'user', id: 'u-viewer', name: 'xem', role: 'viewer', scopes: [] };
    const anonymous = await (await svgOf(viewer)).text();
    expect(held.some((r) => anonymous.includes(r.facility_name))).toBe(false);
    expect(anonymous).toContain('data-code="B-01"');

    const etag = asCentral.headers.get('etag')!;
    expect((await svgOf(central, { 'if-none-match': etag })).status).toBe(304);
    await as(owner).post(`/api/v1/fairs/${fairId}/registrations/${held[0].id}/cancel`, {
      reason: 'Không đi được',
    });
    const changed = await svgOf(central, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('Đã phân bổ (0)');

    // The page is public: no token.
    const page = await fetch(`${context.service.url}/api/v1/fairs/${fairId}/floor-plan`);
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(await page.text()).toContain('if-none-match');
  });

  it('lets only the agency cancel a certified booking, withdrawing its support and freeing its booth', async () => {
    // One charged to the common pool: the waiting list's head (of any province) takes its booth.
    const [row] = await db.rows<{ id: string; facility_tax_code: string; facility_province_code: string }>(
      `SELECT id, facility_tax_code, facility_province_code FROM fair_registration
        WHERE fair_id = $1 AND state = 'held' AND charged_to = 'pool' ORDER BY id LIMIT 1`,
      [fairId],
    );
    const path = `/api/v1/fairs/${fairId}/registrations/${row.id}`;
    const owner = business(row.facility_tax_code);
    expect((await as(owner).post(`${path}/confirm`)).status).toBe(200);
    expect((await as(officer(row.facility_province_code)).post(`${path}/certify`)).status).toBe(200);

    for (const who of [owner, officer(row.facility_province_code)]) {
      const refused = await as(who).post(`${path}/cancel`, { reason: 'Rút lui' });
      expect([refused.status, refused.body.code]).toEqual([409, 'registration.certified']);
    }
    const [head] = await db.rows<{ id: string }>(
      `SELECT id FROM fair_registration WHERE fair_id = $1 AND state = 'waitlisted' ORDER BY waitlist_position LIMIT 1`,
      [fairId],
    );
    const freeBefore = await db.rows(`SELECT code FROM booth WHERE fair_id = $1 AND state = 'free'`, [
      fairId,
    ]);
    const cancelled = await as(central).post<RegistrationView>(`${path}/cancel`, {
      reason: 'Cơ sở không tham gia; thu hồi hỗ trợ đã xác nhận',
    });
    expect([cancelled.status, cancelled.body.state, cancelled.body.booths]).toEqual([200, 'cancelled', []]);
    const [event] = await db.rows<{
      envelope: { version: number; payload: { wasCertified: boolean; previousState: string } };
    }>(
      `SELECT envelope FROM outbox WHERE type = 'trade-fairs.registration.cancelled'
        AND envelope -> 'payload' ->> 'registrationId' = $1`,
      [row.id],
    );
    expect([
      event.envelope.version,
      event.envelope.payload.wasCertified,
      event.envelope.payload.previousState,
    ]).toEqual([2, true, 'allocated']);
    // A booth went straight to the head of the waiting list: no more booths are free than before.
    expect(await db.rows(`SELECT state FROM fair_registration WHERE id = $1`, [head.id])).toEqual([
      { state: 'held' },
    ]);
    // Booths are interchangeable: the head may take any free one (the lowest code), so count, not codes.
    expect(
      await db.rows(`SELECT code FROM booth WHERE fair_id = $1 AND state = 'free'`, [fairId]),
    ).toHaveLength(freeBefore.length);
  });
});
