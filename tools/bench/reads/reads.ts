/**
 * Reads through the gateway, side by side: a route the gateway answers itself (the floor of the edge), a read it
 * forwards to a service, a conference view, and the health check — each driven by autocannon with the same
 * connections for the same time, one after the other. Prints requests/s, latency and the forwarded read's share
 * of the gateway's own route (issue 12's target: at least 60 %). The conference view runs twice: as fast as it
 * goes (the saturated gateway's latency) and at a steady 1,050 requests/s, evenly spaced (`steadyLoad`), the hall of issue 12's target
 * (≥ 1,000 requests/s with p99 < 50 ms at 50 connections), which is judged on that run. Prints figures; not a test.
 *
 *   npm run bench:reads -- [--connections 20] [--seconds 8] [--projects 0] [--gateway URL]
 *
 * `--projects N` first puts N projects of the eight years up to this one into the reporting projection (bench
 * profile only), so that the conference view sums a national programme.
 *
 * Runs on the bench profile's own platform (started on a clean slate and stopped after), or on the one
 * `--gateway` names — never the demo's or the tests'.
 */
import autocannon from 'autocannon';
import { steadyLoad } from '../shared/steady-load';
import { benchFlags, numberFlag } from '../shared/cli';
import { loadAverage, machineLine } from '../shared/machine';
import { BenchPlatform } from '../shared/platform';
import { preloadProjections, reportingDatabase } from '../event-lag/hall';

const USAGE = 'usage: npm run bench:reads -- [--connections N] [--seconds N] [--projects N] [--gateway URL]';
const YEAR = new Date().getFullYear();
const WARM_UP_SECONDS = 3;
const PASSWORD = process.env['DEMO_PASSWORD'] || 'khuyencong2026';

interface Measure {
  name: string;
  path: string;
  /** The demo account whose token the requests carry (none: anonymous). */
  as?: string;
}

const MEASURES: readonly Measure[] = [
  { name: 'gateway’s own (reference regions)', path: '/api/v1/reference/regions' },
  // A shared read the edge keeps until trade-fairs' data changes (the route table's `cache: 'shared'`)…
  { name: 'forwarded, kept (fairs, limit 5)', path: '/api/v1/fairs?limit=5', as: 'cuc.canbo' },
  // …and one it always forwards: every hop, every time.
  { name: 'forwarded, not kept (plans, limit 5)', path: '/api/v1/plans?limit=5', as: 'cuc.canbo' },
  {
    name: 'conference view (national)',
    path: `/api/v1/conferences/national?year=${YEAR}`,
    as: 'xem',
  },
  { name: 'health', path: '/health' },
];

interface Figures {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function login(gateway: string, username: string): Promise<string> {
  const reply = await fetch(`${gateway}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!reply.ok) throw new Error(`login as ${username}: HTTP ${reply.status}`);
  return ((await reply.json()) as { accessToken: string }).accessToken;
}

/** The hall of issue 12's target: a steady offered rate a little above 1,000 requests/s, so that meeting it shows. */
const HALL_RATE = 1050;

async function measure(gateway: string, m: Measure, connections: number, seconds: number): Promise<Figures> {
  // As a browser asks: it takes gzip (the edge gzips the answers it keeps).
  const headers: Record<string, string> = {
    'accept-encoding': 'gzip',
    ...(m.as ? { authorization: `Bearer ${await login(gateway, m.as)}` } : {}),
  };
  // A first request of its own: the route answers 200 before it is timed.
  const first = await fetch(`${gateway}${m.path}`, { headers });
  if (first.status !== 200) throw new Error(`${m.path}: HTTP ${first.status} before the run`);
  // Then a few seconds unmeasured, so that the figures are the steady state's, not the compiler's first run.
  await autocannon({ url: `${gateway}${m.path}`, connections, duration: WARM_UP_SECONDS, headers });
  const result = await autocannon({ url: `${gateway}${m.path}`, connections, duration: seconds, headers });
  return {
    name: m.name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** The conference view at `HALL_RATE` requests a second, evenly spaced (open loop), after the same warm-up. */
async function hallAtSteadyRate(
  gateway: string,
  m: Measure,
  connections: number,
  seconds: number,
): Promise<Figures> {
  const headers = { 'accept-encoding': 'gzip', authorization: `Bearer ${await login(gateway, m.as!)}` };
  const url = `${gateway}${m.path}`;
  await steadyLoad({ url, headers, rate: HALL_RATE, seconds: WARM_UP_SECONDS, connections });
  const run = await steadyLoad({ url, headers, rate: HALL_RATE, seconds, connections });
  return {
    name: `conference view, ${HALL_RATE}/s steady`,
    requestsPerSecond: run.requestsPerSecond,
    p50: Number(run.latency.p50.toFixed(1)),
    p99: Number(run.latency.p99.toFixed(1)),
    non2xx: run.non2xx,
    errors: run.errors,
  };
}

async function main(): Promise<void> {
  const flags = benchFlags(process.argv.slice(2), ['connections', 'seconds', 'projects', 'gateway'], USAGE);
  const connections = numberFlag('connections', flags['connections'], 20, {
    min: 1,
    max: 1000,
    integer: true,
  });
  const seconds = numberFlag('seconds', flags['seconds'], 8, { min: 1, max: 600, integer: true });
  const projects = numberFlag('projects', flags['projects'], 0, { min: 0, max: 1_000_000, integer: true });
  if (projects && flags['gateway'])
    throw new Error("--projects writes into the bench profile's database: leave out --gateway");
  console.log('Reads through the gateway');
  console.log(`  machine   ${machineLine()}`);
  const platform = await BenchPlatform.start({ gateway: flags['gateway'] }, [], (line) =>
    console.log(`· ${line}`),
  );
  try {
    if (projects) {
      await preloadProjections(reportingDatabase(), YEAR, projects);
      console.log(`· ${projects} projects of ${YEAR - 7}–${YEAR} put into the reporting projection`);
    }
    const rows: Figures[] = [];
    for (const m of MEASURES) rows.push(await measure(platform.gateway, m, connections, seconds));
    // The same view at the hall's steady rate: what a hall sees, not the latency of a saturated gateway.
    rows.push(await hallAtSteadyRate(platform.gateway, MEASURES[3], connections, seconds));
    console.log(`\n  ${connections} connections, ${seconds} s each, one after the other\n`);
    console.log(
      `  ${'route'.padEnd(36)} ${'req/s'.padStart(8)} ${'p50'.padStart(7)} ${'p99'.padStart(7)}  non-2xx errors`,
    );
    for (const r of rows)
      console.log(
        `  ${r.name.padEnd(36)} ${r.requestsPerSecond.toFixed(0).padStart(8)} ${`${r.p50} ms`.padStart(7)} ` +
          `${`${r.p99} ms`.padStart(7)}  ${String(r.non2xx).padStart(7)} ${String(r.errors).padStart(6)}`,
      );
    const [own, kept, forwarded] = rows;
    const share = kept.requestsPerSecond / own.requestsPerSecond;
    console.log(
      `\n  forwarded (kept) / own  ${(100 * share).toFixed(0)} % (target ≥ 60 %: ${share >= 0.6 ? 'met' : 'not met'})`,
    );
    console.log(
      `  forwarded (not kept) / own  ${((100 * forwarded.requestsPerSecond) / own.requestsPerSecond).toFixed(0)} %`,
    );
    const [saturated, hall] = [rows[3], rows[5]];
    const met = hall.requestsPerSecond >= 1000 && hall.p99 < 50 && hall.non2xx + hall.errors === 0;
    console.log(
      `  conference view  as fast as it goes: ${saturated.requestsPerSecond.toFixed(0)} req/s, p99 ${saturated.p99} ms; ` +
        `at ${HALL_RATE}/s steady: ${hall.requestsPerSecond.toFixed(0)} req/s, p99 ${hall.p99} ms — ${connections} connections` +
        `${projects ? ` over ${projects} projects` : ''} (target ≥ 1,000 req/s with p99 < 50 ms at 50: ${met && connections >= 50 ? 'met' : 'not met'})`,
    );
    console.log(`  load average after the run: ${loadAverage()}`);
    console.log(
      `  reproduce: npm run bench:reads -- --connections ${connections} --seconds ${seconds}` +
        (projects ? ` --projects ${projects}` : ''),
    );
  } finally {
    await platform.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
