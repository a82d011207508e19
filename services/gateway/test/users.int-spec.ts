import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REDIS, type Redis } from '@kc/cache';
import type { Principal, TokenResponse, UserPage, UserView } from '@kc/contracts';
import { userPrincipal } from '../src/domain/identity/principals';
import { IssuedTokens } from '../src/infrastructure/identity/issued-tokens.store';
import { bootGateway, client, type BootedGateway } from './support/gateway-harness';

const PASSWORD = 'khuyencong2026';
const NEW_PASSWORD = 'mat-khau-du-dai-2026';

/**
 * trade-fairs as far as the binding check needs it: a fair exists when it was put in `fairs`, anything else
 * is 404 (the gateway tests boot no real service behind the gateway).
 */
async function startOwners() {
  const fairs = new Set<string>();
  const asked: { url: string; headers: IncomingHttpHeaders }[] = [];
  const server: Server = createServer((req, res) => {
    asked.push({ url: req.url!, headers: req.headers });
    const [, id] = req.url!.match(/^\/api\/v1\/fairs\/([^/?]+)$/) ?? [];
    res.statusCode = req.method === 'GET' && fairs.has(id) ? 200 : 404;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(res.statusCode === 200 ? { id } : { status: 404 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    fairs,
    asked,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Forget earlier runs' failed logins in the shared test Redis. */
async function clearLoginCounters(redis: Redis) {
  const keys: string[] = [];
  for await (const batch of redis.scanIterator({ MATCH: 'kc:gateway:login:*', COUNT: 500 }))
    keys.push(...batch);
  if (keys.length > 0) await redis.del(keys);
}

describe('user management by the agency (gateway, real Postgres/Redis)', () => {
  let gateway: BootedGateway;
  let owners: Awaited<ReturnType<typeof startOwners>>;
  let call: ReturnType<typeof client>;
  let admin: string;
  let adminId: string;

  const login = (username: string, password = PASSWORD) =>
    call<TokenResponse & Record<string, unknown>>('POST', '/api/v1/auth/login', {
      body: { username, password },
    });
  const newUsername = (prefix: string) => `${prefix}.${randomUUID().slice(0, 8)}`;
  const create = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    call<UserView & Record<string, unknown>>('POST', '/api/v1/users', { token: admin, body, headers });
  const patch = (id: string, body: Record<string, unknown>) =>
    call<UserView & Record<string, unknown>>('PATCH', `/api/v1/users/${id}`, { token: admin, body });
  const auditOf = async (id: string) =>
    (
      await call<{ items: { action: string; actor: { id: string; role: string } }[] }>(
        'GET',
        `/api/v1/audit?resourceType=user&resourceId=${id}`,
        { token: admin },
      )
    ).body.items;

  beforeAll(async () => {
    owners = await startOwners();
    gateway = await bootGateway({
      database: 'gateway_users',
      upstreamUrl: owners.url,
      env: { AUTH_DEMO_USERS: 'true' },
    });
    await clearLoginCounters(gateway.app.get<Redis>(REDIS));
    call = client(gateway.url);
    admin = (await login('cuc.admin')).body.accessToken;
    adminId = (await call<Principal>('GET', '/api/v1/auth/me', { token: admin })).body.id;
  }, 120_000);

  afterAll(async () => {
    await gateway?.close();
    await owners?.close();
  });

  it('creates a fair organiser, binds it to a fair the owner knows, and its next login carries the fair', async () => {
    const fairId = randomUUID();
    owners.fairs.add(fairId);
    const username = newUsername('btc');
    const created = await create({ username, password: NEW_PASSWORD, role: 'fair-organizer' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/users/${created.body.id}`);
    expect(created.body).toEqual({
      id: expect.any(String),
      username,
      role: 'fair-organizer',
      roleLabel: 'Ban tổ chức hội chợ',
      provinceCode: null,
      fairIds: [],
      facilityTaxCode: null,
      disabled: false,
      createdAt: expect.any(String),
    });

    const unknownFair = randomUUID();
    const refused = await call('PUT', `/api/v1/users/${created.body.id}/fair-bindings`, {
      token: admin,
      body: { fairIds: [fairId, unknownFair] },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'user.unknown-fair' });
    expect(JSON.stringify(refused.body)).toContain('body.fairIds[1]');

    const bound = await call<UserView>('PUT', `/api/v1/users/${created.body.id}/fair-bindings`, {
      token: admin,
      body: { fairIds: [fairId] },
    });
    expect(bound.status).toBe(200);
    expect(bound.body.fairIds).toEqual([fairId]);
    // The owner was asked as the caller: the admin's own token went along.
    const asked = owners.asked.find((a) => a.url === `/api/v1/fairs/${fairId}`);
    expect(asked?.headers.authorization).toBe(`Bearer ${admin}`);

    const session = (await login(username, NEW_PASSWORD)).body;
    const me = await call<Principal>('GET', '/api/v1/auth/me', { token: session.accessToken });
    expect(me.body).toMatchObject({ role: 'fair-organizer', fairIds: [fairId] });

    const got = await call<UserView>('GET', `/api/v1/users/${created.body.id}`, { token: admin });
    expect(got.body).toEqual(bound.body);
    expect(got.body).not.toHaveProperty('passwordHash');
    const actions = (await auditOf(created.body.id)).map((r) => [r.action, r.actor.id, r.actor.role]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['user.created', 'cuc.admin', 'central-admin'],
        ['user.fairs-bound', 'cuc.admin', 'central-admin'],
      ]),
    );
  });

  it('keeps no award rounds on a juror’s account: the juries at awards decide, so its token names none', async () => {
    const named = await create({
      username: newUsername('gk'),
      password: NEW_PASSWORD,
      role: 'juror',
      roundIds: [randomUUID()],
    });
    expect([named.status, JSON.stringify(named.body)]).toEqual([400, expect.stringContaining('roundIds')]);
    const username = newUsername('gk');
    const juror = await create({ username, password: NEW_PASSWORD, role: 'juror' });
    expect(juror.status).toBe(201);
    expect(juror.body).not.toHaveProperty('roundIds');
    const session = (await login(username, NEW_PASSWORD)).body;
    const me = await call<Principal>('GET', '/api/v1/auth/me', { token: session.accessToken });
    expect(me.body).toEqual({
      kind: 'user',
      id: juror.body.id,
      name: username,
      role: 'juror',
      scopes: expect.any(Array),
    });
    const binding = await call('PUT', `/api/v1/users/${juror.body.id}/round-bindings`, {
      token: admin,
      body: { roundIds: [] },
    });
    expect(binding.status).toBe(404);
  });

  it('disables a user: its login fails, its access token and its refresh token are refused at once', async () => {
    const username = newUsername('btc');
    const user = await create({ username, password: NEW_PASSWORD, role: 'fair-organizer' });
    const session = (await login(username, NEW_PASSWORD)).body;
    expect((await call('GET', '/api/v1/auth/me', { token: session.accessToken })).status).toBe(200);

    const disabled = await patch(user.body.id, { disabled: true });
    expect([disabled.status, disabled.body.disabled]).toEqual([200, true]);

    const old = await call('GET', '/api/v1/auth/me', { token: session.accessToken });
    expect([old.status, old.body['code']]).toEqual([401, 'auth.revoked-token']);
    const refreshed = await call('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    expect(refreshed.status).toBe(401);
    expect((await login(username, NEW_PASSWORD)).status).toBe(401);

    const listed = await call<UserPage>('GET', `/api/v1/users?disabled=true&username=${username}`, {
      token: admin,
    });
    expect(listed.body).toMatchObject({
      total: 1,
      limit: 50,
      offset: 0,
      items: [{ username, disabled: true }],
    });
    expect((await auditOf(user.body.id)).map((r) => r.action)).toContain('user.disabled');

    const enabled = await patch(user.body.id, { disabled: false });
    expect(enabled.status).toBe(200);
    expect((await login(username, NEW_PASSWORD)).status).toBe(200);
  });

  it('changes a role: tokens of the old role end, the next login carries the new one', async () => {
    const username = newUsername('cb');
    const user = await create({ username, password: NEW_PASSWORD, role: 'central-officer' });
    const before = (await login(username, NEW_PASSWORD)).body.accessToken;

    const moved = await patch(user.body.id, { role: 'province-officer' });
    expect([moved.status, moved.body['code']]).toEqual([422, 'user.province-required']);
    const changed = await patch(user.body.id, { role: 'province-officer', provinceCode: '40' });
    expect(changed.body).toMatchObject({ role: 'province-officer', provinceCode: '40' });

    expect((await call('GET', '/api/v1/auth/me', { token: before })).status).toBe(401);
    const after = (await login(username, NEW_PASSWORD)).body.accessToken;
    const me = await call<Principal>('GET', '/api/v1/auth/me', { token: after });
    expect(me.body).toMatchObject({ role: 'province-officer', provinceCode: '40' });
  });

  it('never hands out a token read from an account that changed meanwhile', async () => {
    const user = await create({ username: newUsername('btc'), password: NEW_PASSWORD, role: 'viewer' });
    const stale = userPrincipal(user.body);
    await patch(user.body.id, { disabled: true });
    const tracked = await gateway.app
      .get(IssuedTokens)
      .track(stale, { jti: randomUUID(), expiresAt: Math.floor(Date.now() / 1000) + 60 });
    expect(tracked).toBe(false);
  });

  it('keeps usernames unique, whatever their case (409)', async () => {
    const username = newUsername('dn');
    const first = await create({ username, password: NEW_PASSWORD, role: 'viewer' });
    expect(first.status).toBe(201);
    const again = await create({ username: username.toUpperCase(), password: NEW_PASSWORD, role: 'viewer' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'user.username-taken' });
  });

  it('binds province officers to a unit in force today, businesses to a facility, nobody else (422)', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ role: 'province-officer' }, 'user.province-required', 'body.provinceCode'],
      [{ role: 'province-officer', provinceCode: '30' }, 'user.province-not-in-force', 'body.provinceCode'],
      [{ role: 'viewer', provinceCode: '40' }, 'user.province-not-allowed', 'body.provinceCode'],
      [{ role: 'business' }, 'user.facility-required', 'body.facilityTaxCode'],
      [{ role: 'juror', fairIds: [randomUUID()] }, 'user.fairs-not-allowed', 'body.fairIds'],
    ];
    for (const [extra, code, field] of cases) {
      const reply = await create({ username: newUsername('x'), password: NEW_PASSWORD, ...extra });
      expect([extra, reply.status, reply.body['code'], JSON.stringify(reply.body)]).toEqual([
        extra,
        422,
        code,
        expect.stringContaining(field),
      ]);
    }
    const business = await create({
      username: newUsername('dn'),
      password: NEW_PASSWORD,
      role: 'business',
      facilityTaxCode: '0101234567-001',
    });
    expect([business.status, business.body.facilityTaxCode]).toEqual([201, '0101234567-001']);
  });

  it('refuses a weak password, an unknown field and a malformed tax code (400 naming the field)', async () => {
    const weak = await create({ username: newUsername('x'), password: 'short', role: 'viewer' });
    expect(weak.status).toBe(400);
    expect(JSON.stringify(weak.body)).toContain('body.password');
    const extra = await create({
      username: newUsername('x'),
      password: NEW_PASSWORD,
      role: 'viewer',
      admin: 1,
    });
    expect(extra.status).toBe(400);
    const tax = await create({
      username: newUsername('x'),
      password: NEW_PASSWORD,
      role: 'business',
      facilityTaxCode: '12345',
    });
    expect(JSON.stringify(tax.body)).toContain('body.facilityTaxCode');
    const query = await call('GET', '/api/v1/users?sort=name', { token: admin });
    expect(query.status).toBe(400);
  });

  it('keeps the admin who acts: no disabling or demoting oneself (422)', async () => {
    const off = await patch(adminId, { disabled: true });
    expect([off.status, off.body['code']]).toEqual([422, 'user.self-lockout']);
    const down = await patch(adminId, { role: 'central-officer' });
    expect([down.status, down.body['code']]).toEqual([422, 'user.self-lockout']);
  });

  it('answers the same creation again for the same Idempotency-Key, without a second user', async () => {
    const body = { username: newUsername('xem'), password: NEW_PASSWORD, role: 'viewer' };
    const key = { 'idempotency-key': randomUUID() };
    const first = await create(body, key);
    const again = await create(body, key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const other = await create({ ...body, role: 'juror' }, key);
    expect([other.status, other.body['code']]).toEqual([409, 'idempotency.key-reused']);
  });

  it('is for central admins only; unknown ids are 404, malformed ones 400', async () => {
    const officer = (await login('sct.40')).body.accessToken;
    expect((await call('GET', '/api/v1/users', { token: officer })).status).toBe(403);
    expect((await call('GET', '/api/v1/users')).status).toBe(401);
    const missing = await call('GET', `/api/v1/users/${randomUUID()}`, { token: admin });
    expect([missing.status, missing.body['code']]).toEqual([404, 'user.not-found']);
    expect((await call('GET', '/api/v1/users/not-a-uuid', { token: admin })).status).toBe(400);
    const officers = await call<UserPage>('GET', '/api/v1/users?role=province-officer&provinceCode=40', {
      token: admin,
    });
    expect(officers.body.items.map((u) => u.username)).toContain('sct.40');
    expect(officers.body.items.every((u) => u.role === 'province-officer' && u.provinceCode === '40')).toBe(
      true,
    );
  });
});
