import { Client } from 'pg';
import type { RegistrationView } from '@kc/contracts';
import { business, central, createScratchDatabase, testInfrastructure } from '@kc/testing';
import { startIssuer, freePort, type ServiceProcess } from '@kc/service-testing';
import { callerFor, startTradeFairsProcess } from './support/child-service';

const NORTH = ['40', '01', '31', '38', '19'];
const BOOTHS = 60;
const RUSH = 400;

interface Answer {
  status: number;
  body: RegistrationView;
}

/**
 * The service as its own process, killed with SIGKILL in the middle of a rush and started again on the same
 * database: whatever it answered 2xx before dying is still there, and nothing is overbooked.
 */
describe('a registration answered before the service is killed survives the kill', () => {
  let issuer: Awaited<ReturnType<typeof startIssuer>>;
  let databaseUrl: string;
  let db: Client;
  let service: ServiceProcess;
  let port: number;
  // Made once the issuer runs; the URL is read per call (a restart may change the port).
  let caller: ReturnType<typeof callerFor> | undefined;
  const call = (...args: Parameters<ReturnType<typeof callerFor>>) =>
    (caller ??= callerFor(issuer, () => service.url))(...args);
  const start = async () => {
    service = await startTradeFairsProcess({
      databaseUrl,
      brokers: testInfrastructure().brokers.join(','),
      port,
      jwksUrl: issuer.jwksUrl,
    });
  };
  /** Fires every call at once and SIGKILLs the service once `killAfter` of them have been answered. */
  const rushAndKill = async <T>(calls: (() => Promise<T>)[], killAfter: number) => {
    let answered = 0;
    const outcomes = await Promise.all(
      calls.map((send) =>
        send().then(
          (value) => {
            if (++answered === killAfter) service.process.kill('SIGKILL');
            return value;
          },
          () => null,
        ),
      ),
    );
    await service.exited;
    return outcomes;
  };
  const rows = async <T>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[];
  let fairId: string;
  const rush = Array.from({ length: RUSH }, (_, i) => {
    const taxCode = String(6_000_000_000 + i);
    const provinceCode = NORTH[i % NORTH.length];
    return {
      caller: business(taxCode),
      key: `crash-${i}`,
      body: {
        facility: {
          taxCode,
          name: `Cơ sở dệt thổ cẩm ${taxCode}`,
          provinceCode,
          legalForm: 'household-business',
        },
        products: [{ name: 'Khăn thổ cẩm' }],
        boothCount: 1,
        boothKind: 'standard',
      },
    };
  });

  beforeAll(async () => {
    issuer = await startIssuer();
    databaseUrl = await createScratchDatabase('trade_fairs_crash');
    port = await freePort();
    await start();
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const fair = await call(central, 'POST', '/api/v1/fairs', {
      name: 'Hội chợ triển lãm hàng CNNT tiêu biểu khu vực phía Bắc 2026',
      year: 2026,
      scale: 'regional',
      regionCode: 'north',
      provinceCode: '01',
      startDate: '2026-09-15',
      endDate: '2026-09-19',
      boothCount: BOOTHS,
      registrationOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
      registrationClosesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(fair.status).toBe(201);
    fairId = fair.body.id;
    const booths = await call(central, 'POST', `/api/v1/fairs/${fairId}/booths`, {
      booths: Array.from({ length: BOOTHS }, (_, i) => ({
        code: `C-${String(i + 1).padStart(3, '0')}`,
        hall: 'Nhà C',
        rentVnd: 9_000_000,
        layout: { x: (i % 10) * 3, y: Math.floor(i / 10) * 3, w: 3, h: 3 },
      })),
    });
    expect(booths.status).toBe(201);
    const quotas = await call(central, 'POST', `/api/v1/fairs/${fairId}/quotas`, {
      quotas: NORTH.map((provinceCode) => ({ provinceCode, booths: 6 })),
      releaseAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    expect(quotas.status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    if (service && service.process.exitCode === null && service.process.signalCode === null) {
      service.process.kill('SIGTERM');
      await service.exited;
    }
    await issuer?.close();
  });

  const assertNothingOverbooked = async () => {
    expect(
      await rows(
        `SELECT bucket FROM booth_bucket b WHERE fair_id = $1 AND (used > capacity OR used <>
           (SELECT coalesce(sum(booth_count), 0) FROM fair_registration r
             WHERE r.fair_id = b.fair_id AND r.charged_to = b.bucket))`,
        [fairId],
      ),
    ).toEqual([]);
    expect(
      await rows(
        `SELECT r.id FROM fair_registration r LEFT JOIN booth b ON b.registration_id = r.id WHERE r.fair_id = $1
          GROUP BY r.id HAVING count(b.id) <> CASE WHEN r.state IN ('held', 'allocated') THEN r.booth_count ELSE 0 END`,
        [fairId],
      ),
    ).toEqual([]);
    const [{ taken }] = await rows<{ taken: number }>(
      `SELECT count(*)::int AS taken FROM booth WHERE fair_id = $1 AND state <> 'free'`,
      [fairId],
    );
    expect(taken).toBeLessThanOrEqual(BOOTHS);
  };

  it('keeps every registration answered 2xx before a SIGKILL mid-rush, and overbooks nothing', async () => {
    const answers = (await rushAndKill(
      rush.map((r) => () => call(r.caller, 'POST', `/api/v1/fairs/${fairId}/registrations`, r.body, r.key)),
      RUSH / 4,
    )) as (Answer | null)[];
    const ok = answers.filter((a): a is Answer => a !== null && a.status === 201);
    expect(ok.length).toBeGreaterThanOrEqual(RUSH / 4);
    expect(ok.length).toBeLessThan(RUSH); // the kill did cut the rush short

    await start();
    const stored = new Map(
      (
        await rows<{ id: string; state: string; facility_tax_code: string }>(
          `SELECT id, state, facility_tax_code FROM fair_registration WHERE fair_id = $1`,
          [fairId],
        )
      ).map((r) => [r.id, r]),
    );
    for (const answer of ok) {
      expect([answer.body.id, stored.get(answer.body.id)?.facility_tax_code]).toEqual([
        answer.body.id,
        answer.body.facility.taxCode,
      ]);
    }
    // Each answered request's fact is in the outbox, to be published whenever Kafka takes it.
    const facts = await rows<{ id: string }>(
      `SELECT envelope -> 'payload' ->> 'registrationId' AS id FROM outbox
        WHERE type IN ('trade-fairs.booth.held', 'trade-fairs.registration.waitlisted')`,
    );
    const withFact = new Set(facts.map((f) => f.id));
    expect(ok.filter((a) => !withFact.has(a.body.id))).toEqual([]);
    await assertNothingOverbooked();

    // Clients retry what got no answer with the same key: committed ones replay, the rest register now.
    const retried = await Promise.all(
      rush.map((r) => call(r.caller, 'POST', `/api/v1/fairs/${fairId}/registrations`, r.body, r.key)),
    );
    expect(retried.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    for (const answer of ok) {
      expect(retried.find((r) => r.body.id === answer.body.id)).toBeDefined();
    }
    expect(new Set(retried.map((r) => r.body.id)).size).toBe(RUSH);
    const [{ held }] = await rows<{ held: number }>(
      `SELECT count(*)::int AS held FROM fair_registration WHERE fair_id = $1 AND state = 'held'`,
      [fairId],
    );
    expect(held).toBe(BOOTHS);
    await assertNothingOverbooked();
  }, 300_000);

  it('keeps every confirmation answered 200 before a SIGKILL, and overbooks nothing', async () => {
    const holds = await rows<{ id: string; facility_tax_code: string }>(
      `SELECT id, facility_tax_code FROM fair_registration WHERE fair_id = $1 AND state = 'held'`,
      [fairId],
    );
    const answers = (await rushAndKill(
      holds.map(
        (h) => () =>
          call(
            business(h.facility_tax_code),
            'POST',
            `/api/v1/fairs/${fairId}/registrations/${h.id}/confirm`,
          ),
      ),
      holds.length / 3,
    )) as (Answer | null)[];
    const confirmed = answers.filter((a): a is Answer => a !== null && a.status === 200);
    expect(confirmed.length).toBeGreaterThanOrEqual(holds.length / 3);
    expect(confirmed.every((a) => a.body.state === 'allocated')).toBe(true);

    await start();
    const states = new Map(
      (
        await rows<{ id: string; state: string }>(
          `SELECT id, state FROM fair_registration WHERE fair_id = $1`,
          [fairId],
        )
      ).map((r) => [r.id, r.state]),
    );
    expect(confirmed.filter((a) => states.get(a.body.id) !== 'allocated')).toEqual([]);
    const allocatedFacts = await rows<{ id: string }>(
      `SELECT envelope -> 'payload' ->> 'registrationId' AS id FROM outbox WHERE type = 'trade-fairs.booth.allocated'`,
    );
    const withFact = new Set(allocatedFacts.map((f) => f.id));
    expect(confirmed.filter((a) => !withFact.has(a.body.id))).toEqual([]);
    await assertNothingOverbooked();
  }, 300_000);
});
