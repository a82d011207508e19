import { DataSource } from 'typeorm';
import { Browser } from './support/cookie-browser';
import { bootGateway, startStubUpstream, type BootedGateway } from './support/gateway-harness';
import { startStubIssuer, STUB_CLIENT, STUB_ISSUER } from './support/stub-oidc-issuer';

// Registered at the issuer; the test's browser follows its path to the gateway's real port.
const REDIRECT_URI = 'http://127.0.0.1:3000/api/v1/auth/oidc/callback';

describe('browser sign-in at the external OIDC issuer (authorization code + PKCE; real Postgres/Redis)', () => {
  let gateway: BootedGateway;
  let upstream: Awaited<ReturnType<typeof startStubUpstream>>;
  let issuer: Awaited<ReturnType<typeof startStubIssuer>>;

  beforeAll(async () => {
    upstream = await startStubUpstream(() => ({ items: [] }));
    issuer = await startStubIssuer();
    gateway = await bootGateway({
      database: 'gateway_oidc_sign_in',
      upstreamUrl: upstream.url,
      env: {
        AUTH_OIDC_ISSUER: STUB_ISSUER,
        AUTH_OIDC_JWKS_URL: `${issuer.url}/jwks`,
        AUTH_OIDC_AUDIENCE: 'kc-platform',
        AUTH_OIDC_CLIENT_ID: STUB_CLIENT.id,
        AUTH_OIDC_CLIENT_SECRET: STUB_CLIENT.secret,
        AUTH_OIDC_AUTHORIZATION_URL: `${issuer.url}/authorize`,
        AUTH_OIDC_TOKEN_URL: `${issuer.url}/token`,
        AUTH_OIDC_REDIRECT_URI: REDIRECT_URI,
        AUTH_OIDC_DISPLAY_NAME: 'VNeID',
      },
    });
  }, 120_000);

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
    await issuer?.close();
  });

  beforeEach(() => {
    issuer.state.person = { sub: 'vneid-001', preferred_username: 'nguyen.van.a', kc_role: 'viewer' };
    issuer.state.wrongNonce = false;
  });

  /** The browser starts the sign-in and comes back from the issuer: the callback's path, as the issuer sent it. */
  async function throughIssuer(browser: Browser, returnTo?: string) {
    const query = returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`;
    const start = await browser.send('GET', `/api/v1/auth/oidc/start${query}`);
    expect(start.status).toBe(302);
    const atIssuer = await fetch(start.headers.get('location')!, { redirect: 'manual' });
    expect(atIssuer.status).toBe(302);
    const back = new URL(atIssuer.headers.get('location')!);
    return `${back.pathname}${back.search}`;
  }

  it('offers the issuer on the sign-in page', async () => {
    const options = await new Browser(gateway.url).send('GET', '/api/v1/auth/sign-in-options');
    expect(options.body).toEqual({ demo: null, oidc: { name: 'VNeID' } });
  });

  it('signs a person in with PKCE, state and nonce, and keeps only its own session in the browser', async () => {
    issuer.state.person = {
      sub: 'vneid-040',
      preferred_username: 'tran.thi.b',
      kc_role: 'province-officer',
      kc_province: '40',
    };
    const browser = new Browser(gateway.url);
    const start = await browser.send('GET', '/api/v1/auth/oidc/start?returnTo=%2Fprovinces%2F40');
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${issuer.url}/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: STUB_CLIENT.id,
      redirect_uri: REDIRECT_URI,
      scope: 'openid profile',
      code_challenge_method: 'S256',
    });
    for (const secret of ['state', 'nonce', 'code_challenge'])
      expect(authorize.searchParams.get(secret)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The binding cookie travels back with the issuer's cross-site redirect (Lax), to the callback only.
    const binding = start.headers.getSetCookie().find((c) => c.startsWith('kc_oidc='))!;
    expect(binding).toMatch(/HttpOnly/);
    expect(binding).toMatch(/SameSite=Lax/);
    expect(binding).toMatch(/Path=\/api\/v1\/auth\/oidc\/callback/);

    const atIssuer = await fetch(authorize, { redirect: 'manual' });
    const back = new URL(atIssuer.headers.get('location')!);
    const callback = await browser.send('GET', `${back.pathname}${back.search}`);
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/provinces/40');
    expect([...browser.jar.keys()].sort()).toEqual(['kc_access', 'kc_refresh']);
    // Nothing of the issuer's reaches the browser: the cookies are the platform's own tokens.
    expect(JSON.stringify([...browser.jar.values()])).not.toContain('opaque');

    const me = await browser.send('GET', '/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      kind: 'user',
      id: 'vneid-040',
      name: 'tran.thi.b',
      role: 'province-officer',
      provinceCode: '40',
    });
    expect((me.body.scopes as string[]).length).toBeGreaterThan(0);

    const audit = new DataSource({ type: 'postgres', url: gateway.databaseUrl });
    await audit.initialize();
    try {
      const rows: { summary: string }[] = await audit.query(
        `SELECT summary FROM audit_record WHERE action = 'user.login' AND resource_id = 'vneid-040'`,
      );
      expect(rows.map((r) => r.summary)).toEqual(['Đăng nhập qua VNeID: tran.thi.b']);
    } finally {
      await audit.destroy();
    }
  });

  it('renews the session while the issuer renews its own, and ends it when the issuer does', async () => {
    const browser = new Browser(gateway.url);
    await browser.send('GET', await throughIssuer(browser));
    const firstRefresh = browser.jar.get('kc_refresh');
    const renewed = await browser.send('POST', '/api/v1/auth/session/refresh', {
      headers: { 'x-kc-session': '1' },
    });
    expect(renewed.status).toBe(200);
    expect(renewed.body).toMatchObject({ principal: { id: 'vneid-001', role: 'viewer' } });
    expect(browser.jar.get('kc_refresh')).not.toBe(firstRefresh);

    issuer.endSessions();
    const refused = await browser.send('POST', '/api/v1/auth/session/refresh', {
      headers: { 'x-kc-session': '1' },
    });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 'auth.invalid-refresh-token' });
  });

  it('refuses a callback in another browser, a replayed one, a denial and a forged nonce — and sets no session', async () => {
    const victim = new Browser(gateway.url);
    const callback = await throughIssuer(victim);
    // An attacker's answer pasted into someone else's browser (login CSRF): no binding cookie.
    const other = new Browser(gateway.url);
    const forged = await other.send('GET', callback);
    expect(forged.headers.get('location')).toBe('/sign-in?error=auth.oidc-other-browser');
    expect(other.jar.has('kc_access')).toBe(false);
    // The state was spent by that attempt: the rightful browser must start again.
    const replay = await victim.send('GET', callback);
    expect(replay.headers.get('location')).toBe('/sign-in?error=auth.oidc-expired');
    expect(victim.jar.has('kc_access')).toBe(false);

    const denied = new Browser(gateway.url);
    const start = await denied.send('GET', '/api/v1/auth/oidc/start');
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const answer = await denied.send(
      'GET',
      `/api/v1/auth/oidc/callback?error=access_denied&state=${encodeURIComponent(state)}`,
    );
    expect(answer.headers.get('location')).toBe('/sign-in?error=auth.oidc-denied');
    expect(denied.jar.has('kc_access')).toBe(false);

    issuer.state.wrongNonce = true;
    const replayed = new Browser(gateway.url);
    const signedIn = await replayed.send('GET', await throughIssuer(replayed));
    expect(signedIn.headers.get('location')).toBe('/sign-in?error=auth.oidc-invalid-token');
    expect(replayed.jar.has('kc_access')).toBe(false);
  });

  it('refuses a person the issuer knows but the platform gives no role, by the reason', async () => {
    issuer.state.person = { sub: 'vneid-777', preferred_username: 'khach' };
    const browser = new Browser(gateway.url);
    const answer = await browser.send('GET', await throughIssuer(browser));
    expect(answer.headers.get('location')).toBe('/sign-in?error=auth.unknown-role');
    expect(browser.jar.has('kc_access')).toBe(false);
  });

  it('comes back only to a page of this site', async () => {
    for (const returnTo of ['//evil.example/x', 'https://evil.example', '/\\evil.example', '/api/v1/plans']) {
      const browser = new Browser(gateway.url);
      const answer = await browser.send('GET', await throughIssuer(browser, returnTo));
      expect(answer.headers.get('location')).toBe('/');
    }
  });

  it('names the field of a malformed answer from the issuer (problem+json)', async () => {
    const answer = await new Browser(gateway.url).send('GET', '/api/v1/auth/oidc/callback?code=x');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errors: [expect.objectContaining({ field: 'query.state' })] });
  });
});
