import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createClient } from 'redis';
import { DATA_CHANGED_CHANNEL } from '@kc/cache';
import { testInfrastructure } from '@kc/testing';
import { ScreenLinks } from '../src/infrastructure/screens/screen-links.store';
import { Browser, setCookies } from './support/cookie-browser';
import { bootGateway, client, startStubUpstream, type BootedGateway } from './support/gateway-harness';

const PASSWORD = 'khuyencong2026';

function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}

/** Reads server-sent events until `until` holds for one, or the time runs out. */
async function readEvents(
  url: string,
  cookie: string,
  until: (event: { event: string; data: string }) => boolean,
  act: () => Promise<void>,
): Promise<{ event: string; data: string }> {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let acted = false;
  const deadline = setTimeout(() => controller.abort(), 10_000);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended');
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
        if (event === 'ready' && !acted) {
          acted = true;
          await act();
        } else if (until({ event, data })) {
          return { event, data };
        }
      }
    }
  } finally {
    clearTimeout(deadline);
    controller.abort();
  }
}

describe('the browser session, live notices, hall screens and the web app at the edge', () => {
  let gateway: BootedGateway;
  let upstream: Awaited<ReturnType<typeof startStubUpstream>>;
  let webDir: string;

  beforeAll(async () => {
    upstream = await startStubUpstream();
    webDir = mkdtempSync(join(tmpdir(), 'kc-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Hội nghị khuyến công</title>');
    writeFileSync(
      join(webDir, 'assets', 'index-abc123.js'),
      `console.log(${JSON.stringify('x'.repeat(4000))});`,
    );
    gateway = await bootGateway({
      database: 'gateway_browser_session',
      upstreamUrl: upstream.url,
      env: { AUTH_DEMO_USERS: 'true', WEB_APP_DIR: webDir },
    });
  }, 120_000);

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  const signIn = async (username: string) => {
    const browser = new Browser(gateway.url);
    const reply = await browser.send('POST', '/api/v1/auth/session', {
      body: { username, password: PASSWORD },
    });
    expect(reply.status).toBe(200);
    return { browser, reply };
  };

  it('keeps the tokens in HttpOnly SameSite=Strict cookies, never in the body, and the cookie authenticates', async () => {
    const { browser, reply } = await signIn('sct.40');
    expect(reply.body).toEqual({
      principal: expect.objectContaining({ name: 'sct.40', role: 'province-officer', provinceCode: '40' }),
      expiresAt: expect.any(String),
    });
    expect(JSON.stringify(reply.body)).not.toMatch(/eyJ/);
    const cookies = setCookies(reply.headers);
    expect(cookies.get('kc_access')?.attributes).toMatch(/Path=\/;.*HttpOnly; SameSite=Strict/);
    expect(cookies.get('kc_refresh')?.attributes).toMatch(
      /Path=\/api\/v1\/auth\/session;.*HttpOnly; SameSite=Strict/,
    );

    const me = await browser.send('GET', '/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ name: 'sct.40' });
    // A forwarded read carries the session's token to the service as a bearer token.
    const before = upstream.calls.length;
    expect((await browser.send('GET', '/api/v1/plans?limit=1')).status).toBe(200);
    expect(upstream.calls[before].headers.authorization).toBe(`Bearer ${browser.jar.get('kc_access')}`);
    // Without the cookie there is no session.
    expect((await client(gateway.url)('GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('offers the demo accounts on the sign-in page only where they exist', async () => {
    const options = await client(gateway.url)('GET', '/api/v1/auth/sign-in-options');
    expect(options.body).toEqual({
      demo: { usernames: expect.arrayContaining(['xem', 'cuc.canbo']), password: PASSWORD },
      oidc: null,
    });
    // No issuer for browsers here: its sign-in route says so instead of sending the browser nowhere.
    const start = await client(gateway.url)('GET', '/api/v1/auth/oidc/start');
    expect(start.status).toBe(404);
    expect(start.body).toMatchObject({ code: 'auth.oidc-not-configured' });
  });

  it('refuses a write authenticated by the cookie without X-KC-Session, and changes nothing', async () => {
    const { browser } = await signIn('sct.40');
    const before = upstream.calls.length;
    const refused = await browser.send('POST', '/api/v1/plans', { body: { title: 'x' } });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'auth.session-header-required' });
    expect(upstream.calls.length).toBe(before);
    const created = await browser.send('POST', '/api/v1/screens', {
      body: { level: 'national', year: 2018, minutes: 30 },
      headers: { 'x-kc-session': '1' },
    });
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/^\/screen\/[A-Za-z0-9_-]{43}$/);
    // Under the Idempotency-Key rules of every POST: the same key gives the same link, a bad key nothing.
    const once = { body: { level: 'national', year: 2018, minutes: 30 }, headers: { 'x-kc-session': '1' } };
    const key = { 'idempotency-key': `screen-${randomUUID()}` };
    const first = await browser.send('POST', '/api/v1/screens', {
      ...once,
      headers: { ...once.headers, ...key },
    });
    const again = await browser.send('POST', '/api/v1/screens', {
      ...once,
      headers: { ...once.headers, ...key },
    });
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const badKey = await browser.send('POST', '/api/v1/screens', {
      ...once,
      headers: { ...once.headers, 'idempotency-key': 'é'.repeat(3) },
    });
    expect(badKey.status).toBe(400);
  });

  it('rotates the refresh cookie, and a used one presented again ends every session of its user', async () => {
    const { browser } = await signIn('cuc.canbo');
    const first = browser.jar.get('kc_refresh')!;
    const refreshed = await browser.send('POST', '/api/v1/auth/session/refresh', {
      headers: { 'x-kc-session': '1' },
    });
    expect(refreshed.status).toBe(200);
    expect(browser.jar.get('kc_refresh')).not.toBe(first);
    // Without the header a refresh is refused (it is a write).
    const headerless = await browser.send('POST', '/api/v1/auth/session/refresh');
    expect(headerless.status).toBe(400);
    expect(headerless.body).toMatchObject({ errors: [{ field: 'header.x-kc-session', rule: 'required' }] });

    const thief = new Browser(gateway.url);
    thief.jar.set('kc_refresh', first);
    const replay = await thief.send('POST', '/api/v1/auth/session/refresh', {
      headers: { 'x-kc-session': '1' },
    });
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ code: 'auth.invalid-refresh-token' });
    const afterTheft = await browser.send('POST', '/api/v1/auth/session/refresh', {
      headers: { 'x-kc-session': '1' },
    });
    expect(afterTheft.status).toBe(401);
  });

  it('ends the session: both tokens revoked, both cookies cleared', async () => {
    const { browser } = await signIn('cuc.admin');
    const access = browser.jar.get('kc_access')!;
    const refresh = browser.jar.get('kc_refresh')!;
    const withBody = await browser.send('POST', '/api/v1/auth/session/end', {
      body: { everything: true },
      headers: { 'x-kc-session': '1' },
    });
    expect(withBody.status).toBe(400);
    expect((await browser.send('GET', '/api/v1/auth/me')).status).toBe(200);
    const end = await browser.send('POST', '/api/v1/auth/session/end', { headers: { 'x-kc-session': '1' } });
    expect(end.status).toBe(204);
    expect(browser.jar.size).toBe(0);
    const stale = new Browser(gateway.url);
    stale.jar.set('kc_access', access);
    stale.jar.set('kc_refresh', refresh);
    expect((await stale.send('GET', '/api/v1/auth/me')).status).toBe(401);
    // Cleared from the browser, and revoked for whoever kept a copy.
    expect(
      (await stale.send('POST', '/api/v1/auth/session/refresh', { headers: { 'x-kc-session': '1' } })).status,
    ).toBe(401);
    expect((await browser.send('POST', '/api/v1/auth/session/refresh')).status).toBe(400);
  });

  it('tells an open page which service changed: from a relayed write and from a commit signal', async () => {
    const { browser } = await signIn('cuc.admin');
    const relayed = await readEvents(
      `${gateway.url}/api/v1/live`,
      browser.cookie,
      (e) => e.event === 'changed' && JSON.parse(e.data).services.includes('trade-fairs'),
      async () => {
        const [fair, registration] = [randomUUID(), randomUUID()];
        const reply = await browser.send(
          'POST',
          `/api/v1/fairs/${fair}/registrations/${registration}/confirm`,
          {
            headers: { 'x-kc-session': '1', 'idempotency-key': randomUUID() },
          },
        );
        expect(reply.status).toBe(200);
      },
    );
    expect(JSON.parse(relayed.data)).toEqual({ services: ['trade-fairs'], at: expect.any(String) });

    const publisher = createClient({ url: testInfrastructure().redisUrl });
    await publisher.connect();
    try {
      const signalled = await readEvents(
        `${gateway.url}/api/v1/live`,
        browser.cookie,
        (e) => e.event === 'changed' && JSON.parse(e.data).services.includes('reporting'),
        async () => {
          await publisher.publish(DATA_CHANGED_CHANNEL, 'reporting');
        },
      );
      expect(JSON.parse(signalled.data).services).toContain('reporting');
    } finally {
      await publisher.close();
    }
    // Nobody signed in hears nothing.
    expect((await client(gateway.url)('GET', '/api/v1/live')).status).toBe(401);
  });

  it('tells an unknown screen link from an expired one, and needs no session for either answer', async () => {
    const redis = createClient({ url: testInfrastructure().redisUrl });
    await redis.connect();
    try {
      const links = new ScreenLinks(redis as never);
      const { token } = await links.create(
        { level: 'national', year: 2018, grouping: 'current', minutes: 5 },
        'user:test',
        new Date(Date.now() - 10 * 60_000),
      );
      const anonymous = client(gateway.url);
      const expired = await anonymous('GET', `/api/v1/screens/${token}`);
      expect(expired.status).toBe(404);
      expect(expired.body).toMatchObject({ code: 'screen.expired' });
      expect((await anonymous('GET', `/api/v1/screens/${token}/live`)).body).toMatchObject({
        code: 'screen.expired',
      });
      const unknown = await anonymous('GET', `/api/v1/screens/${'A'.repeat(43)}`);
      expect(unknown.body).toMatchObject({ code: 'screen.unknown' });
      expect((await anonymous('GET', '/api/v1/screens/short')).status).toBe(400);
    } finally {
      await redis.close();
    }
  });

  it('serves the web app at / and every page path, its assets gzipped and immutable, and leaves /api alone', async () => {
    const page = await fetch(`${gateway.url}/projects/0b6b3c8e?year=2018`, {
      headers: { accept: 'text/html' },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await page.text()).toContain('Hội nghị khuyến công');

    const asset = await rawGet(`${gateway.url}/assets/index-abc123.js`, { 'accept-encoding': 'gzip' });
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(asset.body).toString()).toContain('console.log');

    // node:http, not fetch: fetch adds Cache-Control: no-cache to a conditional request.
    const etag = page.headers.get('etag')!;
    const again = await rawGet(`${gateway.url}/`, { accept: 'text/html', 'if-none-match': etag });
    expect(again.status).toBe(304);

    expect((await fetch(`${gateway.url}/assets/missing.js`)).status).toBe(404);
    const index = await client(gateway.url)('GET', '/api');
    expect(index.body).toMatchObject({ links: { app: '/', docs: '/api/docs' } });
    const unknownApi = await fetch(`${gateway.url}/api/v1/nothing-here`, {
      headers: { accept: 'text/html' },
    });
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.headers.get('content-type')).toMatch(/problem\+json/);
  });
});
