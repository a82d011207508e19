import { REDIS, type Redis } from '@kc/cache';
import { bootGateway, client, startStubUpstream, type BootedGateway } from './support/gateway-harness';

describe('per-address rate limit at the edge', () => {
  let gateway: BootedGateway;
  let upstream: Awaited<ReturnType<typeof startStubUpstream>>;
  let call: ReturnType<typeof client>;

  beforeAll(async () => {
    upstream = await startStubUpstream();
    gateway = await bootGateway({
      database: 'gateway_edge',
      upstreamUrl: upstream.url,
      env: { RATE_LIMIT_PER_IP_PER_MINUTE: '5' },
    });
    call = client(gateway.url);
  }, 120_000);

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  it('refuses the 6th request of a minute from one address with 429, whatever X-Forwarded-For claims', async () => {
    // Start in a fresh minute, with no count left over from earlier test files.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 55_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
    const redis = gateway.app.get<Redis>(REDIS);
    const keys: string[] = [];
    for await (const batch of redis.scanIterator({ MATCH: 'kc:gateway:rate:ip:*', COUNT: 500 }))
      keys.push(...batch);
    if (keys.length > 0) await redis.del(keys);

    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const spoofed = { 'x-forwarded-for': `198.51.100.${i}` };
      statuses.push((await call('GET', '/api/v1/reference/regions', { headers: spoofed })).status);
    }
    const sixth = await call('GET', '/api/v1/reference/regions', {
      headers: { 'x-forwarded-for': '198.51.100.99' },
    });
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(sixth.body).toMatchObject({ code: 'rate.address-limit', status: 429 });
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    // Health checks of the orchestrator are not counted.
    expect((await call('GET', '/health')).status).not.toBe(429);
  });

  it('answers a malformed or oversized body at the same edge: headers, correlation id, per-address count', async () => {
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 55_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
    const redis = gateway.app.get<Redis>(REDIS);
    const keys: string[] = [];
    for await (const batch of redis.scanIterator({ MATCH: 'kc:gateway:rate:ip:*', COUNT: 500 }))
      keys.push(...batch);
    if (keys.length > 0) await redis.del(keys);

    const post = (body: string, correlationId: string) =>
      fetch(`${gateway.url}/api/v1/plans`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-correlation-id': correlationId },
        body,
      });
    const edge = async (reply: Response) => ({
      status: reply.status,
      type: reply.headers.get('content-type'),
      nosniff: reply.headers.get('x-content-type-options'),
      correlationId: reply.headers.get('x-correlation-id'),
      problem: ((await reply.json()) as { status: number }).status,
    });
    expect(await edge(await post('{"year":', 'kc-edge-malformed'))).toEqual({
      status: 400,
      type: expect.stringMatching(/application\/problem\+json/),
      nosniff: 'nosniff',
      correlationId: 'kc-edge-malformed',
      problem: 400,
    });
    expect(await edge(await post(JSON.stringify({ note: 'x'.repeat(1_100_000) }), 'kc-edge-large'))).toEqual({
      status: 413,
      type: expect.stringMatching(/application\/problem\+json/),
      nosniff: 'nosniff',
      correlationId: 'kc-edge-large',
      problem: 413,
    });
    // Both counted: three more requests reach the limit of five, the next is refused at the same edge.
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await call('GET', '/api/v1/reference/regions')).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await fetch(`${gateway.url}/api/v1/reference/regions`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
    expect(refused.headers.get('x-correlation-id')).toEqual(expect.any(String));
  });
});
