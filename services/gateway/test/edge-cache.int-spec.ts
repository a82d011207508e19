import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@kc/contracts';
import { createClient } from 'redis';
import { DATA_CHANGED_CHANNEL } from '@kc/cache';
import { createTopics, eventually, testInfrastructure, testKafka } from '@kc/testing';
import { bootGateway, client, startStubUpstream, type BootedGateway } from './support/gateway-harness';

/** An audit event as a service's outbox publishes it after a committed change. */
const auditEvent = (producer: string): EventEnvelope => {
  const resourceId = randomUUID();
  return {
    id: randomUUID(),
    type: 'audit.record.appended',
    version: 1,
    occurredAt: new Date().toISOString(),
    producer,
    aggregateId: resourceId,
    provinceCode: null,
    actor: { kind: 'user', id: 'cuc.admin', role: 'central-admin' },
    correlationId: randomUUID(),
    causationId: null,
    payload: {
      action: 'fair.update',
      resourceType: 'fair',
      resourceId,
      provinceCode: null,
      summary: `Cập nhật hội chợ (edge cache test ${producer})`,
      ip: null,
      userAgent: null,
      causedByEvent: null,
    },
  };
};

describe("the edge keeps a shared answer until the service's data changes", () => {
  let gateway: BootedGateway;
  let second: BootedGateway;
  let upstream: Awaited<ReturnType<typeof startStubUpstream>>;
  let admin: string;
  let officer: string;
  /** The second instance keeps its own signing keys (its own database): it signs in its own callers. */
  let secondAdmin: string;

  const asked = (path: string) => upstream.calls.filter((c) => c.method === 'GET' && c.url === path).length;
  const login = async (url: string, username: string) => {
    const reply = await client(url)<Record<string, string>>('POST', '/api/v1/auth/login', {
      body: { username, password: 'khuyencong2026' },
    });
    return reply.body.accessToken;
  };
  const publish = async (envelope: EventEnvelope) => {
    const producer = testKafka('gateway-edge-cache-test').producer();
    await producer.connect();
    await producer.send({
      topic: 'audit.record.events',
      acks: -1,
      messages: [{ key: envelope.aggregateId, value: JSON.stringify(envelope) }],
    });
    await producer.disconnect();
  };

  beforeAll(async () => {
    upstream = await startStubUpstream();
    await createTopics(testKafka(), ['audit.record.events']);
    gateway = await bootGateway({
      database: 'gateway_edge_cache',
      upstreamUrl: upstream.url,
      consumeEvents: true,
      env: { AUTH_DEMO_USERS: 'true' },
    });
    // A second instance on the same Redis, consuming no events: it hears of changes on the channel.
    second = await bootGateway({
      database: 'gateway_edge_cache_2',
      upstreamUrl: upstream.url,
      env: { AUTH_DEMO_USERS: 'true' },
    });
    admin = await login(gateway.url, 'cuc.admin');
    officer = await login(gateway.url, 'sct.40');
    secondAdmin = await login(second.url, 'cuc.admin');
  }, 120_000);

  afterAll(async () => {
    await second?.close();
    await gateway?.close();
    await upstream?.close();
  });

  it('asks the service once for the same read, whoever the admitted caller, and once per distinct query', async () => {
    const path = `/api/v1/fairs?limit=5&year=2031`;
    const first = await client(gateway.url)('GET', path, { token: admin });
    const again = await client(gateway.url)('GET', path, { token: officer });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    expect(asked(path)).toBe(1);
    // A dashboard that holds the answer's validator is told nothing changed. (fetch adds `no-cache` to a
    // conditional request unless told otherwise, and no-cache asks the server not to answer 304.)
    const etag = again.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);
    const unchanged = await client(gateway.url)('GET', path, {
      token: admin,
      headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' },
    });
    expect(unchanged.status).toBe(304);
    // fetch takes gzip and unpacks it: the same answer, a fraction of the bytes on the wire.
    const packed = await fetch(`${gateway.url}${path}`, {
      headers: { authorization: `Bearer ${admin}`, 'accept-encoding': 'gzip' },
    });
    expect(packed.headers.get('content-encoding')).toBe('gzip');
    expect(packed.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await packed.json()).toEqual(first.body);

    await client(gateway.url)('GET', `/api/v1/fairs?limit=6&year=2031`, { token: admin });
    expect(asked(`/api/v1/fairs?limit=6&year=2031`)).toBe(1);
    expect(asked(path)).toBe(1);
  });

  it('still checks access on every request: a caller the route refuses gets no kept answer', async () => {
    const path = `/api/v1/fairs?limit=5&year=2032`;
    await client(gateway.url)('GET', path, { token: admin });
    const anonymous = await client(gateway.url)('GET', path);
    expect(anonymous.status).toBe(401);
    expect(asked(path)).toBe(1);
  });

  it('asks again after a write relayed through it', async () => {
    const path = `/api/v1/fairs?limit=5&year=2033`;
    await client(gateway.url)('GET', path, { token: admin });
    const before = asked(path);

    const write = await client(gateway.url)('POST', `/api/v1/fairs/${randomUUID()}/registration-window`, {
      token: admin,
      body: { opensAt: '2033-03-01T08:00:00+07:00', closesAt: '2033-03-20T17:00:00+07:00' },
    });
    expect(upstream.calls.at(-1)?.method).toBe('POST');
    expect(write.status).toBe(200);
    // The writer's next read waits for an answer fetched after its write.
    await client(gateway.url)('GET', path, { token: admin });
    expect(asked(path)).toBe(before + 1);
  });

  it("asks again, on every instance, when a service's relay says a write of it committed", async () => {
    const path = `/api/v1/fairs?limit=5&year=2035`;
    await client(gateway.url)('GET', path, { token: admin });
    await client(second.url)('GET', path, { token: secondAdmin });
    expect(asked(path)).toBe(2);

    // What trade-fairs' outbox relay publishes at a commit.
    const redis = createClient({ url: testInfrastructure().redisUrl });
    await redis.connect();
    await redis.publish(DATA_CHANGED_CHANNEL, 'trade-fairs');
    await redis.close();
    await eventually(async () => {
      await client(gateway.url)('GET', path, { token: admin });
      await client(second.url)('GET', path, { token: secondAdmin });
      return asked(path) === 4;
    });
  });

  it("asks again once the service's audit event arrives, and not for another service's", async () => {
    const path = `/api/v1/fairs?limit=5&year=2034`;
    await client(gateway.url)('GET', path, { token: admin });
    expect(asked(path)).toBe(1);

    // Another service's change: once the trail shows it, the kept fair list still stands.
    const other = auditEvent('reporting');
    await publish(other);
    await eventually(async () => {
      const trail = await client(gateway.url)<{ total: number }>(
        'GET',
        `/api/v1/audit?resourceId=${other.aggregateId}&kind=all`,
        { token: admin },
      );
      return trail.body.total === 1;
    }, 45_000);
    await client(gateway.url)('GET', path, { token: admin });
    expect(asked(path)).toBe(1);

    await publish(auditEvent('trade-fairs'));
    await eventually(async () => {
      await client(gateway.url)('GET', path, { token: admin });
      return asked(path) === 2;
    }, 45_000);
  }, 60_000);

  it('keeps nothing of a route the table does not mark shared', async () => {
    const path = `/api/v1/fairs/${randomUUID()}/registrations?limit=5`;
    await client(gateway.url)('GET', path, { token: admin });
    await client(gateway.url)('GET', path, { token: admin });
    expect(asked(path)).toBe(2);
  });
});
