import { Client } from 'pg';
import {
  business,
  central,
  collectMessages,
  createScratchDatabase,
  eventually,
  testInfrastructure,
  testKafka,
} from '@kc/testing';
import { startIssuer, freePort, type ServiceProcess } from '@kc/service-testing';
import { callerFor, startTradeFairsProcess } from './support/child-service';

const BOOKINGS = 20;
const BOOTHS_TOTAL = BOOKINGS;

/**
 * Kafka unreachable from the start (a closed loopback port): bookings still commit, their events wait in the
 * outbox; started again on the same database against the real broker, the service publishes them.
 */
describe('bookings while Kafka is unreachable', () => {
  let issuer: Awaited<ReturnType<typeof startIssuer>>;
  let databaseUrl: string;
  let db: Client;
  let service: ServiceProcess;
  // Made once the issuer runs; the URL is read per call (a restart may change the port).
  let caller: ReturnType<typeof callerFor> | undefined;
  const call = (...args: Parameters<ReturnType<typeof callerFor>>) =>
    (caller ??= callerFor(issuer, () => service.url))(...args);
  const start = async (brokers: string) => {
    service = await startTradeFairsProcess({
      databaseUrl,
      brokers,
      port: await freePort(),
      jwksUrl: issuer.jwksUrl,
    });
  };
  const stop = async () => {
    service.process.kill('SIGTERM');
    await service.exited;
  };

  beforeAll(async () => {
    issuer = await startIssuer();
    databaseUrl = await createScratchDatabase('trade_fairs_kafka_outage');
    db = new Client({ connectionString: databaseUrl });
  }, 30_000);

  afterAll(async () => {
    await db?.end();
    if (service && service.process.exitCode === null && service.process.signalCode === null) await stop();
    await issuer?.close();
  });

  it('commits bookings with Kafka down and publishes their events once it is back', async () => {
    await start(`127.0.0.1:${await freePort()}`);
    await db.connect();
    const fair = await call(central, 'POST', '/api/v1/fairs', {
      name: 'Hội chợ triển lãm hàng CNNT tiêu biểu tỉnh Nghệ An 2026',
      year: 2026,
      scale: 'provincial',
      provinceCode: '40',
      startDate: '2026-10-02',
      endDate: '2026-10-05',
      boothCount: BOOTHS_TOTAL,
      registrationOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
      registrationClosesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(fair.status).toBe(201);
    const fairId = fair.body.id;
    expect(
      (
        await call(central, 'POST', `/api/v1/fairs/${fairId}/booths`, {
          booths: Array.from({ length: BOOTHS_TOTAL }, (_, i) => ({
            code: `N-${String(i + 1).padStart(2, '0')}`,
            hall: 'Nhà N',
            rentVnd: 8_000_000,
            layout: { x: i * 3, y: 0, w: 3, h: 3 },
          })),
        })
      ).status,
    ).toBe(201);

    const confirmed = await Promise.all(
      Array.from({ length: BOOKINGS }, async (_, i) => {
        const taxCode = String(7_000_000_000 + i);
        const caller = business(taxCode);
        const held = await call(
          caller,
          'POST',
          `/api/v1/fairs/${fairId}/registrations`,
          {
            facility: {
              taxCode,
              name: `Cơ sở chế biến chè ${taxCode}`,
              provinceCode: '40',
              legalForm: 'cooperative',
            },
            products: [{ name: 'Chè xanh Thanh Chương' }],
            boothCount: 1,
          },
          `outage-${i}`,
        );
        expect([held.status, held.body.state]).toEqual([201, 'held']);
        return call(caller, 'POST', `/api/v1/fairs/${fairId}/registrations/${held.body.id}/confirm`);
      }),
    );
    expect(confirmed.map((c) => [c.status, c.body.state])).toEqual(Array(BOOKINGS).fill([200, 'allocated']));

    const pending = await db.query<{ id: string; type: string }>(
      `SELECT envelope ->> 'id' AS id, type FROM outbox WHERE published_at IS NULL AND type LIKE 'trade-fairs.%'`,
    );
    const allocatedIds = pending.rows
      .filter((r) => r.type === 'trade-fairs.booth.allocated')
      .map((r) => r.id);
    expect(allocatedIds.length).toBe(BOOKINGS);
    expect((await db.query(`SELECT 1 FROM outbox WHERE published_at IS NOT NULL`)).rowCount).toBe(0);

    await stop();
    await start(testInfrastructure().brokers.join(','));
    await eventually(
      async () => (await db.query(`SELECT 1 FROM outbox WHERE published_at IS NULL`)).rowCount === 0,
      60_000,
    );
    const wanted = new Set(pending.rows.map((r) => r.id));
    const seen = new Set<string>();
    // The shared broker holds every run's fair events: look at each message once, not the whole list per message.
    let checked = 0;
    await collectMessages(testKafka('outage-check'), 'trade-fairs.fair.events', (messages) => {
      for (; checked < messages.length; checked++) {
        const m = messages[checked];
        // The shared broker also holds the poison e2e test's garbage (not JSON, tombstones): skip it.
        const id = m.headers?.['kc-event-id']?.toString();
        if (id !== undefined && wanted.has(id)) seen.add(id);
      }
      return seen.size === wanted.size;
    });
    expect(allocatedIds.every((id) => seen.has(id))).toBe(true);
  }, 300_000);
});
