import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import type { Principal } from '@kc/contracts';
import { central, officer } from '@kc/testing';
import { defaultRetryPolicy, verifySignature } from '../src/domain/periodic-reports';
import { PeriodicReportsClock } from '../src/application/periodic-reports/periodic-reports-clock';
import { WebhookWorkerService } from '../src/application/periodic-reports/webhook-worker.service';
import { otherProvincialSystem, provincialSystem } from './support/provincial-systems';
import { useReportingContext } from './support/reporting-context';

const system = provincialSystem;
const otherSystem = otherProvincialSystem;
const admin: Principal = { ...central, id: 'u-admin', name: 'cuc.quantri', role: 'central-admin' };

interface Received {
  eventId: string;
  signatures: number;
  verified: boolean;
}

/**
 * A provincial system's endpoint that verifies KC-Signature with the secrets it holds, as a real receiver does,
 * against the worker's injected clock: 204 when a `v1` matches, 401 when none does; 503 while `down`.
 */
class Receiver {
  private server: Server | null = null;
  received: Received[] = [];
  down = false;
  constructor(
    public secrets: string[],
    private readonly now: () => Date,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/kc-hooks`;
  }

  async up(): Promise<this> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (this.down) {
          res.writeHead(503).end();
          return;
        }
        const header = String(req.headers['kc-signature']);
        const body = Buffer.concat(chunks).toString('utf8');
        const verdict = verifySignature({
          header,
          body,
          secrets: this.secrets,
          nowSeconds: Math.floor(this.now().getTime() / 1000),
        });
        this.received.push({
          eventId: String(req.headers['kc-event-id']),
          signatures: header.split(',').filter((p) => p.startsWith('v1=')).length,
          verified: verdict.ok,
        });
        res.writeHead(verdict.ok ? 204 : 401).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

interface Delivery {
  id: string;
  eventId: string;
  kind: string;
  status: string;
  attempts: { number: number; httpStatus: number | null; error: string | null }[];
  nextAttemptAt: string | null;
  cancelledAt: string | null;
  redrives: number;
}

describe('managing webhooks: secret rotation, unsubscribing, redriving', () => {
  const context = useReportingContext('reporting_webhook_management', { consumeEvents: false });
  const { as, db } = context;
  let now = new Date('2026-04-08T02:00:00Z');
  const clockNow = () => now;
  const receivers: Receiver[] = [];
  let policy = defaultRetryPolicy;

  beforeAll(() => {
    context.service.app.get(PeriodicReportsClock).now = clockNow;
  });
  afterAll(() => Promise.all(receivers.map((r) => r.close())));

  const receiver = async (secrets: string[]) => {
    const r = await new Receiver(secrets, clockNow).up();
    receivers.push(r);
    return r;
  };
  /** One pass of a worker as a fresh process builds it (the shortest jitter): how many deliveries it tried. */
  const deliverDue = () => {
    const worker = new WebhookWorkerService(
      context.service.app.get(DataSource),
      context.service.app.get(PeriodicReportsClock),
      0,
    );
    worker.random = () => 0;
    worker.policy = policy;
    return worker.runOnce();
  };
  const hooks = (clientId = system.id) => `/api/v1/api-clients/${clientId}/webhooks`;

  async function subscribe(url: string): Promise<{ id: string; secret: string }> {
    const created = await as(system).post<{ id: string; secret: string }>(hooks(), {
      url,
      events: ['periodic-report.reminder'],
    });
    expect([created.status, created.body.code]).toEqual([201, undefined]);
    return created.body;
  }
  async function ping(subscriptionId: string): Promise<Delivery> {
    const sent = await as(system).post<Delivery>(`${hooks()}/${subscriptionId}/pings`);
    expect([sent.status, sent.body.code]).toEqual([202, undefined]);
    expect(sent.body).toMatchObject({ kind: 'webhook.ping', status: 'pending', attempts: [] });
    return sent.body;
  }
  async function log(subscriptionId: string, query = '', by: Principal = system) {
    const reply = await as(by).get<{ items: Delivery[]; total: number }>(
      `${hooks()}/${subscriptionId}/deliveries${query}`,
    );
    expect(reply.status).toBe(200);
    return reply.body;
  }
  const rotate = (subscriptionId: string, key: string | null, body: object = {}) =>
    as(system).post<{ secret: string; rotation: number; previousSecretExpiresAt: string | null }>(
      `${hooks()}/${subscriptionId}/secret-rotations`,
      body,
      key === null ? {} : { 'idempotency-key': key },
    );

  it('rotates the secret: during the overlap receivers holding only the old or only the new secret both verify, after it only the new', async () => {
    const rotatedAt = new Date('2026-04-08T02:00:00Z');
    now = rotatedAt;
    const holdsOld = await receiver([]);
    const { id, secret: oldSecret } = await subscribe(holdsOld.url);
    holdsOld.secrets = [oldSecret];

    const keyless = await rotate(id, null);
    expect([keyless.status, keyless.body.errors?.map((e) => e.field)]).toEqual([
      400,
      ['header.idempotency-key'],
    ]);
    const tooLong = await rotate(id, 'r-too-long', { overlapSeconds: 86_401 });
    expect([tooLong.status, tooLong.body.errors?.map((e) => e.field)]).toEqual([
      400,
      ['body.overlapSeconds'],
    ]);

    const rotated = await rotate(id, 'rotation-1');
    expect(rotated.status).toBe(201);
    const newSecret = rotated.body.secret;
    expect(newSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(newSecret).not.toBe(oldSecret);
    expect(rotated.body).toMatchObject({
      rotation: 1,
      previousSecretExpiresAt: '2026-04-09T02:00:00.000Z', // 24 h after the rotation
    });
    // A retry whose answer was lost: the same secret, no second rotation; the key is not reusable for another overlap.
    const retried = await rotate(id, 'rotation-1');
    expect([retried.status, retried.headers.get('idempotent-replayed'), retried.body]).toEqual([
      201,
      'true',
      rotated.body,
    ]);
    const reused = await rotate(id, 'rotation-1', { overlapSeconds: 60 });
    expect([reused.status, reused.body.code]).toEqual([409, 'idempotency.key-reused']);
    expect((await db.query(`SELECT rotations FROM webhook_subscription WHERE id = $1`, [id])).rows).toEqual([
      { rotations: 1 },
    ]);

    // The secrets are never shown again: not in one subscription, not in the list.
    const one = await as(system).get(`${hooks()}/${id}`);
    const all = await as(system).get(hooks());
    for (const answer of [one, all]) {
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).not.toContain(oldSecret);
      expect(JSON.stringify(answer.body)).not.toContain(newSecret);
    }
    expect(one.body).toMatchObject({
      secretRotatedAt: rotatedAt.toISOString(),
      previousSecretExpiresAt: '2026-04-09T02:00:00.000Z',
    });
    expect(one.body).not.toHaveProperty('secret');

    // An hour into the overlap: the receiver that still holds only the old secret verifies…
    now = new Date(rotatedAt.getTime() + 3_600_000);
    const first = await ping(id);
    expect(await deliverDue()).toBe(1);
    expect(holdsOld.received).toEqual([{ eventId: first.eventId, signatures: 2, verified: true }]);
    // …and so does one that already holds only the new secret (the same subscription, moved to it).
    const holdsNew = await receiver([newSecret]);
    const moved = await as(system).patch(`${hooks()}/${id}`, { url: holdsNew.url });
    expect([moved.status, moved.body.url]).toEqual([200, holdsNew.url]);
    const second = await ping(id);
    expect(await deliverDue()).toBe(1);
    expect(holdsNew.received).toEqual([{ eventId: second.eventId, signatures: 2, verified: true }]);

    // The overlap is over: one signature, by the new secret only.
    now = new Date(rotatedAt.getTime() + 24 * 3_600_000);
    const third = await ping(id);
    expect(await deliverDue()).toBe(1);
    expect(holdsNew.received[1]).toEqual({ eventId: third.eventId, signatures: 1, verified: true });
    expect((await as(system).get(`${hooks()}/${id}`)).body).toMatchObject({ previousSecretExpiresAt: null });
    await as(system).patch(`${hooks()}/${id}`, { url: holdsOld.url });
    const fourth = await ping(id);
    expect(await deliverDue()).toBe(1);
    expect(holdsOld.received[1]).toEqual({ eventId: fourth.eventId, signatures: 1, verified: false });
    const refused = (await log(id)).items.find((d) => d.id === fourth.id)!;
    expect([refused.status, refused.attempts.map((a) => a.httpStatus)]).toEqual(['pending', [401]]);

    // A leaked secret: rotated with no overlap, the one it replaces stops signing at once, and the first
    // rotation's key can no longer show a secret that is not current.
    const urgent = await rotate(id, 'rotation-2', { overlapSeconds: 0 });
    expect([urgent.status, urgent.body.rotation, urgent.body.previousSecretExpiresAt]).toEqual([
      201,
      2,
      null,
    ]);
    holdsOld.secrets = [urgent.body.secret];
    now = new Date(now.getTime() + 5_000); // the retry of the refused ping is due
    expect(await deliverDue()).toBe(1);
    expect(holdsOld.received[2]).toEqual({ eventId: fourth.eventId, signatures: 1, verified: true });
    const superseded = await rotate(id, 'rotation-1');
    expect([superseded.status, superseded.body.code]).toEqual([409, 'webhook.rotation-superseded']);

    // The database keeps the rule: at most a day of overlap, and secrets change only by a recorded rotation.
    await expect(
      db.query(
        `UPDATE webhook_subscription SET previous_secret = repeat('a', 64),
            previous_secret_expires_at = secret_rotated_at + interval '25 hours' WHERE id = $1`,
        [id],
      ),
    ).rejects.toThrow(/webhook_subscription_previous_secret|only by a rotation/);
    await expect(
      db.query(`UPDATE webhook_subscription SET secret = repeat('b', 64) WHERE id = $1`, [id]),
    ).rejects.toThrow(/only by a rotation/);
  });

  it('unsubscribing cancels the pending deliveries, keeps the log, erases the secrets and sends nothing more', async () => {
    now = new Date('2026-04-10T02:00:00Z');
    const endpoint = await receiver([]);
    endpoint.down = true;
    const { id } = await subscribe(endpoint.url);
    const pings = [await ping(id), await ping(id)];
    expect(await deliverDue()).toBe(2);
    expect((await log(id, '?status=pending')).total).toBe(2);

    now = new Date(now.getTime() + 1_000);
    const gone = await as(system).delete(`${hooks()}/${id}`);
    expect([gone.status, gone.body.unsubscribedAt, gone.body.active]).toEqual([
      200,
      now.toISOString(),
      false,
    ]);

    const cancelled = await log(id, '?status=cancelled');
    expect(cancelled.total).toBe(2);
    expect(cancelled.items.map((d) => d.id).sort()).toEqual(pings.map((p) => p.id).sort());
    for (const d of cancelled.items) {
      expect(d).toMatchObject({ cancelledAt: now.toISOString(), nextAttemptAt: null });
      expect(d.attempts.map((a) => a.httpStatus)).toEqual([503]); // the log of what was tried stays
    }
    expect((await log(id, '?status=pending')).total).toBe(0);
    const { rows: secrets } = await db.query(
      `SELECT secret, previous_secret FROM webhook_subscription WHERE id = $1`,
      [id],
    );
    expect(secrets).toEqual([{ secret: null, previous_secret: null }]);

    // Nothing goes out any more, even when the retries would have been due.
    endpoint.down = false;
    now = new Date(now.getTime() + 3_600_000);
    expect(await deliverDue()).toBe(0);
    expect(endpoint.received).toEqual([]);

    // It cannot be revived, changed or sent to; unsubscribing again answers the same.
    for (const reply of [
      await as(system).patch(`${hooks()}/${id}`, { active: true }),
      await rotate(id, 'after-unsubscribe'),
      await as(system).post(`${hooks()}/${id}/pings`),
    ]) {
      expect([reply.status, reply.body.code]).toEqual([409, 'webhook.unsubscribed']);
    }
    const again = await as(system).delete(`${hooks()}/${id}`);
    expect([again.status, again.body.unsubscribedAt]).toEqual([200, gone.body.unsubscribedAt]);
    const listed = await as(system).get<{ items: { id: string }[] }>(hooks());
    expect(listed.body.items.map((s) => s.id)).not.toContain(id);
    const withGone = await as(system).get<{ items: { id: string }[] }>(`${hooks()}?includeUnsubscribed=true`);
    expect(withGone.body.items.map((s) => s.id)).toContain(id);

    // The database holds it too: no new pending delivery, no revival, no deletion of the record.
    await expect(
      db.query(
        `INSERT INTO webhook_delivery (id, subscription_id, event_id, kind, body, status, next_attempt_at, created_at)
         VALUES (gen_random_uuid(), $1, gen_random_uuid(), 'webhook.ping', '{}', 'pending', now(), now())`,
        [id],
      ),
    ).rejects.toThrow(/unsubscribed/);
    await expect(
      db.query(`UPDATE webhook_subscription SET active = true WHERE id = $1`, [id]),
    ).rejects.toThrow(/never changes/);
    await expect(db.query(`DELETE FROM webhook_subscription WHERE id = $1`, [id])).rejects.toThrow(
      /never deleted/,
    );
    await expect(
      db.query(`UPDATE webhook_delivery SET status = 'pending', next_attempt_at = now() WHERE id = $1`, [
        pings[0].id,
      ]),
    ).rejects.toThrow(/cancelled is final/);
  });

  it('a paused subscription holds its deliveries and sends them on resume', async () => {
    now = new Date('2026-04-11T02:00:00Z');
    const { id, secret } = await subscribe((await receiver([])).url);
    const endpoint = receivers[receivers.length - 1];
    endpoint.secrets = [secret];
    const paused = await as(system).patch(`${hooks()}/${id}`, { active: false });
    expect([paused.status, paused.body.active]).toEqual([200, false]);
    const held = await ping(id);
    expect(await deliverDue()).toBe(0);
    const resumed = await as(system).patch(`${hooks()}/${id}`, { active: true });
    expect([resumed.status, resumed.body.active]).toEqual([200, true]);
    expect(await deliverDue()).toBe(1);
    expect(endpoint.received).toEqual([{ eventId: held.eventId, signatures: 1, verified: true }]);

    const empty = await as(system).patch(`${hooks()}/${id}`, {});
    expect([empty.status, empty.body.errors?.map((e) => e.field)]).toEqual([400, ['body']]);
    const plain = await as(system).patch(`${hooks()}/${id}`, { url: 'http://example.org/hook' });
    expect([plain.status, plain.body.code]).toEqual([422, 'webhook.https-only']);
  });

  it('a given-up delivery is redriven with a fresh attempt budget, by the client or the agency, and arrives once', async () => {
    policy = { ...defaultRetryPolicy, maxAttempts: 3 };
    now = new Date('2026-04-12T02:00:00Z');
    const endpoint = await receiver([]);
    endpoint.down = true;
    const { id, secret } = await subscribe(endpoint.url);
    endpoint.secrets = [secret];
    const { id: deliveryId, eventId } = await ping(id);
    const redrive = (by: Principal, clientId = system.id) =>
      as(by).post<Delivery>(`${hooks(clientId)}/${id}/deliveries/${deliveryId}/redrive`);
    const state = async () =>
      (
        await db.query(`SELECT status, attempts, next_attempt_at FROM webhook_delivery WHERE id = $1`, [
          deliveryId,
        ])
      ).rows[0] as { status: string; attempts: number; next_attempt_at: Date | null };
    /** Tries the delivery at each due time until it leaves pending; returns the attempts made. */
    const tryUntilSettled = async () => {
      let tried = 0;
      for (let s = await state(); s.status === 'pending' && tried < 10; s = await state()) {
        now = s.next_attempt_at!;
        tried += await deliverDue();
      }
      return tried;
    };

    expect(await deliverDue()).toBe(1);
    const early = await redrive(system);
    expect([early.status, early.body.code]).toEqual([409, 'webhook.still-pending']);
    expect(await tryUntilSettled()).toBe(2);
    expect(await state()).toMatchObject({ status: 'given-up', attempts: 3, next_attempt_at: null });

    // The client redrives: due now, and three more attempts before it gives up again (a fresh budget).
    now = new Date(now.getTime() + 3_600_000);
    const byClient = await redrive(system);
    expect([
      byClient.status,
      byClient.body.status,
      byClient.body.nextAttemptAt,
      byClient.body.redrives,
    ]).toEqual([200, 'pending', now.toISOString(), 1]);
    expect(await tryUntilSettled()).toBe(3);
    expect(await state()).toMatchObject({ status: 'given-up', attempts: 6 });

    // Another client, or a user who is not the agency's administrator, learns nothing of it.
    for (const reply of [await redrive(otherSystem), await redrive(officer('40')), await redrive(central)]) {
      expect([reply.status, reply.body.code]).toEqual([404, 'webhook.client-not-found']);
    }
    expect((await redrive(otherSystem, otherSystem.id)).status).toBe(404);

    // The agency's administrator redrives it once the province's system is back: it arrives, once.
    endpoint.down = false;
    now = new Date(now.getTime() + 3_600_000);
    const byAdmin = await redrive(admin);
    expect([byAdmin.status, byAdmin.body.redrives]).toEqual([200, 2]);
    expect(await deliverDue()).toBe(1);
    expect(endpoint.received).toEqual([{ eventId, signatures: 1, verified: true }]);
    const delivered = (await log(id, '?status=delivered', admin)).items;
    expect(delivered.map((d) => [d.id, d.attempts.length, d.attempts[6].httpStatus])).toEqual([
      [deliveryId, 7, 204],
    ]);

    // Delivered is final: no redrive (409), no further attempt, and the database refuses a second send.
    const late = await redrive(admin);
    expect([late.status, late.body.code]).toEqual([409, 'webhook.already-delivered']);
    now = new Date(now.getTime() + 86_400_000);
    expect(await deliverDue()).toBe(0);
    expect(endpoint.received).toHaveLength(1);
    await expect(
      db.query(
        `UPDATE webhook_delivery SET status = 'pending', next_attempt_at = now(), delivered_at = NULL,
            redrives = redrives + 1, redriven_at = now(), redriven_by = 'sql' WHERE id = $1`,
        [deliveryId],
      ),
    ).rejects.toThrow(/delivered is final/);
    await expect(db.query(`DELETE FROM webhook_delivery WHERE id = $1`, [deliveryId])).rejects.toThrow(
      /never deleted/,
    );
    policy = defaultRetryPolicy;
  });

  it("answers 404 for another client's subscription; the agency's administrator reads but does not change it", async () => {
    now = new Date('2026-04-13T02:00:00Z');
    const { id } = await subscribe((await receiver([])).url);
    const path = `${hooks()}/${id}`;
    for (const reply of [
      await as(otherSystem).get(path),
      await as(otherSystem).patch(path, { active: false }),
      await as(otherSystem).delete(path),
      await as(otherSystem).post(`${path}/secret-rotations`, {}, { 'idempotency-key': 'k-other' }),
      await as(otherSystem).post(`${path}/pings`),
      await as(otherSystem).get(`${path}/deliveries`),
      await as(officer('40')).get(path),
    ]) {
      expect([reply.status, reply.body.code]).toEqual([404, 'webhook.client-not-found']);
    }
    // Its own client id with another's subscription id: not found either.
    const mixed = await as(otherSystem).get(`${hooks(otherSystem.id)}/${id}`);
    expect([mixed.status, mixed.body.code]).toEqual([404, 'webhook.not-found']);

    const read = await as(admin).get(path);
    expect([read.status, read.body.id]).toEqual([200, id]);
    expect(read.body).not.toHaveProperty('secret');
    for (const reply of [
      await as(admin).patch(path, { active: false }),
      await as(admin).delete(path),
      await as(admin).post(`${path}/secret-rotations`, {}, { 'idempotency-key': 'k-admin' }),
      await as(admin).post(`${path}/pings`),
    ]) {
      expect([reply.status, reply.body.code]).toEqual([403, 'webhook.client-only']);
    }
    expect((await as(system).get(path)).body).toMatchObject({ active: true, unsubscribedAt: null });
  });
});
