import type { FairSubsidyPolicyView, FairView, Principal, RegistrationView } from '@kc/contracts';
import { business, central } from '@kc/testing';
import { certificateIssued, certificateWithdrawn } from './support/award-certificates';
import { fairBody, registrationBody } from './support/fair-givens';
import { useTradeFairsContext } from './support/trade-fairs-context';

const BOOTHS = 4;
const OPENS = '2026-12-10';

/** What awards announced about the facility's certificate, and whether a product names its number. */
type Certificate = { issuedOn: string; validUntil: string; withdrawnOn?: string; named?: boolean };

const numberOf = (taxCode: string) => `QG-2025-${taxCode.slice(-4)}`;

const registration = (taxCode: string, certificate?: Certificate) =>
  registrationBody(taxCode, '01', {
    facility: { name: `Cơ sở sơn mài ${taxCode}` },
    products: [
      {
        name: 'Tranh sơn mài Hạ Thái',
        ...(certificate?.named ? { awardCertificateNumber: numberOf(taxCode) } : {}),
      },
    ],
  });

/**
 * A first-come fair granting award priority: once it is full, requests of facilities holding a certificate
 * valid on the opening day (as the awards service announced it) are promoted from the waiting list before the
 * others, each class in the order it joined.
 */
describe('award priority at a first-come fair, and the subsidy policy of fairs abroad', () => {
  const { as, db, addBooths, holdCertificates } = useTradeFairsContext('trade_fairs_award_priority');
  const fair = (overrides: Record<string, unknown> = {}) =>
    fairBody({
      name: 'Hội chợ triển lãm hàng CNNT tiêu biểu quốc gia 2026',
      scale: 'national',
      regionCode: undefined,
      startDate: OPENS,
      endDate: '2026-12-13',
      boothCount: BOOTHS,
      ...overrides,
    });

  let fairId: string;
  const path = () => `/api/v1/fairs/${fairId}/registrations`;
  const register = (caller: Principal, key: string, body: unknown) =>
    as(caller).post<RegistrationView>(path(), body, { 'idempotency-key': key });
  const cancel = (caller: Principal, id: string) =>
    as(caller).post<RegistrationView>(`${path()}/${id}/cancel`, { reason: 'Cơ sở không thu xếp được' });

  it('creates a first-come fair with award priority, which the database now accepts', async () => {
    const created = await as(central).post<FairView>('/api/v1/fairs', fair({ awardPriority: true }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ allocationMethod: 'first-come', awardPriority: true });
    fairId = created.body.id;
    await addBooths(fairId, BOOTHS, (i) => ({
      code: `S-${i + 1}`,
      hall: 'Nhà S',
      zone: undefined,
      rentVnd: 15_000_000,
    }));
  });

  /** The fair's first takers (all uncertified), then the waiting requests with what they carry. */
  const first = Array.from({ length: BOOTHS }, (_, i) => String(6_100_000_000 + i));
  const waiting: { taxCode: string; certificate?: Certificate; certified: boolean }[] = [
    // Valid on the opening day: issued 2025 (to 31/12/2027, its number named or not), 2026, and one lapsing on
    // the opening day itself.
    {
      taxCode: '6200000001',
      certificate: { issuedOn: '2025-11-20', validUntil: '2027-12-31' },
      certified: true,
    },
    {
      taxCode: '6200000002',
      certificate: { issuedOn: '2026-03-02', validUntil: '2028-12-31' },
      certified: true,
    },
    { taxCode: '6200000003', certificate: { issuedOn: '2024-11-20', validUntil: OPENS }, certified: true },
    {
      taxCode: '6200000004',
      certificate: { issuedOn: '2025-11-20', validUntil: '2027-12-31', named: true },
      certified: true,
    },
    // Lapsed before the opening day, withdrawn, or none at all.
    {
      taxCode: '6200000005',
      certificate: { issuedOn: '2023-11-20', validUntil: '2025-12-31' },
      certified: false,
    },
    {
      taxCode: '6200000006',
      certificate: { issuedOn: '2024-11-20', validUntil: '2026-12-09', named: true },
      certified: false,
    },
    {
      taxCode: '6200000007',
      certificate: { issuedOn: '2025-11-20', validUntil: '2027-12-31', withdrawnOn: '2026-06-01' },
      certified: false,
    },
    { taxCode: '6200000008', certified: false },
    { taxCode: '6200000009', certified: false },
  ];
  const ids = new Map<string, string>();
  const positions = new Map<string, number>();

  it('fills the fair, then puts everyone else on the waiting list, certificates judged on the opening day', async () => {
    for (const { taxCode, certificate } of waiting.filter((w) => w.certificate)) {
      const { issuedOn, validUntil, withdrawnOn } = certificate!;
      const issued = certificateIssued(taxCode, { number: numberOf(taxCode), issuedOn, validUntil });
      await holdCertificates(issued, ...(withdrawnOn ? [certificateWithdrawn(issued, withdrawnOn)] : []));
    }
    const taken = await Promise.all(first.map((t) => register(business(t), `first-${t}`, registration(t))));
    expect(taken.map((r) => [r.status, r.body.state])).toEqual(Array(BOOTHS).fill([201, 'held']));
    taken.forEach((r, i) => ids.set(first[i], r.body.id));
    const confirmed = await Promise.all(
      first.map((t) => as(business(t)).post<RegistrationView>(`${path()}/${ids.get(t)}/confirm`)),
    );
    expect(confirmed.map((r) => r.body.state)).toEqual(Array(BOOTHS).fill('allocated'));

    // Real parallel clients: their places on the list are whatever order the database gave them.
    const replies = await Promise.all(
      waiting.map((w) =>
        register(business(w.taxCode), `wait-${w.taxCode}`, registration(w.taxCode, w.certificate)),
      ),
    );
    replies.forEach((r, i) => {
      expect([r.status, r.body.state, r.body.awardCertified]).toEqual([
        201,
        'waitlisted',
        waiting[i].certified,
      ]);
      ids.set(waiting[i].taxCode, r.body.id);
      positions.set(waiting[i].taxCode, r.body.waitlistPosition!);
    });
    expect(new Set(positions.values()).size).toBe(waiting.length);
  });

  it('refuses a named certificate awards never issued, and holds nothing for it', async () => {
    const reply = await as(business('6200000010')).post<{ code: string; errors: { field: string }[] }>(
      path(),
      {
        ...registration('6200000010'),
        products: [{ name: 'Tranh sơn mài Hạ Thái', awardCertificateNumber: 'QG-2025-9999' }],
      },
      { 'idempotency-key': 'unknown-certificate' },
    );
    expect([reply.status, reply.body.code, reply.body.errors.map((e) => e.field).join()]).toEqual([
      422,
      'registration.certificate-unknown',
      'products.0.awardCertificateNumber',
    ]);
    expect(await db.rows(`SELECT 1 FROM fair_registration WHERE facility_tax_code = '6200000010'`)).toEqual(
      [],
    );
  });

  /** The promotion order the fair promises: certified by their place on the list, then the rest by theirs. */
  const expectedOrder = () => {
    const byPosition = (list: typeof waiting) =>
      [...list].sort((a, b) => positions.get(a.taxCode)! - positions.get(b.taxCode)!).map((w) => w.taxCode);
    return [
      ...byPosition(waiting.filter((w) => w.certified)),
      ...byPosition(waiting.filter((w) => !w.certified)),
    ];
  };
  const heldWaiters = async () =>
    (
      await db.rows<{ facility_tax_code: string }>(
        `SELECT facility_tax_code FROM fair_registration
          WHERE fair_id = $1 AND state = 'held' AND facility_tax_code = ANY($2) ORDER BY updated_at, id`,
        [fairId, waiting.map((w) => w.taxCode)],
      )
    ).map((r) => r.facility_tax_code);
  const boothsTaken = async () =>
    (
      await db.rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM booth WHERE fair_id = $1 AND state <> 'free'`,
        [fairId],
      )
    )[0].n;

  it('promotes the certified first when booths return, two cancelled at once, then one at a time', async () => {
    const order = expectedOrder();
    const together = await Promise.all(first.slice(0, 2).map((t) => cancel(business(t), ids.get(t)!)));
    expect(together.map((r) => [r.status, r.body.state])).toEqual([
      [200, 'cancelled'],
      [200, 'cancelled'],
    ]);
    expect((await heldWaiters()).sort()).toEqual(order.slice(0, 2).sort());

    for (const [k, taxCode] of first.slice(2).entries()) {
      expect((await cancel(business(taxCode), ids.get(taxCode)!)).status).toBe(200);
      expect(await heldWaiters()).toEqual(expect.arrayContaining(order.slice(0, 3 + k)));
      expect((await heldWaiters()).length).toBe(3 + k);
    }
    expect(await boothsTaken()).toBe(BOOTHS);

    // All four certified hold booths; when two of them give theirs back, the lapsed and uncertified follow,
    // in the order they joined — a lapsed certificate is an ordinary request.
    for (const taxCode of order.slice(0, 2)) {
      expect((await cancel(business(taxCode), ids.get(taxCode)!)).status).toBe(200);
    }
    const held = await heldWaiters();
    expect(held.filter((t) => !order.slice(0, 2).includes(t)).sort()).toEqual(order.slice(2, 6).sort());
    expect(await boothsTaken()).toBe(BOOTHS);

    const promoted = await db.rows<{ id: string }>(
      `SELECT envelope -> 'payload' ->> 'registrationId' AS id FROM outbox
        WHERE type = 'trade-fairs.booth.held' AND (envelope -> 'payload' ->> 'promotedFromWaitlist')::boolean
        ORDER BY id`,
    );
    expect(promoted.map((p) => p.id).sort()).toEqual(
      order
        .slice(0, 6)
        .map((t) => ids.get(t))
        .sort(),
    );
  });

  it('gives an international fair the 100% policy for fairs abroad unless another is chosen', async () => {
    const abroad = fair({
      name: 'Hội chợ hàng thủ công mỹ nghệ Việt Nam tại Osaka 2026',
      scale: 'international',
      registrationOpensAt: undefined,
      registrationClosesAt: undefined,
    });
    const created = await as(central).post<FairView>('/api/v1/fairs', abroad);
    expect(created.status).toBe(201);
    expect(created.body.subsidyPolicy).toEqual({ code: 'international-fair', version: 1 });
    const policy = await as(central).get<FairSubsidyPolicyView>(
      `/api/v1/fairs/${created.body.id}/subsidy-policy`,
    );
    expect(policy.body.policy).toMatchObject({
      code: 'international-fair',
      supportBp: 10_000,
      capVndPerFacility: null,
      verified: true,
      legalBasis: expect.stringContaining('28/2018/TT-BTC'),
    });

    const chosen = await as(central).post<FairView>('/api/v1/fairs', {
      ...abroad,
      subsidyPolicyCode: 'domestic-fair-participant',
    });
    expect(chosen.body.subsidyPolicy).toEqual({ code: 'domestic-fair-participant', version: 1 });
    const domestic = await as(central).post<FairView>('/api/v1/fairs', {
      ...abroad,
      scale: 'national',
    });
    expect(domestic.body.subsidyPolicy).toEqual({ code: 'domestic-fair-organiser', version: 1 });
  });
});
