/**
 * Projects at national scale: 50,000 projects over eight plan years and the 34 provincial units, loaded
 * straight into a scratch database of the projects service, which runs in this process (its real module,
 * on the test profile's Postgres, Kafka and Redis). Measures through the services' HTTP APIs, each next to a
 * hand-written SQL query for the same answer on the same database in the same run (the floor):
 *
 *   1. a filtered list   GET /api/v1/projects?year=&provinceCode=&status=  (p50 / p99)
 *   2. a search          GET /api/v1/projects?q=<no diacritics>             (p50 / p99)
 *   3. parallel advances POST /api/v1/projects/:id/disbursements from parallel clients (throughput): the
 *      projects service's own guarded money UPDATE.
 *   4. the national conference view  GET /api/v1/conferences/national?year=  (p50 / p99) of the reporting
 *      service, on its projections of the same projects (sections.ts)
 *   5. plan allocations  POST /api/v1/plans/:id/decisions from parallel clients (throughput) against the plans
 *      service, the ceiling running out part-way (sections.ts)
 *
 *   npm run bench:projects -- [--projects 50000] [--years 8] [--samples 200] [--advances 2000]
 *                             [--allocations 1000] [--lines 5] [--concurrency 20]
 *                             [--pg postgres://postgres@127.0.0.1:5432] [--brokers host:port --redis URL]
 *
 * Runs on the bench profile's broker and Redis db (shared/bench-platform.mjs: started for the run, stopped
 * after it) unless `--brokers` and `--redis` name others — never the demo's or the tests' (their services would
 * consume the benchmark's events). The scratch databases are dropped at the end (also after a failure).
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { serviceEnvSchema } from '@kc/config';
import { central } from '@kc/testing';
import { bootService } from '@kc/service-testing';
import { ProjectsModule } from '../../../services/projects/src/app.module';
import { HttpPool, withConcurrency } from '../booth-rush/http-pool';
import { loadFromWorker } from '../shared/http-load';
import { benchFlags, numberFlag } from '../shared/cli';
import { loadAverage, machineLine } from '../shared/machine';
import { assertBenchTargets, benchInfraUp, benchPlatformDown, targetsOf } from '../shared/bench-platform.mjs';
import { ms, summarise, type Summary } from '../shared/stats';
import { connections, dropScratch, header, row } from './support';
import { loadProjects, UNITS, type Loaded } from './dataset';
import { SECTIONS, type BenchContext } from './sections';

const FLAGS = [
  'projects',
  'years',
  'samples',
  'advances',
  'allocations',
  'lines',
  'concurrency',
  'pg',
  'brokers',
  'redis',
] as const;
const USAGE = `npm run bench:projects -- [--projects 50000] [--years 8] [--samples 200] [--advances 2000]
  [--allocations 1000] [--lines 5] [--concurrency 20]
  [--pg postgres://postgres@127.0.0.1:5432] [--brokers 127.0.0.1:31092 --redis redis://127.0.0.1:6379/3]`;

async function main(): Promise<number> {
  const f = benchFlags(process.argv.slice(2), FLAGS, USAGE);
  const o = {
    projects: numberFlag('projects', f.projects, 50_000, { min: 100, max: 1_000_000, integer: true }),
    years: numberFlag('years', f.years, 8, { min: 1, max: 20, integer: true }),
    samples: numberFlag('samples', f.samples, 200, { min: 10, max: 100_000, integer: true }),
    advances: numberFlag('advances', f.advances, 2_000, { min: 10, max: 100_000, integer: true }),
    allocations: numberFlag('allocations', f.allocations, 1_000, { min: 10, max: 100_000, integer: true }),
    lines: numberFlag('lines', f.lines, 5, { min: 1, max: 1_000, integer: true }),
    concurrency: numberFlag('concurrency', f.concurrency, 20, { min: 1, max: 500, integer: true }),
    pg: f.pg ?? targetsOf('bench').pgUrl,
    brokers: f.brokers,
    redis: f.redis,
  };
  assertBenchTargets({ brokers: o.brokers, redis: o.redis });
  const own = o.brokers === undefined && o.redis === undefined;
  if (!own && (o.brokers === undefined || o.redis === undefined))
    throw new Error('--brokers and --redis go together (the infrastructure of one platform)');
  const infra = own ? await benchInfraUp() : { brokers: o.brokers as string, redis: o.redis as string };
  try {
    return await measure({ ...o, brokers: infra.brokers, redis: infra.redis, own });
  } finally {
    if (own) await benchPlatformDown();
  }
}

async function measure(o: {
  projects: number;
  years: number;
  samples: number;
  advances: number;
  allocations: number;
  lines: number;
  concurrency: number;
  pg: string;
  brokers: string;
  redis: string;
  own: boolean;
}): Promise<number> {
  // bootService reads the infrastructure's addresses from these (as the integration tests' setup sets them).
  Object.assign(process.env, {
    KC_TEST_PG_URL: o.pg,
    KC_TEST_KAFKA_BROKERS: o.brokers,
    KC_TEST_REDIS_URL: o.redis,
  });
  const run = Date.now().toString(36);
  console.log(`projects benchmark ${run}: ${machineLine()}, Node ${process.version}`);

  const svc = await bootService(
    { service: 'projects', envSchema: serviceEnvSchema, module: (config) => ProjectsModule.forRoot(config) },
    `bench_projects_${run}`,
    'measured',
  );
  const db = new Client({ connectionString: svc.databaseUrl, application_name: 'kc-bench-projects' });
  await db.connect();
  const http = new HttpPool(svc.url, o.concurrency);
  try {
    const years = Array.from({ length: o.years }, (_, i) => 2026 - o.years + 1 + i);
    const t = performance.now();
    const loaded = await loadProjects(db, o.projects, years);
    console.log(
      `  loaded ${o.projects} projects, ${years[0]}–${years.at(-1)}, ${UNITS.length} units in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    const token = await svc.tokenFor(central);
    const ctx: BenchContext = {
      http,
      baseUrl: svc.url,
      db,
      token,
      loaded,
      samples: o.samples,
      run,
      concurrency: o.concurrency,
      allocations: o.allocations,
      lines: o.lines,
    };

    console.log('');
    console.log(header());
    const list = await compareReads(ctx, 'filtered list', filteredList(loaded));
    const search = await compareReads(ctx, 'search q="may say"', search_('may say'));
    const money = await parallelAdvances(ctx, o.advances, o.concurrency);
    const lines = [list, search, money];
    for (const section of SECTIONS) lines.push(await section.run(ctx));
    console.log('');
    for (const line of lines) console.log(`  ${line}`);
    console.log(`  load average after the run: ${loadAverage()} (other processes skew the figures)`);
    console.log(
      `  reproduce: npm run bench:projects -- --projects ${o.projects} --years ${o.years} --samples ${o.samples} ` +
        `--advances ${o.advances} --allocations ${o.allocations} --lines ${o.lines} --concurrency ${o.concurrency} --pg ${o.pg}` +
        (o.own ? '' : ` --brokers ${o.brokers} --redis ${o.redis}`),
    );
    return 0;
  } finally {
    http.close();
    await db.end().catch(() => undefined);
    await svc.close();
    await dropScratch(svc.databaseUrl);
  }
}

/** A list read: the page the API answers and, as the floor, the same WHERE by hand (count, then the page). */
interface Read {
  path: string;
  where: string;
  params: unknown[];
}

/** A filter that matches a few dozen projects: one year, one unit, one status. */
const filteredList = (loaded: Loaded): Read => {
  const year = loaded.years.at(-2) ?? loaded.years[0];
  return {
    path: `/api/v1/projects?year=${year}&provinceCode=40&status=in-progress&limit=50`,
    where: `plan_year = $1 AND province_code = $2 AND status = $3`,
    params: [year, '40', 'in-progress'],
  };
};

const search_ = (q: string): Read => ({
  path: `/api/v1/projects?q=${encodeURIComponent(q)}&limit=50`,
  where: `(lower(code) || ' ' || title_search || ' ' || unit_search) LIKE $1`,
  params: [`%${q}%`],
});

/** The same answer by HTTP (through the service) and by bare SQL, alternately, `samples` times each. */
async function compareReads(ctx: BenchContext, name: string, read: Read): Promise<string> {
  const viaHttp: number[] = [];
  const viaSql: number[] = [];
  let total = -1;
  for (let i = 0; i < ctx.samples; i++) {
    const a = await ctx.http.send<{ total: number }>('GET', read.path, { token: ctx.token });
    if (a.status !== 200) throw new Error(`GET ${read.path} → ${a.status}`);
    viaHttp.push(a.ms);
    const t = performance.now();
    const count = await ctx.db.query(
      `SELECT count(*) AS total FROM project WHERE ${read.where}`,
      read.params,
    );
    await ctx.db.query(
      `SELECT * FROM project WHERE ${read.where} ORDER BY plan_year DESC, code LIMIT 50`,
      read.params,
    );
    viaSql.push(performance.now() - t);
    total = a.body.total;
    const sqlTotal = Number(count.rows[0].total);
    if (sqlTotal !== total) throw new Error(`${name}: the service counts ${total}, the SQL ${sqlTotal}`);
  }
  const h = summarise(viaHttp) as Summary;
  const s = summarise(viaSql) as Summary;
  console.log(row(`${name} (HTTP)`, h));
  console.log(row(`${name} (SQL floor)`, s));
  return `${name.padEnd(40)} ${total} matches; p50 ${ms(h.p50)} vs ${ms(s.p50)} (${(h.p50 / s.p50).toFixed(1)}×), p99 ${ms(h.p99)} vs ${ms(s.p99)} (${(h.p99 / s.p99).toFixed(1)}×)`;
}

/**
 * `count` advances of 1 % of the contract from `concurrency` parallel clients, spread over contracted
 * training projects (no progress condition), then the same guarded UPDATE + row INSERT by bare SQL on
 * `concurrency` connections against other projects of the same kind.
 */
async function parallelAdvances(ctx: BenchContext, count: number, concurrency: number): Promise<string> {
  const targets = ctx.loaded.contracted.filter((p) => p.category === 'training-events-media');
  if (targets.length < 20) throw new Error('too few contracted training projects; load more projects');
  const half = Math.floor(targets.length / 2);
  const viaHttp = targets.slice(0, half);
  const viaSql = targets.slice(half);
  const items = Array.from({ length: count }, (_, i) => i);
  // The clients run on a worker thread: the service keeps its event loop to itself, as behind real clients.
  const { answers, wallMs } = await loadFromWorker(
    ctx.baseUrl,
    concurrency,
    items.map((i) => {
      const p = viaHttp[i % viaHttp.length];
      return {
        method: 'POST' as const,
        path: `/api/v1/projects/${p.id}/disbursements`,
        token: ctx.token,
        body: { kind: 'advance', amountVnd: Math.floor(p.contractVnd / 100), on: '2026-06-01' },
      };
    }),
  );
  const accepted = answers.filter((a) => a.status === 201).length;
  const refused = answers.filter((a) => a.status === 422).length;
  const failed = answers.find((a) => a.status !== 201 && a.status !== 422);
  if (failed) throw new Error(`advance → ${failed.status}`);
  const httpRate = (count / wallMs) * 1000;
  console.log(row('advance (HTTP, parallel)', summarise(answers.map((a) => a.ms)) as Summary));
  let t = performance.now();

  const clients = await connections(ctx.db, concurrency, 'kc-bench-projects');
  const free = [...clients];
  const sqlLatency: number[] = [];
  t = performance.now();
  await withConcurrency(items, concurrency, async (i) => {
    const p = viaSql[i % viaSql.length];
    const c = free.pop() as Client;
    const started = performance.now();
    try {
      await c.query('BEGIN');
      const updated = await c.query(
        `UPDATE project SET advanced_vnd = advanced_vnd + $2, paid_vnd = paid_vnd + $2, version = version + 1
          WHERE id = $1 AND status = ANY('{contracted,in-progress,extended}') AND advanced_vnd + $2 <= $3
            AND paid_vnd + $2 <= $3 RETURNING advanced_vnd, paid_vnd`,
        [p.id, Math.floor(p.contractVnd / 100), Math.floor((p.contractVnd * 70) / 100)],
      );
      if (updated.rowCount)
        await c.query(
          `INSERT INTO disbursement (id, project_id, province_code, kind, amount_vnd, on_date, advance_rule_id,
             advanced_after_vnd, paid_after_vnd, recorded_by)
           VALUES (gen_random_uuid(), $1, '00', 'advance', $2, '2026-06-01', 'training-events-media-2018', $3, $4, 'bench')`,
          [p.id, Math.floor(p.contractVnd / 100), updated.rows[0].advanced_vnd, updated.rows[0].paid_vnd],
        );
      await c.query('COMMIT');
    } finally {
      sqlLatency.push(performance.now() - started);
      free.push(c);
    }
  });
  const sqlRate = (count / (performance.now() - t)) * 1000;
  await Promise.all(clients.map((c) => c.end()));
  console.log(row('advance (SQL floor, parallel)', summarise(sqlLatency) as Summary));
  return `${'parallel advances (projects)'.padEnd(40)} ${httpRate.toFixed(0)}/s through HTTP (${accepted} recorded, ${refused} refused at the cap) vs ${sqlRate.toFixed(0)}/s bare SQL (${(sqlRate / httpRate).toFixed(1)}× the service), ${concurrency} clients`;
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`✗ ${e.stack ?? e.message}`);
    process.exit(1);
  },
);
