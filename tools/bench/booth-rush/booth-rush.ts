/**
 * Booth rush: 5,000 facilities race for the booths of a 300-booth regional fair with per-province quotas on
 * the day its registration opens, through the gateway; every hold is then confirmed, and the result is
 * checked against the fair's booth list. Next to it, in the same run on the same database, the bare SQL
 * allocation statements on a scratch copy of the fair's rows give the floor. Prints figures; not a test.
 *
 *   npm run bench:booth-rush -- [--requests 5000] [--booths 300] [--quota 10] [--concurrency 200]
 *                               [--sql-connections 10] [--year 2098] [--resend 100]
 *                               [--gateway URL --db postgres://…/<trade-fairs database>]
 *
 * Runs on the bench profile's own platform (shared/bench-platform.mjs), started on a clean slate for the run and
 * stopped after it; `--gateway` with `--db` names another platform instead, never the demo's or the tests'.
 * Province officers (sct.<code>) of the region's units register the facilities of their province for its
 * delegation (a business account is bound to its one facility). What stays afterwards, in the bench profile's
 * databases only (wiped by the next run): the benchmark's fair of --year with its booths and registrations.
 * The scratch tables are dropped.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BoothView, FairView, Page, ProvincesView, QuotaView, RegistrationView } from '@kc/contracts';
import { benchFlags, numberFlag } from '../shared/cli';
import { loadAverage, machineLine } from '../shared/machine';
import { platformMemory } from '../shared/memory';
import { BenchPlatform } from '../shared/platform';
import { ms, summarise, type Summary } from '../shared/stats';
import { syntheticFacilities, type SyntheticFacility } from './facilities';
import { HttpPool, describe, withConcurrency, type Answer } from './http-pool';
import { SqlFloor, type FloorResult } from './sql-floor';

interface Options {
  gateway?: string;
  db?: string;
  requests: number;
  booths: number;
  quota: number;
  concurrency: number;
  sqlConnections: number;
  year: number;
  resend: number;
}

const DEFAULTS: Options = {
  requests: 5000,
  booths: 300,
  quota: 10,
  concurrency: 200,
  sqlConnections: 10,
  year: 2098,
  resend: 100,
};

const USAGE =
  'usage: npm run bench:booth-rush -- [--requests N] [--booths N] [--quota N] [--concurrency N] ' +
  '[--sql-connections N] [--year YYYY] [--resend N] [--gateway URL --db URL]';
const REGION = 'north';
const PLATFORM_SERVICES = ['gateway', 'plans', 'projects', 'clusters', 'trade-fairs', 'awards', 'reporting'];
const PASSWORD = process.env['DEMO_PASSWORD'] || 'khuyencong2026';
const RENT_VND = 12_000_000;

function options(argv: string[]): Options {
  const names = [
    'gateway',
    'db',
    'requests',
    'booths',
    'quota',
    'concurrency',
    'sql-connections',
    'year',
    'resend',
  ];
  const v = benchFlags(argv, names, USAGE);
  const d = DEFAULTS;
  const int = (name: string, fallback: number, min: number, max: number) =>
    numberFlag(name, v[name], fallback, { min, max, integer: true });
  return {
    gateway: v['gateway']?.replace(/\/$/, ''),
    db: v['db'],
    requests: int('requests', d.requests, 1, 100_000),
    booths: int('booths', d.booths, 1, 2_000),
    quota: int('quota', d.quota, 0, 2_000),
    concurrency: int('concurrency', d.concurrency, 1, 5_000),
    sqlConnections: int('sql-connections', d.sqlConnections, 1, 50),
    year: int('year', d.year, 2027, 2100),
    resend: int('resend', d.resend, 0, 100_000),
  };
}

function reproduce(o: Options): string {
  return (
    `npm run bench:booth-rush -- ${o.gateway ? `--gateway ${o.gateway} --db ${o.db} ` : ''}--requests ${o.requests} ` +
    `--booths ${o.booths} --quota ${o.quota} --concurrency ${o.concurrency} ` +
    `--sql-connections ${o.sqlConnections} --year ${o.year} --resend ${o.resend}`
  );
}

function latencyRow(label: string, s: Summary | null): string {
  const cells = s ? [String(s.n), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max)] : ['0', '–', '–', '–', '–'];
  return `  ${label.padEnd(40)}${cells.map((c, i) => c.padStart(i === 0 ? 6 : 10)).join('')}`;
}

/** Tokens of the agency's administrator and of each unit's province officer. */
class Sessions {
  admin = '';
  private readonly officers = new Map<string, string>();

  constructor(private readonly http: HttpPool) {}

  async open(units: readonly string[]): Promise<void> {
    this.admin = await this.login('cuc.admin');
    for (const unit of units) this.officers.set(unit, await this.login(`sct.${unit}`));
  }

  officer(unit: string): string {
    const token = this.officers.get(unit);
    if (!token) throw new Error(`no session for the province officer of ${unit}`);
    return token;
  }

  private async login(username: string): Promise<string> {
    const { accessToken } = await this.http.expect<{ accessToken: string }>(
      200,
      'POST',
      '/api/v1/auth/login',
      {
        body: { username, password: PASSWORD },
      },
    );
    return accessToken;
  }
}

/** The benchmark's fair: regional, 300 standard booths in rows, a quota per unit, window open now. */
async function prepareFair(http: HttpPool, s: Sessions, o: Options, units: string[], runId: string) {
  const opensAt = new Date(Date.now() - 60_000);
  const closesAt = new Date(Date.now() + 24 * 3600_000);
  const fair = await http.expect<FairView>(201, 'POST', '/api/v1/fairs', {
    token: s.admin,
    idempotencyKey: `booth-rush-${runId}-fair`,
    body: {
      name: `Hội chợ thử tải đăng ký gian hàng khu vực phía Bắc (benchmark ${runId})`,
      year: o.year,
      scale: 'regional',
      regionCode: REGION,
      provinceCode: '01',
      startDate: `${o.year}-05-16`,
      endDate: `${o.year}-05-19`,
      boothCount: o.booths,
      venue: 'Trung tâm Triển lãm thử tải',
      // Long enough that no hold lapses before the benchmark confirms it.
      holdMinutes: 120,
      facilityBoothLimit: 2,
    },
  });
  const booths = Array.from({ length: o.booths }, (_, i) => ({
    code: `BR-${String(i + 1).padStart(4, '0')}`,
    hall: 'Nhà A',
    kind: 'standard',
    rentVnd: RENT_VND,
    layout: { x: (i % 20) * 3, y: Math.floor(i / 20) * 3, w: 3, h: 3 },
  }));
  await http.expect(201, 'POST', `/api/v1/fairs/${fair.id}/booths`, {
    token: s.admin,
    idempotencyKey: `booth-rush-${runId}-booths`,
    body: { booths },
  });
  const quota = Math.min(o.quota, Math.floor(o.booths / units.length));
  await http.expect(201, 'POST', `/api/v1/fairs/${fair.id}/quotas`, {
    token: s.admin,
    idempotencyKey: `booth-rush-${runId}-quotas`,
    body: {
      quotas: units.map((provinceCode) => ({ provinceCode, booths: quota })),
      releaseAt: closesAt.toISOString(),
    },
  });
  await http.expect(201, 'POST', `/api/v1/fairs/${fair.id}/registration-window`, {
    token: s.admin,
    idempotencyKey: `booth-rush-${runId}-window`,
    body: { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString(), holdMinutes: 120 },
  });
  return { fair, quota };
}

interface Outcome {
  facility: SyntheticFacility;
  key: string;
  registration?: RegistrationView;
  error?: string;
  retries: number;
  ms: number;
}

/** Sends one registration, again with the same key after a 5xx, a dropped connection or an in-flight 409. */
async function register(http: HttpPool, token: string, fairId: string, o: Outcome): Promise<void> {
  const body = {
    facility: o.facility,
    products: [{ name: 'Sản phẩm thủ công mỹ nghệ thử tải' }],
    boothCount: 1,
    boothKind: 'standard',
  };
  const started = performance.now();
  for (let attempt = 1; ; attempt++) {
    let answer: Answer<RegistrationView> | undefined;
    let failure: string;
    try {
      answer = await http.send<RegistrationView>('POST', `/api/v1/fairs/${fairId}/registrations`, {
        token,
        idempotencyKey: o.key,
        body,
      });
      if (answer.status === 201 || answer.status === 200) {
        o.registration = answer.body;
        o.ms = performance.now() - started;
        return;
      }
      failure = `${answer.status} ${describe(answer.body)}`;
    } catch (e) {
      failure = (e as Error).message;
    }
    const retryable =
      !answer || answer.status >= 500 || (answer.body as { code?: string })?.code === 'idempotency.in-flight';
    if (!retryable || attempt >= 5) {
      o.error = failure;
      o.ms = performance.now() - started;
      return;
    }
    o.retries++;
    await sleep(50 * attempt);
  }
}

interface Confirmation {
  outcome: Outcome;
  confirmed?: RegistrationView;
  error?: string;
  ms: number;
}

async function confirm(http: HttpPool, token: string, fairId: string, c: Confirmation): Promise<void> {
  const id = c.outcome.registration!.id;
  for (let attempt = 1; ; attempt++) {
    try {
      const answer = await http.send<RegistrationView>(
        'POST',
        `/api/v1/fairs/${fairId}/registrations/${id}/confirm`,
        { token, idempotencyKey: `${c.outcome.key}-confirm` },
      );
      c.ms = answer.ms;
      if (answer.status === 200) {
        c.confirmed = answer.body;
        return;
      }
      if (answer.status < 500 || attempt >= 5) {
        c.error = `${answer.status} ${describe(answer.body)}`;
        return;
      }
    } catch (e) {
      if (attempt >= 5) {
        c.error = (e as Error).message;
        return;
      }
    }
    await sleep(50 * attempt);
  }
}

/** The fair's booths as the gateway shows them, checked against what the confirmations said. */
function verify(booths: BoothView[], confirmations: Confirmation[], inventory: number) {
  const taken = new Set(['allocated', 'checked-in']);
  const allocated = booths.filter((b) => taken.has(b.state));
  const shownAllocated = new Set(allocated.map((b) => b.code));
  const listedTwice = booths.length - new Set(booths.map((b) => b.code)).size;

  const owners = new Map<string, number>();
  let lost = 0;
  for (const c of confirmations) {
    if (!c.confirmed) continue;
    const codes = c.confirmed.booths.map((b) => b.code);
    if (codes.length === 0 || codes.some((code) => !shownAllocated.has(code))) lost++;
    for (const code of codes) owners.set(code, (owners.get(code) ?? 0) + 1);
  }
  const sharedBooths = [...owners.values()].filter((n) => n > 1).length;
  const beyondInventory = Math.max(0, allocated.length - inventory);
  const unclaimed = allocated.filter((b) => !owners.has(b.code)).length;
  return {
    allocated: allocated.length,
    held: booths.filter((b) => b.state === 'held').length,
    overbooked: listedTwice + sharedBooths + beyondInventory,
    listedTwice,
    sharedBooths,
    beyondInventory,
    lost,
    unclaimed,
  };
}

async function main(): Promise<number> {
  const o = options(process.argv.slice(2));
  const runId = randomBytes(3).toString('hex');
  console.log('Booth rush benchmark');
  console.log(`  machine   ${machineLine()}`);
  console.log(`  node      ${process.version} (${process.platform} ${process.arch})`);
  const platform = await BenchPlatform.start({ gateway: o.gateway, database: o.db }, ['database'], (line) =>
    console.log(`· ${line}`),
  );
  console.log(
    `  platform  ${platform.own ? 'bench profile: ' : ''}gateway ${platform.gateway}; ` +
      `trade-fairs database ${platform.database.replace(/\/\/[^@]*@/, '//…@')}`,
  );
  console.log(
    `  load      ${o.requests} registrations (1 standard booth each) for ${o.booths} booths, ` +
      `${o.concurrency} sockets; SQL floor on ${o.sqlConnections} connections; run ${runId}`,
  );

  const http = new HttpPool(platform.gateway, o.concurrency);
  const floor = new SqlFloor(platform.database, runId);
  process.once('SIGINT', () => {
    console.log('\n· interrupted: dropping the scratch tables, stopping the platform the run started');
    void floor
      .close()
      .then(() => platform.close())
      .finally(() => process.exit(130));
  });
  try {
    const health = await http.send('GET', '/health').then(
      (a) => a.status,
      () => 0,
    );
    if (health !== 200) {
      console.error(`✗ the gateway at ${platform.gateway} is not healthy (${health || 'no answer'})`);
      return 1;
    }
    const provinces = await http.expect<ProvincesView>(200, 'GET', '/api/v1/reference/provinces');
    const units = provinces.items.filter((p) => p.regionCode === REGION).map((p) => p.code);
    const sessions = new Sessions(http);
    await sessions.open(units);
    const { fair, quota } = await prepareFair(http, sessions, o, units, runId);
    const inventory = await floor.copyFair(fair.id);
    console.log(
      `· fair ${fair.id} (${o.year}): ${inventory} booths, quota ${quota} for each of ${units.length} ` +
        `northern units, pool ${o.booths - quota * units.length}; window open; rushing…`,
    );

    // 1. The rush: every facility at once, as many on the wire as there are sockets.
    const runBlock = parseInt(runId.slice(0, 2), 16);
    const outcomes: Outcome[] = syntheticFacilities(o.requests, units, runBlock).map((facility, i) => ({
      facility,
      key: `booth-rush-${runId}-${i}`,
      retries: 0,
      ms: 0,
    }));
    const rushStarted = performance.now();
    await withConcurrency(outcomes, o.concurrency, (out) =>
      register(http, sessions.officer(out.facility.provinceCode), fair.id, out),
    );
    const rushMs = performance.now() - rushStarted;
    const failed = outcomes.filter((x) => !x.registration);
    const holds = outcomes.filter((x) => x.registration?.state === 'held');

    // 2. Every hold is confirmed.
    const confirmations: Confirmation[] = holds.map((outcome) => ({ outcome, ms: 0 }));
    const confirmStarted = performance.now();
    await withConcurrency(confirmations, o.concurrency, (c) =>
      confirm(http, sessions.officer(c.outcome.facility.provinceCode), fair.id, c),
    );
    const confirmMs = performance.now() - confirmStarted;

    // 3. Re-sent requests (same key, same body) must answer with the same registration and create nothing.
    const resent = outcomes.filter((x) => x.registration).slice(0, o.resend);
    let resendMismatches = 0;
    await withConcurrency(resent, o.concurrency, async (x) => {
      const again: Outcome = { ...x, registration: undefined, error: undefined, retries: 0, ms: 0 };
      await register(http, sessions.officer(x.facility.provinceCode), fair.id, again);
      if (again.registration?.id !== x.registration?.id) resendMismatches++;
    });

    // 4. What the platform shows afterwards.
    const booths = await http.expect<BoothView[]>(200, 'GET', `/api/v1/fairs/${fair.id}/booths`, {
      token: sessions.admin,
    });
    const quotas = await http.expect<QuotaView[]>(200, 'GET', `/api/v1/fairs/${fair.id}/quotas`, {
      token: sessions.admin,
    });
    const count = async (state?: string) =>
      (
        await http.expect<Page<RegistrationView>>(
          200,
          'GET',
          `/api/v1/fairs/${fair.id}/registrations?limit=1${state ? `&state=${state}` : ''}`,
          { token: sessions.admin },
        )
      ).total;
    const [stored, waiting] = [await count(), await count('waitlisted')];
    const check = verify(booths, confirmations, inventory);
    const overQuota = quotas.filter((q) => q.used > q.capacity).length;

    // 5. The floor: the same requests on the bare SQL, on the scratch copy made before the rush.
    console.log('· rush done, checked; measuring the SQL floor…');
    const sql: FloorResult = await floor.run(
      fair.id,
      outcomes.map((x) => x.facility),
      o.sqlConnections,
    );

    const rps = (o.requests / rushMs) * 1000;
    const sqlRps = (sql.transactions / sql.elapsedMs) * 1000;
    const confirmed = confirmations.filter((c) => c.confirmed).length;
    const reg = summarise(outcomes.filter((x) => x.registration).map((x) => x.ms));
    console.log('');
    console.log(
      `  ${''.padEnd(40)}${'n'.padStart(6)}${['p50', 'p95', 'p99', 'max'].map((h) => h.padStart(10)).join('')}`,
    );
    console.log(latencyRow('POST …/registrations → 201 (gateway)', reg));
    console.log(latencyRow('POST …/confirm → 200 (gateway)', summarise(confirmations.map((c) => c.ms))));
    console.log(latencyRow('SQL allocation transaction (floor)', summarise(sql.latencyMs)));
    console.log('');
    console.log(
      `  registrations     ${rps.toFixed(0)} requests/s (${o.requests} in ${(rushMs / 1000).toFixed(1)} s), ` +
        `${failed.length} failed, ${outcomes.reduce((s, x) => s + x.retries, 0)} retried with the same key`,
    );
    console.log(
      `  SQL floor         ${sqlRps.toFixed(0)} allocations/s (${sql.transactions} in ${(sql.elapsedMs / 1000).toFixed(1)} s, ` +
        `${sql.held} held, ${sql.refused} refused, overbooked ${sql.overbooked})`,
    );
    console.log(
      `  ratio             the gateway path reaches ${((rps / sqlRps) * 100).toFixed(1)}% of the floor (${(sqlRps / rps).toFixed(1)}× slower)`,
    );
    console.log(
      `  confirmations     ${confirmed} of ${holds.length} holds confirmed in ${(confirmMs / 1000).toFixed(1)} s ` +
        `(${((confirmed / confirmMs) * 1000).toFixed(0)}/s)`,
    );
    console.log(
      `  booths allocated  ${check.allocated} of ${inventory} (held still: ${check.held}; allocated but no confirmation claims them: ${check.unclaimed})`,
    );
    console.log(
      `  overbooked        ${check.overbooked} (listed twice ${check.listedTwice}, in two confirmations ${check.sharedBooths}, ` +
        `beyond inventory ${check.beyondInventory}; quotas past capacity ${overQuota})`,
    );
    console.log(
      `  lost confirmations ${check.lost} (confirmed registrations whose booths GET …/booths does not show allocated)`,
    );
    console.log(`  waiting list      ${waiting} registrations`);
    console.log(
      `  idempotency       ${resent.length} re-sent with the same key: ${resendMismatches} answered with another registration; ` +
        `${stored} registrations stored for ${o.requests} distinct keys`,
    );
    console.log(`  quotas            ${quotas.map((q) => `${q.bucket} ${q.used}/${q.capacity}`).join(', ')}`);
    const firstError = failed[0]?.error ?? confirmations.find((c) => c.error)?.error;
    if (firstError) console.log(`  first error       ${firstError}`);
    if (platform.own) {
      const memory = platformMemory(PLATFORM_SERVICES);
      const total = memory.reduce((sum, row) => sum + row.mib, 0);
      console.log(
        `  memory after     ${(total / 1024).toFixed(2)} GiB PSS (target < 2.5 GiB: ${total < 2560 ? 'met' : 'not met'}) — ` +
          memory.map((row) => `${row.component} ${row.mib.toFixed(0)}`).join(', ') +
          ' MiB (PostgreSQL and Redis are the machine’s, shared with any other profile running)',
      );
    }
    console.log(`  load average after the run: ${loadAverage()} (other processes skew the figures)`);
    console.log(`  reproduce: ${reproduce(o)}`);
    console.log(
      `  stays: fair "${fair.name}" (${fair.id}) with its booths and ${stored} registrations` +
        (platform.own ? ", in the bench profile's databases until the next run" : ''),
    );
    const bad =
      failed.length +
      check.overbooked +
      check.lost +
      resendMismatches +
      overQuota +
      sql.overbooked +
      (stored === o.requests ? 0 : 1);
    return bad ? 1 : 0;
  } finally {
    http.close();
    const left = await floor.close();
    if (left.length) console.log(`! could not drop ${left.join(' and ')}: drop by hand`);
    await platform.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`✗ ${e.message}`);
    process.exit(1);
  },
);
