import type { RegistrationView } from '@kc/contracts';
import { freePort } from '@kc/service-testing';
import { business, collectMessages, eventually, testKafka } from '@kc/testing';
import { CERTIFICATE_TOPIC, certificateIssued } from './support/award-certificates';
import { registrationBody } from './support/fair-givens';
import { useTradeFairsProcess } from './support/trade-fairs-process';

const BOOKINGS = 20;
const BOOTHS_TOTAL = BOOKINGS;

/**
 * Kafka unreachable from the start (a closed loopback port): bookings still commit, their events wait in the
 * outbox; started again on the same database against the real broker, the service publishes them.
 */
describe('bookings while Kafka is unreachable', () => {
  const trade = useTradeFairsProcess('trade_fairs_kafka_outage');
  const { as, db, createFair, addBooths } = trade;

  it('commits bookings with Kafka down and publishes their events once it is back', async () => {
    await trade.start(`127.0.0.1:${await freePort()}`);
    const { id: fairId } = await createFair({
      name: 'Hội chợ triển lãm hàng CNNT tiêu biểu tỉnh Nghệ An 2026',
      scale: 'provincial',
      regionCode: undefined,
      provinceCode: '40',
      startDate: '2026-10-02',
      endDate: '2026-10-05',
      boothCount: BOOTHS_TOTAL,
    });
    await addBooths(fairId, BOOTHS_TOTAL, (i) => ({
      code: `N-${String(i + 1).padStart(2, '0')}`,
      hall: 'Nhà N',
      zone: undefined,
      rentVnd: 8_000_000,
      layout: { x: i * 3, y: 0, w: 3, h: 3 },
    }));

    const confirmed = await Promise.all(
      Array.from({ length: BOOKINGS }, async (_, i) => {
        const taxCode = String(7_000_000_000 + i);
        const caller = business(taxCode);
        const held = await as(caller).post<RegistrationView>(
          `/api/v1/fairs/${fairId}/registrations`,
          registrationBody(taxCode, '40', {
            facility: { name: `Cơ sở chế biến chè ${taxCode}`, legalForm: 'cooperative' },
            products: [{ name: 'Chè xanh Thanh Chương' }],
          }),
          { 'idempotency-key': `outage-${i}` },
        );
        expect([held.status, held.body.state]).toEqual([201, 'held']);
        return as(caller).post<RegistrationView>(
          `/api/v1/fairs/${fairId}/registrations/${held.body.id}/confirm`,
        );
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

    await trade.service.stop();
    await trade.start();
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

  it('consumes the awards service’s certificate events as its own consumer group, once the broker answers', async () => {
    const issued = certificateIssued('7100000001', { number: `QG-2025-${Date.now() % 10_000}` });
    const producer = testKafka('outage-certificates').producer();
    await producer.connect();
    await producer.send({
      topic: CERTIFICATE_TOPIC,
      acks: -1,
      messages: [{ key: issued.aggregateId, value: JSON.stringify(issued) }],
    });
    await producer.disconnect();
    // The group reads what the shared broker holds before this event, and may wait for a killed member's session.
    await eventually(
      async () =>
        (await db.query(`SELECT 1 FROM award_certificate_ref WHERE number = $1`, [issued.payload.number]))
          .rowCount === 1,
      90_000,
    );
  }, 120_000);
});
