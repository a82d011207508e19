import type { BoothView, RegistrationView } from '@kc/contracts';
import { eventually } from '@kc/testing';
import { as, gatewayUrl, type Session } from './gateway-client';

// Booth registration end to end: a business and a provincial department book booths of a regional fair
// through the gateway; the fair never gives out more booths than it has, and each sees only its own.
const YEAR = 2034;

describe('booth registration through the gateway', () => {
  let agency: Session;
  let business: Session;
  let ngheAn: Session;
  let fairId: string;

  const register = (by: Session, key: string, facility: object, boothCount = 1) =>
    by.post<RegistrationView>(
      `/api/v1/fairs/${fairId}/registrations`,
      { facility, products: [{ name: 'Gốm men lam' }], boothCount },
      { 'idempotency-key': key },
    );
  const booths = async () =>
    (await agency.get<BoothView[] | { items: BoothView[] }>(`/api/v1/fairs/${fairId}/booths`)).body;
  const boothStates = async () => {
    const body = await booths();
    return (Array.isArray(body) ? body : body.items).map((b) => b.state).sort();
  };

  beforeAll(async () => {
    agency = await as('cuc.canbo');
    business = await as('dn.demo');
    ngheAn = await as('sct.40');
    const fair = await agency.post<{ id: string }>('/api/v1/fairs', {
      name: `Hội chợ triển lãm hàng CNNT tiêu biểu khu vực phía Bắc ${YEAR}`,
      year: YEAR,
      scale: 'regional',
      regionCode: 'north',
      provinceCode: '01',
      startDate: `${YEAR}-05-16`,
      endDate: `${YEAR}-05-19`,
      boothCount: 3,
    });
    expect(fair.status).toBe(201);
    fairId = fair.body.id;
    const layout = (x: number) => ({ x, y: 0, w: 3, h: 3 });
    const added = await agency.post(`/api/v1/fairs/${fairId}/booths`, {
      booths: ['A-01', 'A-02', 'A-03'].map((code, i) => ({
        code,
        hall: 'Nhà A',
        rentVnd: 12_000_000,
        layout: layout(3 * i),
      })),
    });
    expect(added.status).toBeLessThan(300);
    const window = await agency.post(`/api/v1/fairs/${fairId}/registration-window`, {
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(window.status).toBeLessThan(300);
    const quotas = await agency.post(`/api/v1/fairs/${fairId}/quotas`, {
      quotas: [{ provinceCode: '40', booths: 1 }],
      releaseAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(quotas.status).toBeLessThan(300);
  });

  it('holds a booth for a business, returns the same hold for the same Idempotency-Key, and allocates it on confirm', async () => {
    const facility = {
      taxCode: '0101234567',
      name: 'Cơ sở gốm sứ Bát Tràng',
      provinceCode: '01',
      legalForm: 'household-business',
    };
    const first = await register(business, 'booth-e2e-1', facility);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ state: 'held' });
    const again = await register(business, 'booth-e2e-1', facility);
    expect(again.body.id).toBe(first.body.id);
    const changed = await register(business, 'booth-e2e-1', facility, 2);
    expect([changed.status, (changed.body as unknown as { code: string }).code]).toEqual([
      409,
      'idempotency.key-reused',
    ]);

    const confirmed = await business.post<RegistrationView>(
      `/api/v1/fairs/${fairId}/registrations/${first.body.id}/confirm`,
      {},
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.state).toBe('allocated');
    expect(await boothStates()).toEqual(['allocated', 'free', 'free']);
  });

  it('refuses a business registering another facility and an officer registering another province', async () => {
    const other = await register(business, 'booth-e2e-2', {
      taxCode: '0109999999',
      name: 'Cơ sở khác',
      provinceCode: '01',
      legalForm: 'enterprise',
    });
    expect(other.status).toBe(403);
    const foreign = await register(ngheAn, 'booth-e2e-3', {
      taxCode: '0108888888',
      name: 'Cơ sở Hà Nội',
      provinceCode: '01',
      legalForm: 'cooperative',
    });
    expect(foreign.status).toBe(403);
    expect(await boothStates()).toEqual(['allocated', 'free', 'free']);
  });

  it('keeps a province quota, wait-lists what does not fit and promotes it when booths come back', async () => {
    const ownQuota = await register(ngheAn, 'booth-e2e-4', {
      taxCode: '2901234567',
      name: 'Hợp tác xã nước mắm Vạn Phần',
      provinceCode: '40',
      legalForm: 'cooperative',
    });
    expect(ownQuota.body.state).toBe('held');
    // One booth left in the common pool; two are asked for: the request waits.
    const waiting = await register(
      agency,
      'booth-e2e-5',
      {
        taxCode: '2501234567',
        name: 'Cơ sở mây tre đan Phú Thọ',
        provinceCode: '25',
        legalForm: 'household-business',
      },
      2,
    );
    expect(waiting.status).toBe(201);
    expect(waiting.body).toMatchObject({ state: 'waitlisted', waitlistPosition: 1 });

    // The business cannot see the others' registrations; the officer cannot see the business's.
    const list = await business.get<{ items: RegistrationView[] }>(`/api/v1/fairs/${fairId}/registrations`);
    expect(list.body.items.map((r) => r.facility.taxCode)).toEqual(['0101234567']);
    expect((await ngheAn.get(`/api/v1/fairs/${fairId}/registrations/${waiting.body.id}`)).status).toBe(404);

    const mine = list.body.items[0];
    const cancelled = await business.post(`/api/v1/fairs/${fairId}/registrations/${mine.id}/cancel`, {
      reason: 'Không tham dự được',
    });
    expect(cancelled.status).toBe(200);
    const promoted = await eventually(async () => {
      const reply = await agency.get<RegistrationView>(
        `/api/v1/fairs/${fairId}/registrations/${waiting.body.id}`,
      );
      return reply.body.state === 'held' ? reply.body : undefined;
    });
    expect(promoted.booths).toHaveLength(2);
    expect(await boothStates()).toEqual(['held', 'held', 'held']);
  });

  it('relays the live floor plan with the service’s validator and the page’s own script policy', async () => {
    const svg = await fetch(`${gatewayUrl()}/api/v1/fairs/${fairId}/floor-plan.svg`, {
      headers: { authorization: `Bearer ${agency.token}` },
    });
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    const etag = svg.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    // Polling with the validator costs no body while the booths stand as they were.
    const again = await fetch(`${gatewayUrl()}/api/v1/fairs/${fairId}/floor-plan.svg`, {
      headers: { authorization: `Bearer ${agency.token}`, 'if-none-match': etag! },
    });
    expect([again.status, (await again.text()).length]).toEqual([304, 0]);

    const page = await fetch(`${gatewayUrl()}/api/v1/fairs/${fairId}/floor-plan`);
    expect(page.status).toBe(200);
    const policy = page.headers.get('content-security-policy') ?? '';
    // The page's own policy replaces the edge's default (which allows no script at all).
    expect(policy).toMatch(/script-src 'sha256-/);
    expect(policy).toContain("frame-ancestors 'self'");
  });
});
