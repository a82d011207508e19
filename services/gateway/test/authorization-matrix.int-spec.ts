import { randomUUID } from 'node:crypto';
import { collectRouteRules, type RouteRule } from '@kc/auth';
import { ROLES, type Principal, type Role } from '@kc/contracts';
import { ClientsService } from '../src/application/identity/clients.service';
import { CLIENT_ROLES, SCOPES_OF_ROLE } from '../src/domain/identity/scopes';
import { TokenIssuer } from '../src/infrastructure/identity/token-issuer';
import { bootGateway, client, startStubUpstream, type BootedGateway } from './support/gateway-harness';

const PUBLIC = 'public';
const ALL = ROLES;
const STAFF: Role[] = ['central-admin', 'central-officer', 'province-officer'];
const CENTRAL: Role[] = ['central-admin', 'central-officer'];
const ADMIN: Role[] = ['central-admin'];
const REGISTRANTS: Role[] = [...STAFF, 'business'];
const CHECK_IN: Role[] = [...CENTRAL, 'fair-organizer'];

/**
 * Who may call each gateway route, written out by hand (not read from the decorators): the authorization
 * matrix below checks every route × role against it. A route added without an entry here fails the suite.
 */
const EXPECTED: Record<string, typeof PUBLIC | readonly Role[]> = {
  'GET /api': PUBLIC,
  'GET /health': PUBLIC,
  'GET /api/asyncapi.json': PUBLIC,
  'GET /api/asyncapi': PUBLIC,
  'GET /api/v1/reference/provinces': PUBLIC,
  'GET /api/v1/reference/provinces/:code': PUBLIC,
  'GET /api/v1/reference/regions': PUBLIC,
  'GET /api/v1/reference/activity-contents': PUBLIC,
  'GET /api/v1/auth/jwks': PUBLIC,
  'POST /api/v1/auth/login': PUBLIC,
  'POST /api/v1/auth/refresh': PUBLIC,
  'POST /api/v1/auth/token': PUBLIC,
  'POST /api/v1/auth/session': PUBLIC,
  'GET /api/v1/auth/sign-in-options': PUBLIC,
  'GET /api/v1/auth/oidc/start': PUBLIC,
  'GET /api/v1/auth/oidc/callback': PUBLIC,
  'POST /api/v1/auth/session/refresh': PUBLIC,
  'POST /api/v1/auth/session/end': ALL,
  'GET /api/v1/live': ALL,
  'POST /api/v1/screens': STAFF,
  'GET /api/v1/screens/:token': PUBLIC,
  'GET /api/v1/screens/:token/live': PUBLIC,
  'POST /api/v1/auth/logout': ALL,
  'POST /api/v1/auth/password': ALL,
  'GET /api/v1/auth/me': ALL,
  'POST /api/v1/auth/clients': ADMIN,
  'GET /api/v1/auth/clients': ADMIN,
  'POST /api/v1/auth/clients/:id/revoke': ADMIN,
  'POST /api/v1/auth/external-clients': ADMIN,
  'GET /api/v1/auth/external-clients': ADMIN,
  'POST /api/v1/auth/external-clients/:id/revoke': ADMIN,
  'GET /.well-known/oauth-authorization-server': PUBLIC,
  'GET /api/v1/audit': ADMIN,
  'GET /api/v1/users': ADMIN,
  'POST /api/v1/users': ADMIN,
  'GET /api/v1/users/:id': ADMIN,
  'PATCH /api/v1/users/:id': ADMIN,
  'PUT /api/v1/users/:id/fair-bindings': ADMIN,
  'POST /api/v1/plans': STAFF,
  'GET /api/v1/plans': STAFF,
  'GET /api/v1/plans/:id': STAFF,
  'POST /api/v1/plans/:id/ceilings': STAFF,
  'POST /api/v1/plans/:id/registrations': STAFF,
  'GET /api/v1/plans/:id/registrations': STAFF,
  'GET /api/v1/plans/:id/registration-coverage': STAFF,
  'POST /api/v1/plans/:id/decisions': STAFF,
  'GET /api/v1/plans/:id/decisions': STAFF,
  'POST /api/v1/programmes': STAFF,
  'GET /api/v1/programmes': STAFF,
  'GET /api/v1/programmes/:id': STAFF,
  'GET /api/v1/funding-norms': STAFF,
  'POST /api/v1/funding-norms': STAFF,
  'POST /api/v1/funding-norms/check': STAFF,
  'POST /api/v1/projects': STAFF,
  'GET /api/v1/projects': STAFF,
  'GET /api/v1/projects/:id': STAFF,
  'POST /api/v1/projects/:id/register': STAFF,
  'POST /api/v1/projects/:id/base-appraisal': STAFF,
  'POST /api/v1/projects/:id/ministry-appraisal': STAFF,
  'POST /api/v1/projects/:id/contract': STAFF,
  'POST /api/v1/projects/:id/accept': STAFF,
  'POST /api/v1/projects/:id/liquidate': STAFF,
  'POST /api/v1/projects/:id/settle': STAFF,
  'POST /api/v1/projects/:id/adjustments': STAFF,
  'POST /api/v1/projects/imports': STAFF,
  'POST /api/v1/projects/history-imports': STAFF,
  'GET /api/v1/projects/import-template.xlsx': STAFF,
  'GET /api/v1/projects/export.xlsx': STAFF,
  'POST /api/v1/projects/:id/progress-reports': STAFF,
  'GET /api/v1/projects/:id/progress-reports': STAFF,
  'POST /api/v1/projects/:id/disbursements': STAFF,
  'GET /api/v1/projects/:id/disbursements': STAFF,
  'GET /api/v1/advance-rules': STAFF,
  'GET /api/v1/double-funding-exemptions': STAFF,
  'POST /api/v1/double-funding-exemptions': CENTRAL,
  'POST /api/v1/clusters': STAFF,
  'GET /api/v1/clusters': STAFF,
  'GET /api/v1/clusters/:id': STAFF,
  'PATCH /api/v1/clusters/:id': STAFF,
  'POST /api/v1/clusters/:id/steps': STAFF,
  'POST /api/v1/clusters/:id/tenants': STAFF,
  'PATCH /api/v1/clusters/:id/tenants/:tenantId': STAFF,
  'DELETE /api/v1/clusters/:id/tenants/:tenantId': STAFF,
  'POST /api/v1/clusters/imports': STAFF,
  'GET /api/v1/clusters/export.xlsx': STAFF,
  'GET /api/v1/clusters/:id/support-projects': STAFF,
  'POST /api/v1/clusters/:id/support-projects': STAFF,
  'DELETE /api/v1/clusters/:id/support-projects/:projectId': STAFF,
  'POST /api/v1/cluster-reports': REGISTRANTS,
  'GET /api/v1/cluster-reports': STAFF,
  'GET /api/v1/cluster-reports/export.xlsx': STAFF,
  'POST /api/v1/cluster-reports/history-imports': STAFF,
  'GET /api/v1/cluster-reports/:id': REGISTRANTS,
  'PUT /api/v1/cluster-reports/:id/figures': REGISTRANTS,
  'POST /api/v1/cluster-reports/:id/submit': REGISTRANTS,
  'POST /api/v1/cluster-reports/:id/return': STAFF,
  'POST /api/v1/cluster-reports/:id/approve': STAFF,
  'POST /api/v1/cluster-reports/:id/reopen-requests': STAFF,
  'POST /api/v1/cluster-reports/:id/reopen-requests/:requestId/approve': STAFF,
  'GET /api/v1/cluster-report-rollups': STAFF,
  'GET /api/v1/cluster-report-database': STAFF,
  'POST /api/v1/cluster-report-imports': STAFF,
  'POST /api/v1/cluster-petitions': REGISTRANTS,
  'GET /api/v1/cluster-petitions': REGISTRANTS,
  'GET /api/v1/cluster-petitions/:id': REGISTRANTS,
  'POST /api/v1/cluster-petitions/:id/start': CENTRAL,
  'PUT /api/v1/cluster-petitions/:id/answer': CENTRAL,
  'POST /api/v1/cluster-petitions/:id/close': CENTRAL,
  'POST /api/v1/cluster-inspections': STAFF,
  'GET /api/v1/cluster-inspections': STAFF,
  'GET /api/v1/cluster-inspections/:id': STAFF,
  'POST /api/v1/cluster-inspections/:id/actions/:actionId/complete': STAFF,
  'POST /api/v1/fairs': CENTRAL,
  'GET /api/v1/fairs': ALL,
  'GET /api/v1/fairs/:id': ALL,
  'POST /api/v1/fairs/:id/booths': CHECK_IN,
  'GET /api/v1/fairs/:id/booths': ALL,
  'POST /api/v1/fairs/:id/quotas': CENTRAL,
  'GET /api/v1/fairs/:id/quotas': ALL,
  'POST /api/v1/fairs/:id/registration-window': CHECK_IN,
  'POST /api/v1/fairs/:id/registrations': REGISTRANTS,
  'GET /api/v1/fairs/:id/registrations': REGISTRANTS,
  'GET /api/v1/fairs/:id/registrations/:rid': REGISTRANTS,
  'POST /api/v1/fairs/:id/registrations/:rid/confirm': REGISTRANTS,
  'POST /api/v1/fairs/:id/registrations/:rid/cancel': REGISTRANTS,
  'GET /api/v1/fairs/:id/subsidy-policy': ALL,
  'POST /api/v1/fairs/:id/subsidy-policy': CENTRAL,
  'POST /api/v1/fairs/:id/registrations/:rid/certify': STAFF,
  'POST /api/v1/fairs/:id/certifications': STAFF,
  'POST /api/v1/fairs/:id/participant-list/certification': STAFF,
  'POST /api/v1/fairs/:id/registrations/:rid/check-in': CHECK_IN,
  'GET /api/v1/fairs/:id/contract-data': STAFF,
  'GET /api/v1/fairs/:id/contract-data.xlsx': STAFF,
  'POST /api/v1/fairs/:id/lottery': CHECK_IN,
  'GET /api/v1/fairs/:id/lottery': ALL,
  'GET /api/v1/fairs/:id/floor-plan.svg': ALL,
  'GET /api/v1/fairs/:id/floor-plan': PUBLIC,
  'GET /api/v1/fairs/:id/figures': ALL,
  'POST /api/v1/award-rounds': STAFF,
  'GET /api/v1/award-rounds': [...STAFF, 'juror'],
  'GET /api/v1/award-rounds/:id': [...STAFF, 'juror'],
  'POST /api/v1/award-rounds/:id/start-scoring': STAFF,
  'POST /api/v1/award-rounds/:id/close': STAFF,
  'POST /api/v1/award-rounds/:id/publish': STAFF,
  'GET /api/v1/award-rounds/:id/publication': STAFF,
  'PUT /api/v1/award-rounds/:id/council': STAFF,
  'GET /api/v1/award-rounds/:id/council': STAFF,
  'GET /api/v1/award-rounds/:id/panels': STAFF,
  'POST /api/v1/award-rounds/:id/entries/:entryId/recusal': ['juror'],
  'POST /api/v1/award-rounds/:id/entries/:entryId/substitutes': STAFF,
  'POST /api/v1/award-rounds/:id/entries': REGISTRANTS,
  'GET /api/v1/award-rounds/:id/entries': REGISTRANTS,
  'POST /api/v1/award-rounds/:id/entries/:entryId/dossier/:position/content': REGISTRANTS,
  'GET /api/v1/award-rounds/:id/entries/:entryId/dossier/:position': [...REGISTRANTS, 'juror'],
  'PUT /api/v1/award-rounds/:id/shortlist/:provinceCode': STAFF,
  'GET /api/v1/award-rounds/:id/assignments': ['juror'],
  'GET /api/v1/award-rounds/:id/entries/:entryId/sheet': ['juror'],
  'PUT /api/v1/award-rounds/:id/entries/:entryId/sheet': ['juror'],
  'GET /api/v1/award-rounds/:id/progress': STAFF,
  'GET /api/v1/award-rounds/:id/result': PUBLIC,
  'GET /api/v1/award-rounds/:id/result/verification': PUBLIC,
  'POST /api/v1/award-rounds/:id/complaints': REGISTRANTS,
  'GET /api/v1/award-rounds/:id/complaints': REGISTRANTS,
  'GET /api/v1/award-rounds/:id/complaints/:complaintId': REGISTRANTS,
  'PUT /api/v1/award-rounds/:id/complaints/:complaintId/answer': STAFF,
  'POST /api/v1/artisan-nominations': STAFF,
  'GET /api/v1/artisan-nominations': STAFF,
  'GET /api/v1/artisan-nominations/:id': STAFF,
  'POST /api/v1/artisan-nominations/:id/stages': STAFF,
  'POST /api/v1/award-certificates/records': STAFF,
  'GET /api/v1/award-certificates': STAFF,
  'GET /api/v1/award-certificates/:number': STAFF,
  'POST /api/v1/award-certificates/:number/withdrawal': STAFF,
  'GET /api/v1/award-certificates/:number/verification': PUBLIC,
  'GET /api/v1/award-certificates/:number/certificate.pdf': REGISTRANTS,
  'GET /api/v1/conferences/national': ALL,
  'GET /api/v1/conferences/regional/:region': ALL,
  'GET /api/v1/conferences/figures': ALL,
  'GET /api/v1/watchlist': STAFF,
  'POST /api/v1/conference-packs': CENTRAL,
  'GET /api/v1/conference-packs': ALL,
  'GET /api/v1/conference-packs/:id': ALL,
  'GET /api/v1/conference-packs/:id/report.pdf': ALL,
  'GET /api/v1/conference-packs/:id/annex.xlsx': ALL,
  'GET /api/v1/report-forms': REGISTRANTS,
  'GET /api/v1/report-forms/:formId/versions/:version': REGISTRANTS,
  'GET /api/v1/report-forms/:formId/versions/:version/template.xlsx': STAFF,
  'POST /api/v1/periodic-reports/history-imports': CENTRAL,
  'POST /api/v1/periodic-reports/:id/imports': STAFF,
  'POST /api/v1/periodic-reports': REGISTRANTS,
  'GET /api/v1/periodic-reports': REGISTRANTS,
  'GET /api/v1/periodic-reports/calendar': REGISTRANTS,
  'GET /api/v1/periodic-reports/completeness': ALL,
  'GET /api/v1/periodic-reports/:id': REGISTRANTS,
  'PUT /api/v1/periodic-reports/:id/content': REGISTRANTS,
  'POST /api/v1/periodic-reports/:id/attachments/:sha256/content': REGISTRANTS,
  'GET /api/v1/periodic-reports/:id/attachments/:sha256': REGISTRANTS,
  'POST /api/v1/periodic-reports/:id/submit': REGISTRANTS,
  'POST /api/v1/periodic-reports/:id/withdraw': REGISTRANTS,
  'POST /api/v1/periodic-reports/:id/approve': STAFF,
  'POST /api/v1/periodic-reports/:id/return': STAFF,
  'POST /api/v1/periodic-reports/:id/reopen-requests': STAFF,
  'POST /api/v1/periodic-reports/:id/reopen-requests/:requestId/approve': CENTRAL,
  'GET /api/v1/notifications': REGISTRANTS,
  'POST /api/v1/notifications/:id/read': REGISTRANTS,
  'POST /api/v1/api-clients/:clientId/webhooks': STAFF,
  'GET /api/v1/api-clients/:clientId/webhooks': STAFF,
  'GET /api/v1/api-clients/:clientId/webhooks/:subscriptionId/deliveries': STAFF,
  'GET /api/v1/api-clients/:clientId/webhooks/:subscriptionId': STAFF,
  'PATCH /api/v1/api-clients/:clientId/webhooks/:subscriptionId': STAFF,
  'DELETE /api/v1/api-clients/:clientId/webhooks/:subscriptionId': STAFF,
  'POST /api/v1/api-clients/:clientId/webhooks/:subscriptionId/secret-rotations': STAFF,
  'POST /api/v1/api-clients/:clientId/webhooks/:subscriptionId/pings': STAFF,
  'POST /api/v1/api-clients/:clientId/webhooks/:subscriptionId/deliveries/:deliveryId/redrive': STAFF,
};

const concrete = (path: string) =>
  path
    .replace(':id', randomUUID())
    .replace(':rid', randomUUID())
    .replace(':complaintId', randomUUID())
    .replace(':region', 'north')
    .replace(':token', 'A'.repeat(43))
    .replace(':number', 'QG-2023-0001');
const denied = (status: number) => status === 401 || status === 403;

function personOf(role: Role): Principal {
  return {
    kind: 'user',
    id: randomUUID(),
    name: `matrix.${role}`,
    role,
    ...(role === 'province-officer' ? { provinceCode: '40' } : {}),
    scopes: [...SCOPES_OF_ROLE[role]],
  };
}

describe('authorization matrix of the gateway route table', () => {
  let gateway: BootedGateway;
  let upstream: Awaited<ReturnType<typeof startStubUpstream>>;
  let call: ReturnType<typeof client>;
  let routes: RouteRule[];
  let issuer: TokenIssuer;

  beforeAll(async () => {
    upstream = await startStubUpstream();
    gateway = await bootGateway({
      database: 'gateway_matrix',
      upstreamUrl: upstream.url,
      // Every route × every role is more than a minute's share of one address; the limit has its own tests.
      env: { RATE_LIMIT_PER_IP_PER_MINUTE: '100000' },
    });
    call = client(gateway.url);
    routes = collectRouteRules(gateway.app);
    issuer = gateway.app.get(TokenIssuer);
  }, 120_000);

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  it('declares a rule on every route, and the expected table names exactly the routes there are', () => {
    expect(routes.filter((r) => r.rule === null).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('declares on each route the roles of the table', () => {
    for (const route of routes) {
      const expected = EXPECTED[`${route.method} ${route.path}`];
      const declared = route.rule === PUBLIC ? PUBLIC : [...(route.rule?.roles ?? [])].sort();
      expect([route.path, declared]).toEqual([
        route.path,
        expected === PUBLIC ? PUBLIC : [...expected].sort(),
      ]);
    }
  });

  it.each(Object.keys(EXPECTED))('%s: every role gets exactly what the table says', async (route) => {
    const [method, path] = route.split(' ');
    const expected = EXPECTED[route];
    const body = method === 'POST' ? {} : undefined;
    const anonymous = await call(method, concrete(path), { body });
    expect([route, 'anonymous', denied(anonymous.status)]).toEqual([route, 'anonymous', expected !== PUBLIC]);
    if (expected !== PUBLIC) expect(anonymous.status).toBe(401);
    for (const role of ROLES) {
      const { token } = await issuer.issue(personOf(role));
      const reply = await call(method, concrete(path), { body, token });
      const allowed = expected === PUBLIC || expected.includes(role);
      expect([route, role, reply.status === 403 ? 'denied' : 'allowed']).toEqual([
        route,
        role,
        allowed ? 'allowed' : 'denied',
      ]);
      expect(reply.status).not.toBe(401);
    }
  });

  it('requires an API client to hold the route scope besides an allowed role', async () => {
    const clients = gateway.app.get(ClientsService);
    const scoped = routes.filter(
      (r): r is RouteRule & { rule: { roles: readonly Role[]; scope: string } } =>
        typeof r.rule === 'object' && r.rule !== null && Boolean(r.rule.scope),
    );
    let checked = 0;
    for (const route of scoped) {
      const role = route.rule.roles.find((r) => CLIENT_ROLES.includes(r));
      if (!role) continue; // admin-only routes: no client can ever have the role
      const provinceCode = role === 'province-officer' ? '40' : undefined;
      const others = SCOPES_OF_ROLE[role].filter((s) => s !== route.rule.scope);
      const [withScope, without] = await Promise.all(
        [SCOPES_OF_ROLE[role], others].map((scopes) =>
          clients.register({
            name: `matrix ${role}`,
            role,
            provinceCode,
            scopes: [...scopes],
            rateLimitPerMinute: 1000,
          }),
        ),
      );
      const body = route.method === 'POST' ? {} : undefined;
      const path = concrete(route.path);
      const allowed = await call(route.method, path, { body, headers: { 'x-api-key': withScope.apiKey } });
      const refused = await call(route.method, path, { body, headers: { 'x-api-key': without.apiKey } });
      expect([route.path, denied(allowed.status), refused.status]).toEqual([route.path, false, 403]);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });
});
