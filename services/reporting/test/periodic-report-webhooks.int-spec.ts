import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { central, officer } from '@kc/testing';
import { verifySignature } from '../src/domain/periodic-reports';
import { PeriodicReportsClock } from '../src/application/periodic-reports/periodic-reports-clock';
import { ReminderSchedulerService } from '../src/application/periodic-reports/reminder-scheduler.service';
import { WebhookWorkerService } from '../src/application/periodic-reports/webhook-worker.service';
import { otherProvincialSystem, provincialSystem } from './support/provincial-systems';
import { useReportingContext } from './support/reporting-context';

interface Received {
  eventId: string;
  header: string;
  body: string;
}

/**
 * A provincial system's receiver that is unreachable, then answers 503, then takes deliveries — following the
 * worker's injected clock, so a minute-long outage is walked through the real retry schedule without sleeping.
 */
class Receiver {
  server: Server | null = null;
  received: Received[] = [];
  failing = true;
  constructor(readonly port: number) {}

  async up(): Promise<void> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (this.failing) {
          res.writeHead(503).end();
          return;
        }
        this.received.push({
          eventId: String(req.headers['kc-event-id']),
          header: String(req.headers['kc-signature']),
          body: Buffer.concat(chunks).toString('utf8'),
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('webhook delivery to a provincial system', () => {
  const context = useReportingContext('reporting_periodic_webhooks', { consumeEvents: false });
  const { as, db } = context;
  let receiver: Receiver;
  let clock: PeriodicReportsClock;
  let now = new Date('2026-04-07T02:00:00Z');

  beforeAll(async () => {
    receiver = new Receiver(await freePort());
    clock = context.service.app.get(PeriodicReportsClock);
    clock.now = () => now;
  });
  afterAll(() => receiver.down());

  /** A worker as a fresh process would build it: nothing in memory, only the tables (and the shortest jitter). */
  const freshWorker = () => {
    const worker = new WebhookWorkerService(context.service.app.get(DataSource), clock, 0);
    worker.random = () => 0; // the shortest delays: the most attempts inside the outage
    return worker;
  };

  it('refuses a subscription made by anyone but the client itself', async () => {
    const reply = await as(officer('40')).post(`/api/v1/api-clients/${provincialSystem.id}/webhooks`, {
      url: 'http://127.0.0.1:1/hook',
      events: ['periodic-report.reminder'],
    });
    expect([reply.status, reply.body.code]).toEqual([403, 'webhook.client-only']);
    const bad = await as(provincialSystem).post(`/api/v1/api-clients/${provincialSystem.id}/webhooks`, {
      url: 'ftp://127.0.0.1/hook',
      events: [],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(['body.events', 'body.url']);
  });

  it('delivers a reminder signed, once, after the receiver was down for a minute', async () => {
    const created = await as(provincialSystem).post<{ id: string; secret: string }>(
      `/api/v1/api-clients/${provincialSystem.id}/webhooks`,
      {
        url: `http://127.0.0.1:${receiver.port}/kc-hooks`,
        events: ['periodic-report.reminder', 'periodic-report.overdue'],
      },
    );
    expect(created.status).toBe(201);
    const { id: subscriptionId, secret } = created.body;

    // 08/04/2026 09:00 in Việt Nam: 7 days before the Q1 deadline (15/04) — one reminder per unit.
    const t0 = new Date('2026-04-08T02:00:00Z');
    now = t0;
    expect(await context.service.app.get(ReminderSchedulerService).runOnce()).toBe(34);
    const {
      rows: [delivery],
    } = await db.query(`SELECT id, event_id FROM webhook_delivery WHERE subscription_id = $1`, [
      subscriptionId,
    ]);
    expect(delivery).toBeDefined();
    const { rows: all } = await db.query(`SELECT 1 FROM webhook_delivery WHERE subscription_id = $1`, [
      subscriptionId,
    ]);
    expect(all).toHaveLength(1); // only its own province's notice

    // The minute: unreachable (connection refused) for its first half, 503 for the second; a fresh worker for each
    // attempt, as after a restart — the schedule lives in the delivery row.
    const outageEnds = t0.getTime() + 60_000;
    const attemptTimes: number[] = [];
    for (let round = 0; round < 10 && receiver.received.length === 0; round++) {
      if (now.getTime() >= t0.getTime() + 30_000 && !receiver.server) await receiver.up();
      receiver.failing = now.getTime() < outageEnds;
      // Two workers at once: the claim lets only one of them try.
      const tried = await Promise.all([freshWorker().runOnce(), freshWorker().runOnce()]);
      expect(tried.reduce((a, b) => a + b, 0)).toBe(1);
      attemptTimes.push(now.getTime() - t0.getTime());
      const {
        rows: [state],
      } = await db.query(`SELECT status, next_attempt_at FROM webhook_delivery WHERE id = $1`, [delivery.id]);
      if (state.status !== 'pending') break;
      now = state.next_attempt_at;
    }

    // With the shortest jitter the attempts fall at 0, 5, 15, 35 and 75 s: the fifth, after the minute, arrives.
    expect(attemptTimes).toEqual([0, 5_000, 15_000, 35_000, 75_000]);
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(got.eventId).toBe(delivery.event_id);
    expect(JSON.parse(got.body)).toMatchObject({
      id: delivery.event_id,
      type: 'periodic-report.reminder',
      data: { provinceCode: '40', formId: 'sct-khuyen-cong-quy', period: '2026-Q1' },
    });
    expect(
      verifySignature({
        header: got.header,
        body: got.body,
        secrets: [secret],
        nowSeconds: now.getTime() / 1000,
      }),
    ).toEqual({ ok: true, timestamp: Math.floor(now.getTime() / 1000) });
    expect(
      verifySignature({
        header: got.header,
        body: got.body,
        secrets: ['x'.repeat(64)],
        nowSeconds: now.getTime() / 1000,
      }),
    ).toEqual({ ok: false, reason: 'mismatch' });

    // Delivered is final: later passes try nothing, the receiver hears it once.
    now = new Date(now.getTime() + 3_600_000);
    expect(await freshWorker().runOnce()).toBe(0);
    expect(receiver.received).toHaveLength(1);

    const log = await as(provincialSystem).get<{
      items: {
        eventId: string;
        status: string;
        attempts: { httpStatus: number | null; error: string | null }[];
      }[];
    }>(`/api/v1/api-clients/${provincialSystem.id}/webhooks/${subscriptionId}/deliveries`);
    expect(log.status).toBe(200);
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0].status).toBe('delivered');
    expect(log.body.items[0].attempts.map((a) => a.httpStatus)).toEqual([null, null, null, 503, 204]);
    expect(log.body.items[0].attempts[0].error).toBe('ECONNREFUSED');
    // Exactly one success is logged, and the table would refuse a second.
    const { rows: successes } = await db.query(
      `SELECT number FROM webhook_attempt WHERE delivery_id = $1 AND http_status BETWEEN 200 AND 299`,
      [delivery.id],
    );
    expect(successes).toEqual([{ number: 5 }]);
    await expect(
      db.query(
        `INSERT INTO webhook_attempt (delivery_id, number, at, http_status, latency_ms) VALUES ($1, 6, now(), 200, 1)`,
        [delivery.id],
      ),
    ).rejects.toThrow(/webhook_attempt_one_success/);

    // Another client's log is not disclosed; the agency's administrator reads it.
    const other = await as(otherProvincialSystem).get(
      `/api/v1/api-clients/${provincialSystem.id}/webhooks/${subscriptionId}/deliveries`,
    );
    expect(other.status).toBe(404);
    const admin = await as({ ...central, id: 'u-admin', role: 'central-admin' }).get(
      `/api/v1/api-clients/${provincialSystem.id}/webhooks`,
    );
    expect(admin.status).toBe(200);
  });
});
