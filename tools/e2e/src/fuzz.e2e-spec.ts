import * as fc from 'fast-check';
import { OAUTH_ERROR_CODES } from '@kc/contracts';
import { call, DEMO_PASSWORD, directGatewayUrl } from './gateway-client';
import { casesFor, exampleRequest, type FuzzCase } from './fuzz-cases';
import { ROLES, routeName, routesOf, type OpenApiDocument, type Role, type Route } from './fuzz-routes';
import { closeRawAgent, sendRaw, type RawReply } from './raw-http';
// Plain CommonJS, shared with the conformance proxy in front of the gateway (platform-setup.mjs).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { conformanceChecker } = require('../openapi-conformance.cjs') as {
  conformanceChecker(document: unknown): Promise<{
    judge(
      method: string,
      url: string,
      status: number,
      contentType: string,
      body: string,
    ): { reason?: string };
  }>;
};

// Hostile input on every route of the public API, as every role and anonymously, driven by the gateway's own
// OpenAPI document. Reproduce a run with KC_FUZZ_SEED=<seed>; KC_FUZZ_RUNS raises the runs per route and role.
const SEED = Number(process.env['KC_FUZZ_SEED'] ?? 20_260_315);
const RUNS_PERMITTED = Number(process.env['KC_FUZZ_RUNS'] ?? 16);
const RUNS_REFUSED = Math.max(1, Math.round(RUNS_PERMITTED / 4));
const CONCURRENCY = 4;

const ACCOUNTS: Record<Role, string> = {
  'central-admin': 'cuc.admin',
  'central-officer': 'cuc.canbo',
  'province-officer': 'sct.40',
  'fair-organizer': 'btc.hoicho',
  business: 'dn.demo',
  juror: 'giamkhao.1',
  viewer: 'xem',
};
type Identity = Role | 'anonymous';
const IDENTITIES: Identity[] = [...ROLES, 'anonymous'];

async function login(role: Role): Promise<string> {
  const reply = await call<{ accessToken: string }>('POST', '/api/v1/auth/login', {
    username: ACCOUNTS[role],
    password: DEMO_PASSWORD,
  });
  if (reply.status !== 200) throw new Error(`login as ${ACCOUNTS[role]} → ${reply.status}`);
  return reply.body.accessToken;
}

const permits = (route: Route, identity: Identity) =>
  route.access === 'public' || (identity !== 'anonymous' && route.access.includes(identity));

interface FieldError {
  field?: unknown;
  rule?: unknown;
}

const OAUTH_TOKEN_PATH = '/api/v1/auth/token';
const isTokenEndpoint = (c: FuzzCase) => c.path.split('?')[0] === OAUTH_TOKEN_PATH;

/**
 * The OAuth token endpoint refuses as RFC 6749 §5.2 says — `{ error, error_description }` JSON, the field named
 * in the description — so that OAuth client libraries understand it; everything else answers problem+json.
 */
function oauthViolations(c: FuzzCase, reply: RawReply): string[] {
  let body: { error?: unknown; error_description?: unknown };
  try {
    body = JSON.parse(reply.body) as typeof body;
  } catch {
    return [`${reply.status} OAuth error is not JSON`];
  }
  const found: string[] = [];
  if (!OAUTH_ERROR_CODES.includes(body.error as never)) found.push(`OAuth error "${String(body.error)}"`);
  if (typeof body.error_description !== 'string') found.push('OAuth error without error_description');
  const field = c.field?.split('.').pop();
  if (
    reply.status === 400 &&
    body.error === 'invalid_request' &&
    field &&
    !String(body.error_description).includes(field)
  )
    found.push(`invalid_request does not name ${field}`);
  return found;
}

/** What is wrong with the answer to a hostile case (nothing: an empty list). */
function violations(c: FuzzCase, reply: RawReply): string[] {
  const found: string[] = [];
  if (reply.status >= 500 || reply.status < 200) found.push(`answered ${reply.status}`);
  if (reply.status < 300 && reply.status >= 200 && (c.invalid || c.method === 'POST'))
    found.push(`accepted hostile input with ${reply.status}`);
  if (reply.status < 400 || reply.status >= 500) return found;
  // A body the parser cannot read is refused at the edge, before the endpoint: problem+json like any other.
  const oauthAnswer = !/^application\/problem\+json\b/.test(reply.contentType);
  if (isTokenEndpoint(c) && (reply.status === 400 || reply.status === 401) && oauthAnswer)
    return [...found, ...oauthViolations(c, reply)];
  if (!/^application\/problem\+json\b/.test(reply.contentType)) {
    return [...found, `${reply.status} as "${reply.contentType}", not application/problem+json`];
  }
  let problem: Record<string, unknown>;
  try {
    problem = JSON.parse(reply.body) as Record<string, unknown>;
  } catch {
    return [...found, `${reply.status} problem body is not JSON`];
  }
  for (const member of ['type', 'title', 'detail'])
    if (typeof problem[member] !== 'string' || problem[member] === '')
      found.push(`problem without "${member}"`);
  if (problem['status'] !== reply.status) found.push(`problem status ${String(problem['status'])}`);
  const errors = problem['errors'];
  if (errors !== undefined) {
    const entries = Array.isArray(errors) ? (errors as FieldError[]) : [];
    if (
      entries.length === 0 ||
      entries.some((e) => typeof e.field !== 'string' || typeof e.rule !== 'string')
    )
      found.push('errors[] without field and rule');
  }
  if (c.field && reply.status === 400) {
    const fields = Array.isArray(errors) ? (errors as FieldError[]).map((e) => String(e.field)) : [];
    if (!fields.some((f) => f === c.field || f.startsWith(`${c.field}.`)))
      found.push(`400 does not name ${c.field} (errors: ${fields.join(', ') || 'none'})`);
  }
  return found;
}

/** A deterministic seed per route and identity, so one pair can be replayed alone. */
function seedFor(route: Route, identity: Identity): number {
  let h = SEED;
  for (const ch of `${routeName(route)} ${identity}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: size }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/** Routes whose success revokes the caller's token. */
const ENDS_SESSION = ['/api/v1/auth/logout', '/api/v1/auth/session/end'];

describe('hostile input on every route of the OpenAPI document', () => {
  let routes: Route[];
  const tokens = new Map<Identity, string | null>();
  const examplesRefused = new Set<string>();
  /** Each hostile request goes to the gateway straight; its answer is held to the document here instead. */
  let judge: Awaited<ReturnType<typeof conformanceChecker>>['judge'];

  beforeAll(async () => {
    const doc = await call<OpenApiDocument>('GET', '/api/docs-json');
    expect(doc.status).toBe(200);
    routes = routesOf(doc.body);
    ({ judge } = await conformanceChecker(doc.body));
    tokens.set('anonymous', null);
    for (const role of ROLES) tokens.set(role, await login(role));
    // Where the example request itself fails validation, a 400 to a bad path id may name the example's
    // faults instead (each part of a request is validated on its own): those routes skip that check.
    for (const route of routes.filter((r) => r.pathParams.length > 0)) {
      const caller = IDENTITIES.find((identity) => permits(route, identity))!;
      const token = tokens.get(caller);
      const example = exampleRequest(route);
      const reply = await sendRaw(directGatewayUrl(), {
        ...example,
        path: example.path(),
        headers: { ...example.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
      if (reply.status === 400) examplesRefused.add(routeName(route));
    }
  });

  afterAll(() => closeRawAgent());

  it('answers every case below 500, refuses it, and explains a 4xx as problem+json naming the field', async () => {
    const started = Date.now();
    const byStatus = new Map<number, number>();
    const byKind = new Map<string, Map<number, number>>();
    const findings: string[] = [];
    /** Routes whose edge validation answered a field error at least once: the fuzzer got past the guards. */
    const validated = new Set<string>();
    const count = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

    const pairs = routes.flatMap((route) => IDENTITIES.map((identity) => ({ route, identity })));
    await pool(pairs, CONCURRENCY, async ({ route, identity }) => {
      const run = fc.asyncProperty(
        casesFor(route, tokens.get(identity) ?? null, !examplesRefused.has(routeName(route))),
        async (c) => {
          const token = tokens.get(identity);
          const credentials = c.credentials ?? (token ? { authorization: `Bearer ${token}` } : {});
          const reply = await sendRaw(directGatewayUrl(), {
            ...c,
            headers: { ...credentials, ...c.headers },
          });
          count(byStatus, reply.status);
          count(byKind.get(c.kind) ?? byKind.set(c.kind, new Map()).get(c.kind)!, reply.status);
          if (reply.status === 400 && /"errors"|"error":"invalid_request"/.test(reply.body))
            validated.add(routeName(route));
          // A logout that went through (the example, or a finding) revoked the token: go on with a fresh one.
          if (ENDS_SESSION.includes(route.template) && reply.status < 300 && identity !== 'anonymous')
            tokens.set(identity, await login(identity));
          const { reason } = judge(c.method, c.path, reply.status, reply.contentType, reply.body);
          const wrong = [
            ...violations(c, reply),
            ...(reason ? [`not as the OpenAPI document declares: ${reason}`] : []),
          ];
          if (wrong.length) {
            throw new Error(
              `${wrong.join('; ')} — ${c.kind} ${c.method} ${c.path.slice(0, 200)} ` +
                `body ${JSON.stringify((c.body ?? '').slice(0, 200))} → ${reply.body.slice(0, 300)}`,
            );
          }
        },
      );
      const runs = permits(route, identity) ? RUNS_PERMITTED : RUNS_REFUSED;
      try {
        // Each run is an HTTP exchange: no shrinking, the first counterexample of a pair is reported.
        await fc.assert(run, { seed: seedFor(route, identity), numRuns: runs, endOnFailure: true });
      } catch (error) {
        const message = (error as Error).message;
        const cause = ((error as Error).cause as Error | undefined)?.message ?? message.split('\n')[0];
        const replay = /\{ seed: .*? \}/.exec(message)?.[0] ?? '';
        findings.push(`${routeName(route)} as ${identity} ${replay}: ${cause}`);
      }
    });

    const total = [...byStatus.values()].reduce((a, b) => a + b, 0);
    const line = (m: Map<number, number>) =>
      [...m]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}×${n}`)
        .join(' ');
    console.log(
      [
        `fuzz: seed ${SEED}, ${routes.length} routes × ${IDENTITIES.length} identities, ` +
          `${total} requests in ${((Date.now() - started) / 1000).toFixed(0)} s`,
        `  by status: ${line(byStatus)}`,
        ...[...byKind].sort(([a], [b]) => a.localeCompare(b)).map(([k, m]) => `  ${k.padEnd(24)} ${line(m)}`),
        `  examples refused by validation (path field check skipped): ${[...examplesRefused].join(', ') || 'none'}`,
        `  findings: ${findings.length}`,
        ...findings.map((f) => `    ${f}`),
      ].join('\n'),
    );

    expect(routes.length).toBeGreaterThan(50);
    const checkable = routes.filter(
      (r) => r.body || r.query.length || r.pathParams.length || (r.method === 'POST' && r.idempotencyKey),
    );
    expect(checkable.map(routeName).filter((name) => !validated.has(name))).toEqual([]);
    expect(findings).toEqual([]);
  }, 420_000);
});
