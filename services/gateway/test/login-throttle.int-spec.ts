import { REDIS, type Redis } from '@kc/cache';
import { bootGateway, client, startStubUpstream, type BootedGateway } from './support/gateway-harness';

const PASSWORD = 'khuyencong2026';

/**
 * Login throttling per account at an address, and per address, behind a proxy the gateway trusts (so each
 * test picks its client address in X-Forwarded-For). Addresses from 198.51.100.0/24 (documentation range).
 */
describe('login throttling per account and address', () => {
  let gateway: BootedGateway;
  let upstream: Awaited<ReturnType<typeof startStubUpstream>>;
  let call: ReturnType<typeof client>;

  const login = (username: string, from: string, password = PASSWORD) =>
    call('POST', '/api/v1/auth/login', {
      body: { username, password },
      headers: { 'x-forwarded-for': from },
    });

  beforeAll(async () => {
    upstream = await startStubUpstream();
    gateway = await bootGateway({
      database: 'gateway_login',
      upstreamUrl: upstream.url,
      env: { AUTH_DEMO_USERS: 'true', TRUST_PROXY: 'loopback' },
    });
    call = client(gateway.url);
    // Forget earlier runs' counts, locks and marks for the addresses used here.
    const redis = gateway.app.get<Redis>(REDIS);
    const keys: string[] = [];
    for await (const batch of redis.scanIterator({ MATCH: 'kc:gateway:login:*198.51.100.*', COUNT: 500 }))
      keys.push(...batch);
    if (keys.length > 0) await redis.del(keys);
  }, 120_000);

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  it('locks an account after 5 wrong passwords at that address only: elsewhere it still logs in', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await login('giamkhao.7', '198.51.100.1', `wrong-${attempt}`)).status).toBe(401);
    }
    const locked = await login('giamkhao.7', '198.51.100.1');
    expect([locked.status, locked.body['code']]).toEqual([429, 'auth.locked']);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect((await login('giamkhao.7', '198.51.100.2')).status).toBe(200);
    expect((await login('giamkhao.6', '198.51.100.1')).status).toBe(200);
  });

  it('locks an address after 100 failures, except for accounts that logged in from it lately', async () => {
    const spraying = '198.51.100.3';
    expect((await login('giamkhao.4', spraying)).status).toBe(200);
    for (let batch = 0; batch < 10; batch++) {
      const replies = await Promise.all(
        Array.from({ length: 10 }, (_, i) => login(`khong.ai.${batch * 10 + i}`, spraying, 'doan-mo')),
      );
      expect(replies.map((r) => r.status)).toEqual(Array(10).fill(401));
    }
    const stranger = await login('giamkhao.5', spraying);
    expect([stranger.status, stranger.body['code']]).toEqual([429, 'auth.locked']);
    expect(stranger.body['detail']).toMatch(/address/);
    expect((await login('giamkhao.4', spraying)).status).toBe(200);
    expect((await login('giamkhao.5', '198.51.100.4')).status).toBe(200);
  }, 60_000);
});
