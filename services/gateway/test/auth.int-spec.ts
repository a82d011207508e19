import { randomUUID } from 'node:crypto';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { DataSource } from 'typeorm';
import { REDIS, type Redis } from '@kc/cache';
import type {
  AuthorizationServerMetadata,
  EventEnvelope,
  OAuthTokenResponse,
  RegisteredClient,
  TokenResponse,
} from '@kc/contracts';
import { createTopics, eventually, testKafka } from '@kc/testing';
import {
  bootGateway,
  client,
  startStubUpstream,
  type BootedGateway,
  type Reply,
} from './support/gateway-harness';

const PASSWORD = 'khuyencong2026';
const OIDC_ISSUER = 'https://id.khuyencong.example.vn';

/** Forget earlier runs' failed logins and rate counters in the shared test Redis. */
async function clearCounters(redis: Redis) {
  for (const pattern of ['kc:gateway:login:*', 'kc:gateway:rate:*']) {
    const keys: string[] = [];
    for await (const batch of redis.scanIterator({ MATCH: pattern, COUNT: 500 })) keys.push(...batch);
    if (keys.length > 0) await redis.del(keys);
  }
}

describe('gateway identity, access and audit (in-process, real Postgres/Redis/Kafka)', () => {
  let gateway: BootedGateway;
  let upstream: Awaited<ReturnType<typeof startStubUpstream>>;
  let call: ReturnType<typeof client>;
  let oidcKey: KeyLike;
  let oidcJwk: Record<string, unknown>;

  const login = async (username: string, password = PASSWORD) =>
    call<TokenResponse & Record<string, unknown>>('POST', '/api/v1/auth/login', {
      body: { username, password },
    });
  const tokenOf = async (username: string) => (await login(username)).body.accessToken;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    oidcKey = pair.privateKey;
    oidcJwk = { ...(await exportJWK(pair.publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
    upstream = await startStubUpstream(() => ({ keys: [oidcJwk] }));
    await createTopics(testKafka(), ['audit.record.events']);
    gateway = await bootGateway({
      database: 'gateway_auth',
      upstreamUrl: upstream.url,
      consumeEvents: true,
      env: {
        AUTH_DEMO_USERS: 'true',
        CORS_ORIGINS: 'https://khuyencong.example.vn',
        AUTH_OIDC_ISSUER: OIDC_ISSUER,
        AUTH_OIDC_JWKS_URL: `${upstream.url}/oidc/jwks`,
        AUTH_OIDC_AUDIENCE: 'kc-platform',
      },
    });
    await clearCounters(gateway.app.get<Redis>(REDIS));
    call = client(gateway.url);
  }, 120_000);

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  describe('built-in identity provider', () => {
    it('publishes its public signing key', async () => {
      const jwks = await call<{ keys: Record<string, unknown>[] }>('GET', '/api/v1/auth/jwks');
      expect(jwks.status).toBe(200);
      expect(jwks.body.keys).toEqual([
        expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' }),
      ]);
      expect(jwks.body.keys[0]).not.toHaveProperty('d');
    });

    it('logs in a seeded demo account: a signed access token with the principal, and a refresh token', async () => {
      const reply = await login('sct.40');
      expect(reply.status).toBe(200);
      expect(reply.headers.get('cache-control')).toBe('no-store');
      expect(reply.body).toMatchObject({
        tokenType: 'Bearer',
        expiresIn: 900,
        refreshToken: expect.any(String),
      });
      const claims = decodeJwt(reply.body.accessToken);
      expect(claims).toMatchObject({ iss: 'kc-gateway', aud: 'kc-services', jti: expect.any(String) });
      expect(claims['kc']).toMatchObject({
        kind: 'user',
        name: 'sct.40',
        role: 'province-officer',
        provinceCode: '40',
      });
      const me = await call('GET', '/api/v1/auth/me', { token: reply.body.accessToken });
      expect(me.body).toMatchObject({ name: 'sct.40', role: 'province-officer', provinceCode: '40' });
    });

    it('rotates refresh tokens; a used one is refused and revokes the session it was rotated into', async () => {
      const first = (await login('cuc.canbo')).body;
      const second = await call<TokenResponse>('POST', '/api/v1/auth/refresh', {
        body: { refreshToken: first.refreshToken },
      });
      expect(second.status).toBe(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      expect((await call('GET', '/api/v1/auth/me', { token: second.body.accessToken })).status).toBe(200);

      const reused = await call('POST', '/api/v1/auth/refresh', {
        body: { refreshToken: first.refreshToken },
      });
      expect(reused.status).toBe(401);
      const stolen = await call('POST', '/api/v1/auth/refresh', {
        body: { refreshToken: second.body.refreshToken },
      });
      expect(stolen.status).toBe(401);
    });

    it('logs out: the access token is refused from then on, and so is the refresh token', async () => {
      const session = (await login('cuc.canbo')).body;
      const token = session.accessToken;
      expect((await call('GET', '/api/v1/plans', { token })).status).toBe(200);
      const out = await call('POST', '/api/v1/auth/logout', {
        token,
        body: { refreshToken: session.refreshToken },
      });
      expect(out.status).toBe(204);
      const after = await call('GET', '/api/v1/plans', { token });
      expect(after.status).toBe(401);
      expect(after.body).toMatchObject({ code: 'auth.revoked-token' });
      expect(
        (await call('POST', '/api/v1/auth/refresh', { body: { refreshToken: session.refreshToken } })).status,
      ).toBe(401);
    });

    it('answers an unknown username exactly like a wrong password', async () => {
      const unknown = await login('khong.ton.tai', 'whatever-password');
      const wrong = await login('cuc.admin', 'whatever-password');
      expect([unknown.status, wrong.status]).toEqual([401, 401]);
      expect(unknown.body['code']).toBe(wrong.body['code']);
      expect(unknown.body['detail']).toBe(wrong.body['detail']);
    });

    it('locks an account after 5 wrong passwords: the 6th attempt gets 429 auth.locked even with the right one', async () => {
      for (let attempt = 1; attempt <= 5; attempt++) {
        const wrong = await login('giamkhao.9', `wrong-${attempt}`);
        expect([attempt, wrong.status, wrong.body['code']]).toEqual([
          attempt,
          401,
          'auth.invalid-credentials',
        ]);
      }
      const sixth = await login('giamkhao.9');
      expect(sixth.status).toBe(429);
      expect(sixth.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(sixth.body).toMatchObject({ code: 'auth.locked', status: 429 });
      expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(800);
      // Other accounts are not affected.
      expect((await login('giamkhao.8')).status).toBe(200);
    });

    it('changes a password: the current one is required, the old one stops working, refresh tokens end', async () => {
      const session = (await login('giamkhao.1')).body;
      const wrong = await call('POST', '/api/v1/auth/password', {
        token: session.accessToken,
        body: { currentPassword: 'not-it', newPassword: 'mat-khau-moi-2026' },
      });
      expect(wrong.status).toBe(422);
      const short = await call('POST', '/api/v1/auth/password', {
        token: session.accessToken,
        body: { currentPassword: PASSWORD, newPassword: 'short' },
      });
      expect(short.status).toBe(400);
      const changed = await call('POST', '/api/v1/auth/password', {
        token: session.accessToken,
        body: { currentPassword: PASSWORD, newPassword: 'mat-khau-moi-2026' },
      });
      expect(changed.status).toBe(204);
      expect((await login('giamkhao.1')).status).toBe(401);
      expect((await login('giamkhao.1', 'mat-khau-moi-2026')).status).toBe(200);
      expect(
        (await call('POST', '/api/v1/auth/refresh', { body: { refreshToken: session.refreshToken } })).status,
      ).toBe(401);
    });
  });

  describe('enforcement and forwarding', () => {
    it('refuses a protected route without a token, and a role the route does not allow', async () => {
      const anonymous = await call('GET', '/api/v1/plans');
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect((await call('GET', '/api/v1/plans', { token: await tokenOf('xem') })).status).toBe(403);
      expect((await call('GET', '/api/v1/audit', { token: await tokenOf('sct.40') })).status).toBe(403);
      expect((await call('GET', '/api/v1/reference/provinces')).status).toBe(200);
    });

    it('forwards the verified token, the client address (not a spoofed one) and the user agent', async () => {
      const token = await tokenOf('sct.01');
      const before = upstream.calls.length;
      const reply = await call('GET', '/api/v1/projects?provinceCode=01', {
        token,
        headers: { 'x-forwarded-for': '203.0.113.9', 'user-agent': 'he-thong-tinh/1.0' },
      });
      expect(reply.status).toBe(200);
      const forwarded = upstream.calls.slice(before).find((c) => c.url.startsWith('/api/v1/projects'));
      expect(forwarded?.headers).toMatchObject({
        authorization: `Bearer ${token}`,
        'x-forwarded-for': '127.0.0.1',
        'user-agent': 'he-thong-tinh/1.0',
      });
    });

    it('keeps Idempotency-Keys per caller: the same key from someone else is not a replay', async () => {
      const body = { year: 2031, level: 'national', budgetVnd: 1_000_000 };
      const headers = { 'idempotency-key': `same-key-${randomUUID()}` };
      const [admin, officer] = [await tokenOf('cuc.admin'), await tokenOf('cuc.canbo')];
      const before = upstream.calls.length;
      const first = await call('POST', '/api/v1/plans', { token: admin, body, headers });
      const replay = await call('POST', '/api/v1/plans', { token: admin, body, headers });
      const other = await call('POST', '/api/v1/plans', { token: officer, body, headers });
      expect([first.status, replay.status, other.status]).toEqual([200, 200, 200]);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(other.headers.get('idempotent-replayed')).toBeNull();
      expect(upstream.calls.length - before).toBe(2);
    });

    it('sends security headers and answers CORS only for allowed origins', async () => {
      const reply = await call('GET', '/api/v1/reference/regions', {
        headers: { origin: 'https://khuyencong.example.vn' },
      });
      expect(reply.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      expect(reply.headers.get('access-control-allow-origin')).toBe('https://khuyencong.example.vn');
      const other = await call('GET', '/api/v1/reference/regions', {
        headers: { origin: 'https://evil.example' },
      });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      // A preflight is answered as the CORS protocol expects: allowed for a listed origin, refused (no
      // allow-origin header) for any other — never a 404.
      const preflight = (origin: string) =>
        fetch(`${gateway.url}/api/v1/plans`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization,content-type',
          },
        });
      const allowed = await preflight('https://khuyencong.example.vn');
      expect([allowed.status, allowed.headers.get('access-control-allow-origin')]).toEqual([
        204,
        'https://khuyencong.example.vn',
      ]);
      expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
      const foreign = await preflight('https://evil.example');
      expect([foreign.status, foreign.headers.get('access-control-allow-origin')]).toEqual([204, null]);
      const docs = await fetch(`${gateway.url}/api/docs/`);
      expect(docs.status).toBe(200);
      expect(docs.headers.get('content-security-policy')).toContain("script-src 'self'");
    });

    it('documents bearer and API-key security on protected routes only', async () => {
      const doc = (
        await call<{
          components: { securitySchemes: Record<string, unknown> };
          paths: Record<string, Record<string, { security?: unknown[]; description?: string }>>;
        }>('GET', '/api/docs-json')
      ).body;
      expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['api-key', 'bearer']);
      expect(doc.paths['/api/v1/plans'].post.security).toEqual([{ bearer: [] }, { 'api-key': [] }]);
      expect(doc.paths['/api/v1/plans'].post.description).toContain('plans:write');
      expect(doc.paths['/api/v1/auth/login'].post.security).toEqual([]);
    });
  });

  describe('API clients', () => {
    let admin: string;
    let registered: RegisteredClient;

    beforeAll(async () => {
      admin = await tokenOf('cuc.admin');
      const reply = await call<RegisteredClient>('POST', '/api/v1/auth/clients', {
        token: admin,
        body: {
          name: 'Hệ thống quản lý đề án Nghệ An',
          role: 'province-officer',
          provinceCode: '40',
          scopes: ['projects:read', 'projects:write'],
        },
      });
      expect(reply.status).toBe(201);
      registered = reply.body;
    });

    it('is registered by central admins only, with scopes its role can use', async () => {
      const body = { name: 'x', role: 'viewer', scopes: ['fairs:read'] };
      expect(
        (await call('POST', '/api/v1/auth/clients', { token: await tokenOf('cuc.canbo'), body })).status,
      ).toBe(403);
      const beyond = await call('POST', '/api/v1/auth/clients', {
        token: admin,
        body: { ...body, scopes: ['plans:write'] },
      });
      expect(beyond.status).toBe(422);
      const list = await call<{ items: Record<string, unknown>[] }>('GET', '/api/v1/auth/clients', {
        token: admin,
      });
      const listed = list.body.items.find((c) => c['id'] === registered.clientId);
      expect(listed).toMatchObject({ role: 'province-officer', provinceCode: '40', revokedAt: null });
      expect(JSON.stringify(list.body)).not.toContain(registered.clientSecret);
    });

    it('gets a client token by client credentials (RFC 6749): a form or JSON, secret in the body or Basic', async () => {
      const form = {
        grant_type: 'client_credentials',
        client_id: registered.clientId,
        client_secret: registered.clientSecret,
      };
      const asForm = await call<OAuthTokenResponse>('POST', '/api/v1/auth/token', { form });
      expect(asForm.status).toBe(200);
      expect(asForm.headers.get('content-type')).toMatch(/^application\/json/);
      expect([asForm.headers.get('cache-control'), asForm.headers.get('pragma')]).toEqual([
        'no-store',
        'no-cache',
      ]);
      expect(asForm.body).toEqual({
        access_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: 900,
        scope: 'projects:read projects:write',
      });
      const basic = `Basic ${Buffer.from(`${registered.clientId}:${registered.clientSecret}`).toString('base64')}`;
      const asJson = await call<OAuthTokenResponse>('POST', '/api/v1/auth/token', {
        body: { grant_type: 'client_credentials', scope: 'projects:read' },
        headers: { authorization: basic },
      });
      expect(asJson.body.scope).toBe('projects:read');
      expect(decodeJwt(asJson.body.access_token)['kc']).toMatchObject({
        kind: 'client',
        scopes: ['projects:read'],
      });
      const me = await call('GET', '/api/v1/auth/me', { token: asForm.body.access_token });
      expect(me.body).toMatchObject({
        kind: 'client',
        id: registered.clientId,
        role: 'province-officer',
        provinceCode: '40',
      });
    });

    it('refuses token requests with the errors of RFC 6749 §5.2, not problem+json', async () => {
      const form = {
        grant_type: 'client_credentials',
        client_id: registered.clientId,
        client_secret: 'not-the-secret',
      };
      const oauthError = async (reply: Reply) => ({
        status: reply.status,
        type: reply.headers.get('content-type'),
        cache: reply.headers.get('cache-control'),
        challenge: reply.headers.get('www-authenticate'),
        error: reply.body['error'],
        description: typeof reply.body['error_description'],
      });
      const expected = (status: number, error: string, challenge: unknown = null) => ({
        status,
        type: expect.stringMatching(/^application\/json/),
        cache: 'no-store',
        challenge,
        error,
        description: 'string',
      });
      expect(await oauthError(await call('POST', '/api/v1/auth/token', { form }))).toEqual(
        expected(400, 'invalid_client'),
      );
      const wrongBasic = `Basic ${Buffer.from(`${registered.clientId}:nope`).toString('base64')}`;
      expect(
        await oauthError(
          await call('POST', '/api/v1/auth/token', {
            form: { grant_type: 'client_credentials' },
            headers: { authorization: wrongBasic },
          }),
        ),
      ).toEqual(expected(401, 'invalid_client', expect.stringMatching(/^Basic realm=/)));
      const valid = { ...form, client_secret: registered.clientSecret };
      expect(
        await oauthError(
          await call('POST', '/api/v1/auth/token', { form: { ...valid, scope: 'plans:write' } }),
        ),
      ).toEqual(expected(400, 'invalid_scope'));
      expect(
        await oauthError(
          await call('POST', '/api/v1/auth/token', { form: { ...valid, grant_type: 'password' } }),
        ),
      ).toEqual(expected(400, 'unsupported_grant_type'));
      expect(
        await oauthError(
          await call('POST', '/api/v1/auth/token', { form: { client_id: registered.clientId } }),
        ),
      ).toEqual(expected(400, 'invalid_request'));
    });

    it('publishes RFC 8414 metadata whose issuer is the tokens’ iss, and no OpenID configuration', async () => {
      const meta = await call<AuthorizationServerMetadata>('GET', '/.well-known/oauth-authorization-server');
      expect(meta.status).toBe(200);
      expect(meta.body).toEqual({
        issuer: 'kc-gateway',
        token_endpoint: `${gateway.url}/api/v1/auth/token`,
        jwks_uri: `${gateway.url}/api/v1/auth/jwks`,
        grant_types_supported: ['client_credentials'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        scopes_supported: expect.arrayContaining(['projects:write', 'clients:read']),
        response_types_supported: [],
        service_documentation: `${gateway.url}/api/docs`,
      });
      const jwks = await fetch(meta.body.jwks_uri);
      expect(jwks.status).toBe(200);
      expect((await call('GET', '/.well-known/openid-configuration')).status).toBe(404);
    });

    it('calls with an API key: the service gets a minted internal token of the client; scopes are enforced', async () => {
      const before = upstream.calls.length;
      const reply = await call('GET', '/api/v1/projects', { headers: { 'x-api-key': registered.apiKey } });
      expect(reply.status).toBe(200);
      const forwarded = upstream.calls.slice(before).find((c) => c.url.startsWith('/api/v1/projects'));
      const internal = String(forwarded?.headers.authorization).replace('Bearer ', '');
      expect(decodeJwt(internal)).toMatchObject({
        iss: 'kc-gateway',
        kc: { kind: 'client', id: registered.clientId },
      });
      // Logout ends the minted token only: the key itself stays valid until the client is revoked.
      const key = { 'x-api-key': registered.apiKey };
      expect((await call('POST', '/api/v1/auth/logout', { headers: key, body: {} })).status).toBe(204);
      expect((await call('GET', '/api/v1/projects', { headers: key })).status).toBe(200);
      // Projects scopes only: no plans.
      expect(
        (await call('GET', '/api/v1/plans', { headers: { 'x-api-key': registered.apiKey } })).status,
      ).toBe(403);
      expect(
        (await call('GET', '/api/v1/plans', { headers: { 'x-api-key': `${registered.apiKey}x` } })).status,
      ).toBe(401);
    });

    it('limits each client to its requests per minute (429 with Retry-After)', async () => {
      const limited = await call<RegisteredClient>('POST', '/api/v1/auth/clients', {
        token: admin,
        body: { name: 'Cổng dữ liệu thử', role: 'viewer', scopes: ['fairs:read'], rateLimitPerMinute: 3 },
      });
      // Four calls within one clock minute: wait out the last seconds of the current one.
      const intoMinute = Date.now() % 60_000;
      if (intoMinute > 57_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
      const replies = [];
      for (let i = 0; i < 4; i++) {
        replies.push(await call('GET', '/api/v1/fairs', { headers: { 'x-api-key': limited.body.apiKey } }));
      }
      expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 429]);
      expect(replies[3].body).toMatchObject({ code: 'rate.client-limit' });
      expect(Number(replies[3].headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('revokes a client: its API key, its secret and the tokens it already holds stop working at once', async () => {
      const form = {
        grant_type: 'client_credentials',
        client_id: registered.clientId,
        client_secret: registered.clientSecret,
      };
      const held = (await call<OAuthTokenResponse>('POST', '/api/v1/auth/token', { body: form })).body
        .access_token;
      expect((await call('GET', '/api/v1/projects', { token: held })).status).toBe(200);
      const revoked = await call('POST', `/api/v1/auth/clients/${registered.clientId}/revoke`, {
        token: admin,
      });
      expect(revoked.status).toBe(200);
      expect(revoked.body['revokedAt']).toEqual(expect.any(String));
      expect((await call('GET', '/api/v1/projects', { token: held })).status).toBe(401);
      expect(
        (await call('GET', '/api/v1/projects', { headers: { 'x-api-key': registered.apiKey } })).status,
      ).toBe(401);
      const refused = await call('POST', '/api/v1/auth/token', { body: form });
      expect([refused.status, refused.body['error']]).toEqual([400, 'invalid_client']);
    });
  });

  describe('external OIDC issuer', () => {
    const externalToken = (claims: Record<string, unknown>, audience = 'kc-platform') =>
      new SignJWT({ azp: 'cong-so-nghe-an', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
        .setIssuer(OIDC_ISSUER)
        .setAudience(audience)
        .setSubject('3f0d7c1e-idp-user')
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(oidcKey);
    const officer = { kc_role: 'province-officer', kc_province: '40', preferred_username: 'nguyen.van.a' };
    let admin: string;
    const registerExternal = (clientId: string, rateLimitPerMinute = 600) =>
      call('POST', '/api/v1/auth/external-clients', {
        token: admin,
        body: { clientId, name: `Cổng dịch vụ công ${clientId}`, rateLimitPerMinute },
      });

    beforeAll(async () => {
      admin = await tokenOf('cuc.admin');
      expect((await registerExternal(`cong-so-nghe-an`)).status).toBe(201);
    });

    it('accepts its token, maps the claims and forwards an internal token instead', async () => {
      const token = await externalToken({ ...officer, scope: 'openid clusters:read' });
      const me = await call('GET', '/api/v1/auth/me', { token });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        kind: 'user',
        name: 'nguyen.van.a',
        role: 'province-officer',
        provinceCode: '40',
        scopes: ['clusters:read'],
        via: 'cong-so-nghe-an',
      });
      const before = upstream.calls.length;
      expect((await call('GET', '/api/v1/clusters', { token })).status).toBe(200);
      const forwarded = String(upstream.calls.slice(before)[0].headers.authorization).replace('Bearer ', '');
      expect(forwarded).not.toBe(token);
      expect(decodeJwt(forwarded)).toMatchObject({
        iss: 'kc-gateway',
        kc: { name: 'nguyen.van.a', via: 'cong-so-nghe-an' },
      });
      // What the person does is audited under the client they came through, too.
      expect((await call('POST', '/api/v1/auth/logout', { token, body: {} })).status).toBe(204);
      const trail = await call<{ items: { action: string; actor: Record<string, unknown> }[] }>(
        'GET',
        '/api/v1/audit?via=cong-so-nghe-an',
        { token: admin },
      );
      expect(trail.body.items[0]).toMatchObject({
        action: 'user.logout',
        actor: { kind: 'user', id: 'nguyen.van.a', via: 'cong-so-nghe-an' },
      });
    });

    it("honours the token's scopes within the role: a route needing another scope is refused", async () => {
      const readOnly = await externalToken({ ...officer, scope: 'projects:read clients:write' });
      expect((await call('GET', '/api/v1/projects', { token: readOnly })).status).toBe(200);
      const write = await call('POST', '/api/v1/projects', { token: readOnly, body: {} });
      expect([write.status, write.body['code']]).toEqual([403, 'auth.forbidden']);
      // No scope claim: the person may do nothing that needs one.
      const none = await externalToken(officer);
      expect((await call('GET', '/api/v1/projects', { token: none })).status).toBe(403);
      expect((await call('GET', '/api/v1/auth/me', { token: none })).body['scopes']).toEqual([]);
    });

    it('refuses a client that is not registered, limits each per minute, and revokes it at once', async () => {
      const unregistered = await externalToken({ ...officer, azp: 'ung-dung-la', scope: 'clusters:read' });
      const stranger = await call('GET', '/api/v1/clusters', { token: unregistered });
      expect([stranger.status, stranger.body['code']]).toEqual([401, 'auth.client-revoked']);
      const noClient = await externalToken({ ...officer, azp: undefined, scope: 'clusters:read' });
      expect((await call('GET', '/api/v1/clusters', { token: noClient })).status).toBe(401);

      const clientId = `cong-thu-${randomUUID().slice(0, 8)}`;
      expect((await registerExternal(clientId, 3)).status).toBe(201);
      expect((await registerExternal(clientId)).status).toBe(409);
      const token = await externalToken({ ...officer, azp: clientId, scope: 'clusters:read' });
      // Four calls within one clock minute: wait out the last seconds of the current one.
      const intoMinute = Date.now() % 60_000;
      if (intoMinute > 57_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
      const replies = [];
      for (let i = 0; i < 4; i++) replies.push(await call('GET', '/api/v1/clusters', { token }));
      expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 429]);
      expect(replies[3].body).toMatchObject({ code: 'rate.client-limit' });
      expect(Number(replies[3].headers.get('retry-after'))).toBeGreaterThan(0);

      const revoked = await call('POST', `/api/v1/auth/external-clients/${clientId}/revoke`, {
        token: admin,
      });
      expect([revoked.status, revoked.body['revokedAt']]).toEqual([200, expect.any(String)]);
      const after = await call('GET', '/api/v1/auth/me', { token });
      expect([after.status, after.body['code']]).toEqual([401, 'auth.client-revoked']);
      const audit = await call<{ items: Record<string, unknown>[] }>(
        'GET',
        `/api/v1/audit?resourceType=external-client&resourceId=${clientId}`,
        { token: admin },
      );
      expect(audit.body.items.map((r) => r['action']).sort()).toEqual([
        'external-client.register',
        'external-client.revoke',
      ]);
      const list = await call<{ items: Record<string, unknown>[] }>('GET', '/api/v1/auth/external-clients', {
        token: admin,
      });
      expect(list.body.items.find((c) => c['clientId'] === clientId)).toMatchObject({
        rateLimitPerMinute: 3,
      });
    });

    it('refuses a role it does not know (403) and a token for another audience (401)', async () => {
      expect(
        (await call('GET', '/api/v1/auth/me', { token: await externalToken({ kc_role: 'admin' }) })).status,
      ).toBe(403);
      const elsewhere = await externalToken({ kc_role: 'viewer' }, 'another-app');
      expect((await call('GET', '/api/v1/auth/me', { token: elsewhere })).status).toBe(401);
    });
  });

  describe('audit trail', () => {
    let admin: string;
    beforeAll(async () => {
      admin = await tokenOf('cuc.admin');
    });

    it("records the gateway's own changes with actor, address and user agent", async () => {
      await call('POST', '/api/v1/auth/login', {
        body: { username: 'sct.92', password: PASSWORD },
        headers: { 'user-agent': 'trinh-duyet-thu/2.0' },
      });
      const page = await call<{ items: Record<string, unknown>[]; total: number }>(
        'GET',
        '/api/v1/audit?actor=sct.92&limit=5',
        { token: admin },
      );
      expect(page.status).toBe(200);
      expect(page.body.items[0]).toMatchObject({
        action: 'user.login',
        producer: 'gateway',
        actor: { kind: 'user', id: 'sct.92', role: 'province-officer', provinceCode: '92' },
        ip: '127.0.0.1',
        userAgent: 'trinh-duyet-thu/2.0',
      });
      const registrations = await call<{ items: Record<string, unknown>[] }>(
        'GET',
        '/api/v1/audit?resourceType=api-client&action=api-client.register',
        { token: admin },
      );
      expect(registrations.body.items[0]).toMatchObject({ actor: { id: 'cuc.admin' } });
    });

    it("appends a service's audit event exactly once, even when it is delivered twice", async () => {
      const planId = randomUUID();
      const event: EventEnvelope = {
        id: randomUUID(),
        type: 'audit.record.appended',
        version: 1,
        occurredAt: new Date().toISOString(),
        producer: 'plans',
        aggregateId: planId,
        provinceCode: '40',
        actor: { kind: 'user', id: 'sct.40', role: 'province-officer', provinceCode: '40' },
        correlationId: randomUUID(),
        causationId: null,
        payload: {
          action: 'plan.create',
          resourceType: 'plan',
          resourceId: planId,
          provinceCode: '40',
          summary: 'Tạo kế hoạch khuyến công địa phương năm 2031 — Nghệ An',
          ip: '10.0.0.7',
          userAgent: 'curl/8.5.0',
          causedByEvent: null,
        },
      };
      // Same key, same partition, in order: once the sentinel is recorded, both deliveries have been handled.
      const sentinelId = randomUUID();
      const sentinel = { ...event, id: randomUUID(), payload: { ...event.payload, resourceId: sentinelId } };
      const producer = testKafka('gateway-audit-test').producer();
      await producer.connect();
      await producer.send({
        topic: 'audit.record.events',
        acks: -1,
        messages: [event, event, sentinel].map((e) => ({ key: planId, value: JSON.stringify(e) })),
      });
      await producer.disconnect();
      const audit = (resourceId: string) =>
        call<{ items: Record<string, unknown>[] }>('GET', `/api/v1/audit?resourceId=${resourceId}`, {
          token: admin,
        });
      await eventually(async () => (await audit(sentinelId)).body.items.length === 1, 45_000);
      const again = await audit(planId);
      expect(again.body.items).toHaveLength(1);
      expect(again.body.items[0]).toMatchObject({
        producer: 'plans',
        actor: { id: 'sct.40' },
        ip: '10.0.0.7',
        provinceCode: '40',
      });
    }, 60_000);

    it('filters by province and time range, newest first, and rejects a limit above 200', async () => {
      const since = new Date(Date.now() - 60 * 60_000).toISOString();
      const page = await call<{ items: { occurredAt: string; provinceCode: string | null }[] }>(
        'GET',
        `/api/v1/audit?provinceCode=40&from=${encodeURIComponent(since)}`,
        { token: admin },
      );
      expect(page.status).toBe(200);
      expect(page.body.items.every((r) => r.provinceCode === '40')).toBe(true);
      const times = page.body.items.map((r) => r.occurredAt);
      expect([...times].sort().reverse()).toEqual(times);
      expect((await call('GET', '/api/v1/audit?limit=201', { token: admin })).status).toBe(400);
      expect((await call('GET', '/api/v1/audit?to=yesterday', { token: admin })).status).toBe(400);
    });

    it('refuses to change or delete audit rows in the database itself', async () => {
      const db = gateway.app.get(DataSource);
      await expect(db.query(`UPDATE audit_record SET summary = 'edited'`)).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM audit_record`)).rejects.toThrow(/append-only/);
      await expect(db.query(`TRUNCATE audit_record`)).rejects.toThrow(/append-only/);
      expect(Number((await db.query(`SELECT count(*) FROM audit_record`))[0].count)).toBeGreaterThan(0);
    });
  });
});
