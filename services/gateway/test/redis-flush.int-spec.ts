import { randomInt, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createClient, type RedisClientType } from 'redis';
import { REVOCATIONS_COMPLETE_KEY } from '@kc/auth';
import type { OAuthTokenResponse, RegisteredClient, TokenResponse } from '@kc/contracts';
import { createScratchDatabase, eventually, testInfrastructure } from '@kc/testing';
import { freePort, startServiceProcess, type ServiceProcess } from '@kc/service-testing';
import { bootGateway, client, startStubUpstream, type BootedGateway } from './support/gateway-harness';

/**
 * A Redis db of this file's own on the test profile's server, so that FLUSHDB takes nothing from the test
 * files that share db 1 (it would end their sessions and lockouts: what a flush costs, see the README).
 */
const OWN_DB = 11;
const PASSWORD = 'khuyencong2026';

/**
 * The real gateway and a real service (clusters, its own process) on one Redis db, which the tests flush —
 * and empty after dropping every connection, as a restart of a Redis without persistence does.
 */
describe('a Redis flush or restart (FLUSHDB on a live platform)', () => {
  let redisUrl: string;
  let redis: RedisClientType;
  let upstream: Awaited<ReturnType<typeof startStubUpstream>>;
  let gateway: BootedGateway;
  let clusters: ServiceProcess;
  let clustersDb: Client;
  let call: ReturnType<typeof client>;
  let direct: ReturnType<typeof client>;

  const login = async (username: string, password = PASSWORD) =>
    call<TokenResponse & { code?: string }>('POST', '/api/v1/auth/login', { body: { username, password } });
  const tokenOf = async (username: string) => (await login(username)).body.accessToken;
  /** What the gateway and the service answer to one token. */
  const answers = async (token: string) => ({
    gateway: (await call('GET', '/api/v1/clusters', { token })).status,
    service: (await direct('GET', '/api/v1/clusters', { token })).status,
  });
  const restored = () =>
    eventually(async () => (await redis.exists(REVOCATIONS_COMPLETE_KEY)) === 1, 10_000, 20);

  beforeAll(async () => {
    const infra = testInfrastructure();
    const url = new URL(infra.redisUrl);
    url.pathname = `/${OWN_DB}`;
    redisUrl = url.toString();
    redis = createClient({ url: redisUrl });
    await redis.connect();
    await redis.flushDb();

    upstream = await startStubUpstream();
    const clustersPort = await freePort();
    gateway = await bootGateway({
      database: 'gateway_flush',
      upstreamUrl: upstream.url,
      env: {
        REDIS_URL: redisUrl,
        CLUSTERS_URL: `http://127.0.0.1:${clustersPort}`,
        AUTH_DEMO_USERS: 'true',
        REVOCATION_CHECK_MS: '200',
        RATE_LIMIT_PER_IP_PER_MINUTE: '100000',
      },
    });
    const clustersDatabaseUrl = await createScratchDatabase('clusters_flush');
    clusters = await startServiceProcess('clusters', clustersPort, {
      DATABASE_URL: clustersDatabaseUrl,
      KAFKA_BROKERS: infra.brokers.join(','),
      REDIS_URL: redisUrl,
      AUTH_JWKS_URL: `${gateway.url}/api/v1/auth/jwks`,
    });
    clustersDb = new Client({ connectionString: clustersDatabaseUrl });
    await clustersDb.connect();
    call = client(gateway.url);
    direct = client(clusters.url);
  }, 180_000);

  afterAll(async () => {
    await clusters?.stop();
    await gateway?.close();
    await upstream?.close();
    await clustersDb?.end();
    if (redis?.isOpen) await redis.close();
  });

  it('answers a request retried with its Idempotency-Key from the first answer: no second effect', async () => {
    const token = await tokenOf('cuc.canbo');
    const code = `CCN-40-${randomInt(1e9)}`;
    const body = {
      code,
      name: 'Cụm công nghiệp Nghi Phú',
      provinceCode: '40',
      status: 'planned',
      totalAreaHa: 50,
    };
    const headers = { 'idempotency-key': randomUUID() };
    const first = await call('POST', '/api/v1/clusters', { token, body, headers });
    expect(first.status).toBe(201);

    await redis.flushDb();
    await restored();
    const retry = await call('POST', '/api/v1/clusters', { token, body, headers });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    const rows = await clustersDb.query(`SELECT id FROM industrial_cluster WHERE code = $1`, [code]);
    expect(rows.rows).toEqual([{ id: first.body['id'] }]);
  });

  it('keeps a logged-out token and a revoked API client refused, at the gateway and by a service', async () => {
    const admin = await tokenOf('cuc.admin');
    const loggedOut = await tokenOf('cuc.canbo');
    expect(await answers(loggedOut)).toEqual({ gateway: 200, service: 200 });
    expect((await call('POST', '/api/v1/auth/logout', { token: loggedOut, body: {} })).status).toBe(204);
    const registered = (
      await call<RegisteredClient>('POST', '/api/v1/auth/clients', {
        token: admin,
        body: { name: 'Hệ thống thử nghiệm', role: 'central-officer', scopes: ['clusters:read'] },
      })
    ).body;
    const ofClient = (
      await call<OAuthTokenResponse>('POST', '/api/v1/auth/token', {
        body: {
          grant_type: 'client_credentials',
          client_id: registered.clientId,
          client_secret: registered.clientSecret,
        },
      })
    ).body.access_token;
    expect(await answers(ofClient)).toEqual({ gateway: 200, service: 200 });
    const revoke = await call('POST', `/api/v1/auth/clients/${registered.clientId}/revoke`, { token: admin });
    expect(revoke.status).toBe(200);
    const valid = await tokenOf('cuc.canbo');
    const refused = { gateway: 401, service: 401 };
    expect([await answers(loggedOut), await answers(ofClient)]).toEqual([refused, refused]);

    // Hold the gateway's restore back (it reads revoked_token) to look at the platform before it is done.
    const lock = new Client({ connectionString: gateway.databaseUrl });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('LOCK TABLE revoked_token IN ACCESS EXCLUSIVE MODE');
    try {
      await redis.flushDb();
      const unavailable = { gateway: 503, service: 503 };
      for (const token of [valid, loggedOut, ofClient]) expect(await answers(token)).toEqual(unavailable);
      const refusal = await direct('GET', '/api/v1/clusters', { token: valid });
      expect(refusal.body).toMatchObject({ code: 'auth.revocations-unavailable' });
      expect(refusal.headers.get('retry-after')).toBe('1');
    } finally {
      await lock.query('ROLLBACK');
      await lock.end();
    }

    await restored();
    expect(await answers(valid)).toEqual({ gateway: 200, service: 200 });
    expect([await answers(loggedOut), await answers(ofClient)]).toEqual([refused, refused]);
    const stillRevoked = await direct('GET', '/api/v1/clusters', { token: loggedOut });
    expect(stillRevoked.body).toMatchObject({ code: 'auth.revoked-token' });
  });

  it('recovers from a restart (every connection dropped, Redis empty): both reconnect, nothing revoked comes back', async () => {
    const valid = await tokenOf('cuc.canbo');
    const loggedOut = await tokenOf('cuc.canbo');
    expect((await call('POST', '/api/v1/auth/logout', { token: loggedOut, body: {} })).status).toBe(204);

    await redis.flushDb();
    const own = String(await redis.sendCommand(['CLIENT', 'ID']));
    const list = String(await redis.sendCommand(['CLIENT', 'LIST']));
    const others = [...list.matchAll(/^id=(\d+) .* db=(\d+) /gm)]
      .filter(([, id, db]) => db === String(OWN_DB) && id !== own)
      .map(([, id]) => id);
    // The gateway's connection and the service's.
    expect(others.length).toBeGreaterThanOrEqual(2);
    for (const id of others) await redis.sendCommand(['CLIENT', 'KILL', 'ID', id]);

    const revokedAnswers: number[] = [];
    await eventually(
      async () => {
        const [now, revoked] = [await answers(valid), await answers(loggedOut)];
        revokedAnswers.push(revoked.gateway, revoked.service);
        return (
          now.gateway === 200 && now.service === 200 && revoked.gateway === 401 && revoked.service === 401
        );
      },
      20_000,
      100,
    );
    expect(revokedAnswers).not.toContain(200);
  });

  it('costs every session (refresh tokens are gone: log in again) and the failed-login counts', async () => {
    const session = (await login('sct.40')).body;
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await login('giamkhao.3', `wrong-${attempt}`)).status).toBe(401);
    }
    expect((await login('giamkhao.3')).status).toBe(429);

    await redis.flushDb();
    await restored();
    const refresh = await call('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    expect(refresh.status).toBe(401);
    expect(refresh.body).toMatchObject({ code: 'auth.invalid-refresh-token' });
    expect((await login('sct.40')).status).toBe(200);
    // The lock went with the flush: five more guesses before it locks again.
    expect((await login('giamkhao.3')).status).toBe(200);
  });
});
