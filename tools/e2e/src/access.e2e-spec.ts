import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { PlanView, ProjectView } from '@kc/contracts';
import { eventually } from '@kc/testing';
import { anonymous, as, call, DEMO_PASSWORD, withToken, type Session } from './gateway-client';

const YEAR = 2032;

/** A draft project of `provinceCode` under `planId` (the body of POST /api/v1/projects). */
const draft = (planId: string, provinceCode: string, title: string) => ({
  planId,
  title,
  kind: 'ordinary',
  activityContents: [1],
  implementingUnit: 'Trung tâm Khuyến công',
  provinceCode,
  startDate: `${YEAR}-03-01`,
  endDate: `${YEAR}-10-31`,
  kcqgVnd: 0,
  kcdpVnd: 200_000_000,
  counterpartVnd: 50_000_000,
  otherVnd: 0,
  procurementMode: 'selection',
  advanceCategory: 'training-events-media',
});
const servicePort = (name: string) =>
  Number(
    process.env['KC_E2E_SERVICE_PORTS']
      ?.split(',')
      .find((e) => e.startsWith(`${name}=`))
      ?.split('=')[1],
  );

/** A token that looks right but is signed with a key the platform never issued. */
async function forgedToken(role: string, provinceCode?: string): Promise<string> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const kid = (await exportJWK(publicKey)).x!.slice(0, 8);
  return new SignJWT({ kc: { kind: 'user', id: 'x', name: 'mallory', role, provinceCode, scopes: [] } })
    .setProtectedHeader({ alg: 'ES256', kid })
    .setIssuer('kc-gateway')
    .setAudience('kc-services')
    .setSubject('x')
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(privateKey);
}

describe('province isolation: sct.40 cannot touch a province-01 record by any route', () => {
  let haNoi: Session;
  let ngheAn: Session;
  let plan01: PlanView;
  let project01: ProjectView;
  let cluster01: { id: string };

  beforeAll(async () => {
    haNoi = await as('sct.01');
    ngheAn = await as('sct.40');
    plan01 = (
      await haNoi.post<PlanView>('/api/v1/plans', {
        year: YEAR,
        level: 'provincial',
        provinceCode: '01',
        budgetVnd: 900_000_000,
        registrationDeadline: `${YEAR - 1}-09-30`,
      })
    ).body;
    project01 = await eventually(async () => {
      const reply = await haNoi.post<ProjectView>(
        '/api/v1/projects',
        draft(plan01.id, '01', 'Đào tạo nghề mây tre đan xuất khẩu'),
      );
      return reply.status === 201 ? reply.body : undefined;
    });
    cluster01 = (
      await haNoi.post<{ id: string }>('/api/v1/clusters', {
        code: 'CCN-01-ISO',
        name: 'Cụm công nghiệp Phú Nghĩa',
        provinceCode: '01',
        status: 'operating',
        establishment: {
          number: '2011/QĐ-UBND',
          date: '2015-03-20',
          authority: 'provincial-peoples-committee',
          issuedBy: 'UBND thành phố Hà Nội',
        },
        totalAreaHa: 60,
      })
    ).body;
    expect(plan01.id && project01.id && cluster01.id).toBeTruthy();
  });

  it('cannot read another province’s records by id (they look like they do not exist)', async () => {
    for (const path of [
      `/api/v1/plans/${plan01.id}`,
      `/api/v1/projects/${project01.id}`,
      `/api/v1/clusters/${cluster01.id}`,
    ]) {
      expect([path, (await ngheAn.get(path)).status]).toEqual([path, 404]);
      expect([path, (await haNoi.get(path)).status]).toEqual([path, 200]);
    }
  });

  it('cannot list another province’s records, neither by filter nor in its own lists', async () => {
    for (const path of ['/api/v1/plans', '/api/v1/projects', '/api/v1/clusters']) {
      expect((await ngheAn.get(`${path}?provinceCode=01`)).status).toBe(403);
      const own = await ngheAn.get<{ items: { provinceCode: string | null }[] }>(`${path}?limit=200`);
      expect(own.status).toBe(200);
      expect(own.body.items.filter((i) => i.provinceCode === '01')).toEqual([]);
    }
  });

  it('cannot create or change records of another province', async () => {
    const plan = await ngheAn.post('/api/v1/plans', {
      year: YEAR + 1,
      level: 'provincial',
      provinceCode: '01',
      budgetVnd: 1,
    });
    expect(plan.status).toBe(403);
    const national = await ngheAn.post('/api/v1/plans', { year: YEAR + 1, level: 'national', budgetVnd: 1 });
    expect(national.status).toBe(403);
    const project = await ngheAn.post('/api/v1/projects', draft(plan01.id, '01', 'Dự án chen ngang'));
    expect(project.status).toBe(403);
    const cluster = await ngheAn.post('/api/v1/clusters', {
      code: 'CCN-01-X',
      name: 'Cụm công nghiệp giả',
      provinceCode: '01',
      status: 'planned',
      totalAreaHa: 10,
    });
    expect(cluster.status).toBe(403);
    // A lifecycle step on another province's project: it does not exist for them (404), and nothing changes.
    expect((await ngheAn.post(`/api/v1/projects/${project01.id}/register`, {})).status).toBe(404);
    const appraise = await ngheAn.post(`/api/v1/projects/${project01.id}/base-appraisal`, {
      reviewer: 'Sở Công Thương Nghệ An',
      criteria: [{ name: 'Phù hợp nội dung khuyến công', passed: true }],
      result: 'passed',
      appraisedOn: `${YEAR - 1}-06-05`,
    });
    expect(appraise.status).toBe(404);
    expect((await haNoi.get<ProjectView>(`/api/v1/projects/${project01.id}`)).body.status).toBe('draft');
    // Nor can they see its figures' reasons: the watchlist is limited to their own unit.
    expect((await ngheAn.get('/api/v1/watchlist?provinceCode=01')).status).toBe(403);
  });

  it('is refused at the service too when it bypasses the gateway with its own valid token', async () => {
    const direct = await call(
      'GET',
      `http://127.0.0.1:${servicePort('plans')}/api/v1/plans/${plan01.id}`,
      undefined,
      {
        authorization: `Bearer ${ngheAn.token}`,
      },
    );
    expect(direct.status).toBe(404);
  });
});

describe('tokens', () => {
  it('refuses a request without a token, at the gateway and straight at a service', async () => {
    expect((await anonymous.get('/api/v1/plans')).status).toBe(401);
    for (const service of ['plans', 'projects', 'clusters', 'trade-fairs', 'awards', 'reporting']) {
      const reply = await call('GET', `http://127.0.0.1:${servicePort(service)}/health`);
      expect([service, reply.status]).toEqual([service, 200]);
    }
    const direct = await call('GET', `http://127.0.0.1:${servicePort('plans')}/api/v1/plans`);
    expect(direct.status).toBe(401);
    expect(direct.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('refuses a forged token and a token signed with another key, everywhere', async () => {
    const forged = await forgedToken('central-admin');
    expect((await withToken(forged).get('/api/v1/plans')).status).toBe(401);
    const direct = await call(
      'GET',
      `http://127.0.0.1:${servicePort('projects')}/api/v1/projects`,
      undefined,
      {
        authorization: `Bearer ${forged}`,
      },
    );
    expect(direct.status).toBe(401);
    const agency = await as('cuc.canbo');
    const [header, payload] = agency.token.split('.');
    const tampered = `${header}.${Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload, 'base64url').toString()),
        kc: { kind: 'user', id: 'x', name: 'x', role: 'central-admin', scopes: [] },
      }),
    ).toString('base64url')}.${agency.token.split('.')[2]}`;
    expect((await withToken(tampered).get('/api/v1/audit')).status).toBe(401);
  });

  it('refuses a token after logout, at the gateway and at the services', async () => {
    const login = await anonymous.post<{ accessToken: string; refreshToken: string }>('/api/v1/auth/login', {
      username: 'cuc.canbo',
      password: DEMO_PASSWORD,
    });
    const session = withToken(login.body.accessToken);
    expect((await session.get('/api/v1/plans')).status).toBe(200);
    expect(
      (await session.post('/api/v1/auth/logout', { refreshToken: login.body.refreshToken })).status,
    ).toBeLessThan(300);
    expect((await session.get('/api/v1/plans')).status).toBe(401);
    const direct = await call('GET', `http://127.0.0.1:${servicePort('plans')}/api/v1/plans`, undefined, {
      authorization: `Bearer ${login.body.accessToken}`,
    });
    expect(direct.status).toBe(401);
    const refreshed = await anonymous.post('/api/v1/auth/refresh', { refreshToken: login.body.refreshToken });
    expect(refreshed.status).toBe(401);
  });

  it('locks an account after five wrong passwords: the sixth attempt is refused even with the right one', async () => {
    for (let i = 1; i <= 5; i++) {
      const wrong = await anonymous.post('/api/v1/auth/login', {
        username: 'giamkhao.9',
        password: `wrong-${i}`,
      });
      expect([i, wrong.status]).toEqual([i, 401]);
    }
    const sixth = await anonymous.post('/api/v1/auth/login', {
      username: 'giamkhao.9',
      password: DEMO_PASSWORD,
    });
    expect(sixth.status).toBe(429);
    expect(sixth.body).toMatchObject({ code: 'auth.locked' });
  });
});

describe('audit trail', () => {
  it('records every state change exactly once with the right actor, for central admins only', async () => {
    const officer = await as('sct.92');
    const plan = await officer.post<PlanView>('/api/v1/plans', {
      year: YEAR,
      level: 'provincial',
      provinceCode: '92',
      budgetVnd: 700_000_000,
    });
    expect(plan.status).toBe(201);
    const admin = await as('cuc.admin');
    const records = await eventually(async () => {
      const reply = await admin.get<{ items: Record<string, unknown>[] }>(
        `/api/v1/audit?resourceId=${plan.body.id}`,
      );
      return reply.status === 200 && reply.body.items.some((r) => r['action'] === 'plan.create')
        ? reply.body.items
        : undefined;
    });
    const creates = records.filter((r) => r['action'] === 'plan.create');
    expect(creates).toHaveLength(1);
    expect(JSON.stringify(creates[0])).toContain('sct.92');
    expect((await officer.get('/api/v1/audit')).status).toBe(403);
    expect((await (await as('xem')).get('/api/v1/audit')).status).toBe(403);
  });
});
