/**
 * Awards at national scale (issue 14): a national round with a council of 13 and a jury of 11, 10,000 entries,
 * every juror scoring every entry through the gateway, then the round closed and published through the gateway
 * (POST …/publish answers 202 and the service publishes in the background — derivation, canonical JSON, SHA-256,
 * the verification report, a certificate for each passing entry — while the bench polls GET …/publication;
 * the publish time is from the POST to the job's commit), next to one hand-written GROUP BY
 * over the same sheets in PostgreSQL (the floor) and recompute() over the published document in this process.
 * Prints figures; not a test.
 *
 *   npm run bench:awards -- [--entries 10000] [--jurors 11] [--council 13] [--concurrency 50]
 *                           [--pass-share 0.3] [--samples 10] [--put-sheets <entries × jurors>]
 *                           [--gateway URL --db postgres://…/<awards db>]
 *
 * Runs on the bench profile's own platform (shared/bench-platform.mjs), started on a clean slate for the run and
 * stopped after it; `--gateway` with `--db` names another platform instead, never the demo's or the tests'.
 * Set-up: the round, the council's juror accounts (users API) and the council through the gateway; the entries
 * by SQL into the awards database (entries.ts says why); scoring started through the gateway. `--put-sheets N`
 * PUTs only the first N sheets and inserts the rest by SQL (sheet-rows.ts), so a slow machine still closes and
 * publishes the full round. What stays afterwards, in the bench profile's databases only (wiped by the next
 * run): the published round, its entries, sheets and certificates, and the juror accounts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import type {
  AwardRoundView,
  PublicationView,
  ResultVerificationView,
  ScoringProgressView,
} from '@kc/contracts';
import { recompute, type PublishedResult } from '../../../services/awards/src/domain/results';
import { BENCH_PROFILE, targetsOf } from '../shared/bench-platform.mjs';
import { benchFlags, numberFlag } from '../shared/cli';
import { loadAverage, machineLine } from '../shared/machine';
import { platformMemory } from '../shared/memory';
import { BenchPlatform } from '../shared/platform';
import { ms, summarise, type Summary } from '../shared/stats';
import { cpuSnapshot, cpuUsed } from './cpu';
import { loadEntries } from './entries';
import { GatewayClient, problem } from './http-client';
import {
  adminSession,
  createCouncilAccounts,
  openNationalRound,
  seatCouncil,
  type Session,
} from './round-setup';
import { submitSheets } from './scoring';
import { insertSheets } from './sheet-rows';
import { sheetTotals } from './sheets';
import { disagreements, timeFloor, type FloorRow } from './sql-floor';

interface Options {
  gateway?: string;
  db?: string;
  entries: number;
  jurors: number;
  council: number;
  concurrency: number;
  passShare: number;
  samples: number;
  /** Sheets PUT through the gateway (the measure); the rest go in by SQL so the round still has them all. */
  putSheets: number;
}

const FLAGS = [
  'gateway',
  'db',
  'entries',
  'jurors',
  'council',
  'concurrency',
  'pass-share',
  'samples',
  'put-sheets',
] as const;
const USAGE =
  'usage: npm run bench:awards -- [--entries N] [--jurors N (odd)] [--council 11|12|13] [--concurrency N] ' +
  '[--pass-share 0–1] [--samples N] [--put-sheets N] [--gateway URL --db URL]';
const PLATFORM_SERVICES = ['gateway', 'plans', 'projects', 'clusters', 'trade-fairs', 'awards', 'reporting'];

function options(argv: string[]): Options {
  const v = benchFlags(argv, FLAGS, USAGE);
  const int = (name: string, fallback: number, min: number, max: number) =>
    numberFlag(name, v[name], fallback, { min, max, integer: true });
  // A national council has 11–13 members (council.ts); the jury is an odd subset of at least three.
  const council = int('council', 13, 11, 13);
  const jurors = int('jurors', 11, 3, council);
  if (jurors % 2 === 0)
    throw new Error(`--jurors must be odd (a jury has an odd number of members)\n${USAGE}`);
  const entries = int('entries', 10_000, 1, 100_000);
  return {
    gateway: v['gateway']?.replace(/\/$/, ''),
    db: v['db'],
    entries,
    jurors,
    council,
    concurrency: int('concurrency', 50, 1, 2_000),
    passShare: numberFlag('pass-share', v['pass-share'], 0.3, { min: 0, max: 1 }),
    samples: int('samples', 10, 1, 1_000),
    putSheets: int('put-sheets', entries * jurors, 1, entries * jurors),
  };
}

function reproduce(o: Options): string {
  return (
    `npm run bench:awards -- ${o.gateway ? `--gateway ${o.gateway} --db ${o.db} ` : ''}--entries ${o.entries} ` +
    `--jurors ${o.jurors} --council ${o.council} --concurrency ${o.concurrency} --pass-share ${o.passShare} ` +
    `--samples ${o.samples}${o.putSheets < o.entries * o.jurors ? ` --put-sheets ${o.putSheets}` : ''}`
  );
}

function latencyRow(label: string, s: Summary | null): string {
  const cells = s ? [String(s.n), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max)] : ['0', '–', '–', '–', '–'];
  return `  ${label.padEnd(44)}${cells.map((c, i) => c.padStart(i === 0 ? 7 : 10)).join('')}`;
}

const secs = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** The awards database of the platform: the bench profile's own, or the one `--db` names. */
function awardsDatabase(platform: BenchPlatform): string {
  if (!platform.own) return platform.database;
  const url = targetsOf(BENCH_PROFILE).databases.find((d) => new URL(d).pathname.endsWith('_awards'));
  if (!url) throw new Error('the bench profile names no awards database');
  return url;
}

interface Move {
  ms: number;
  /** How the gateway answered the POST itself (200, 202 for publication, or its timeout while the service went on). */
  answer: string;
}

/**
 * POSTs a step of the round and times it until the step is committed. The gateway gives up on an upstream after
 * UPSTREAM_TIMEOUT_MS (10 s) with a 504 while the service goes on: the round's row is then polled in the awards
 * database — locked while the service's transaction holds it; once free, its state says whether the step was
 * committed or rolled back.
 */
async function moveRound(
  http: GatewayClient,
  admin: Session,
  db: Client,
  roundId: string,
  step: 'close' | 'publish',
  state: AwardRoundView['state'],
): Promise<Move & { reply?: PublicationView }> {
  const started = performance.now();
  const reply = await http
    .send('POST', `/api/v1/award-rounds/${roundId}/${step}`, {
      token: await admin.accessToken(),
      body: step === 'publish' ? { normalisation: 'none' } : undefined,
    })
    .catch((e: Error) => ({ status: 0, text: e.message, ms: performance.now() - started }));
  if (reply.status === 200) return { ms: reply.ms, answer: '200' };
  if (reply.status === 202 && step === 'publish') {
    // Publication runs in the service's background: poll the job as a client does until it commits.
    const answer = `202 in ${ms(reply.ms)}, then polled GET …/publication`;
    for (;;) {
      await sleep(200);
      const job = await http.send('GET', `/api/v1/award-rounds/${roundId}/publication`, {
        token: await admin.accessToken(),
      });
      if (job.status !== 200) throw new Error(`GET …/publication → ${job.status} ${problem(job.text)}`);
      const view = JSON.parse(job.text) as PublicationView;
      if (view.state === 'failed') throw new Error(`publication failed: ${view.lastError}`);
      if (view.state === 'published') {
        return { ms: performance.now() - started, answer, reply: view };
      }
    }
  }
  if (reply.status !== 504) throw new Error(`POST …/${step} → ${reply.status || ''} ${problem(reply.text)}`);
  const answer = `504 after ${secs(reply.ms)}, the service went on`;
  for (;;) {
    await sleep(200);
    const now = await committedState(db, roundId);
    if (now === state) return { ms: performance.now() - started, answer };
    if (now !== 'busy') {
      throw new Error(
        `POST …/${step}: 504 from the gateway, then the service rolled back (state ${now}; see its log)`,
      );
    }
  }
}

/** The round's committed state, or 'busy' while another transaction (the service's step) holds its row. */
async function committedState(db: Client, roundId: string): Promise<string> {
  await db.query('BEGIN');
  try {
    const { rows } = await db.query<{ state: string }>(
      `SELECT state FROM award_round WHERE id = $1 FOR UPDATE NOWAIT`,
      [roundId],
    );
    return rows[0].state;
  } catch (error) {
    if ((error as { code?: string }).code === '55P03') return 'busy';
    throw error;
  } finally {
    await db.query('ROLLBACK');
  }
}

async function main(): Promise<number> {
  const o = options(process.argv.slice(2));
  const runId = randomBytes(3).toString('hex');
  const sheets = o.entries * o.jurors;
  console.log('Awards benchmark');
  console.log(`  machine   ${machineLine()}`);
  console.log(`  node      ${process.version} (${process.platform} ${process.arch})`);
  const platform = await BenchPlatform.start({ gateway: o.gateway, database: o.db }, ['database'], (line) =>
    console.log(`· ${line}`),
  );
  const database = awardsDatabase(platform);
  console.log(
    `  platform  ${platform.own ? 'bench profile: ' : ''}gateway ${platform.gateway}; ` +
      `awards database ${database.replace(/\/\/[^@]*@/, '//…@')}`,
  );
  console.log(
    `  load      national round, council ${o.council}, jury ${o.jurors}; ${o.entries} entries × ${o.jurors} ` +
      `jurors = ${sheets} sheets, ${o.putSheets} of them PUT over ${o.concurrency} connections; ` +
      `pass share ${o.passShare}; run ${runId}`,
  );

  // Kept sockets for the sheets; a fresh connection for every other call (they come after long pauses).
  const http = new GatewayClient(platform.gateway, o.concurrency);
  const once = new GatewayClient(platform.gateway, 4, { keepAlive: false });
  const db = new Client({ connectionString: database, application_name: 'kc-bench-awards' });
  process.once('SIGINT', () => {
    console.log('\n· interrupted: stopping the platform the run started');
    void platform.close().finally(() => process.exit(130));
  });
  try {
    await db.connect();
    const health = await once.send('GET', '/health').then(
      (r) => r.status,
      () => 0,
    );
    if (health !== 200) {
      console.error(`✗ the gateway at ${platform.gateway} is not healthy (${health || 'no answer'})`);
      return 1;
    }

    // Set-up: round, council accounts and council through the gateway; entries by SQL; scoring started.
    let t = performance.now();
    const admin = adminSession(once);
    const round = await openNationalRound(once, admin, runId);
    const members = await createCouncilAccounts(once, admin, o.council, runId);
    await seatCouncil(once, admin, round.id, members, o.jurors);
    console.log(
      `· round ${round.id} (national ${round.year}); ${o.council} juror accounts created and logged in, ` +
        `council seated (${secs(performance.now() - t)})`,
    );
    t = performance.now();
    const entries = await loadEntries(db, round.id, round.year, o.entries);
    console.log(
      `· ${entries.length} entries loaded by SQL with their dossiers (${secs(performance.now() - t)})`,
    );
    await once.expect(200, 'POST', `/api/v1/award-rounds/${round.id}/start-scoring`, {
      token: await admin.accessToken(),
    });
    const totals = sheetTotals(o.entries, o.jurors, o.passShare);
    console.log(
      `· scoring started; ${o.putSheets} sheets to PUT` +
        (o.putSheets < sheets ? `, then ${sheets - o.putSheets} by SQL…` : '…'),
    );

    // 1. The jurors score: the timed run, then what failed sent again (untimed), then any rest by SQL.
    const jury = members.slice(0, o.jurors);
    const all = Array.from({ length: o.putSheets }, (_, k) => k);
    const log = (line: string) => console.log(`· ${line}`);
    // The processes' CPU is read by the bench profile's pid files: only for its own platform.
    const benchOwn = platform.own || platform.gateway === targetsOf(BENCH_PROFILE).gateway;
    const cpuBefore = benchOwn ? await cpuSnapshot(db) : null;
    const loadBefore = loadAverage();
    const scoring = await submitSheets(http, round.id, entries, jury, totals, all, o.concurrency, log);
    const cpu = cpuBefore ? cpuUsed(cpuBefore, await cpuSnapshot(db)) : new Map<string, number>();
    const loadDuring = `${loadBefore} → ${loadAverage()}`;
    let missing = scoring.failed;
    let resent = 0;
    for (let attempt = 1; attempt <= 3 && missing.length > 0; attempt++) {
      resent += missing.length;
      missing = (await submitSheets(http, round.id, entries, jury, totals, missing, o.concurrency)).failed;
    }
    const bySql = await insertSheets(db, round.id, entries, jury, totals, o.putSheets);
    // The secretary's progress view through the gateway (timed: it reads the whole round), then the truth.
    const progress = await once.send('GET', `/api/v1/award-rounds/${round.id}/progress`, {
      token: await admin.accessToken(),
    });
    const shown =
      progress.status === 200 ? (JSON.parse(progress.text) as ScoringProgressView).totals.done : null;
    const [{ stored }] = (
      await db.query<{ stored: number }>(
        `SELECT count(*)::int AS stored FROM award_score_sheet WHERE round_id = $1`,
        [round.id],
      )
    ).rows;
    if (stored !== sheets || (shown !== null && shown !== stored)) {
      console.error(
        `✗ ${stored} of ${sheets} sheets stored (progress shows ${shown}); first error: ${[...scoring.errors][0]}`,
      );
      return 1;
    }
    console.log(
      `· ${stored} sheets stored (${bySql} of them by SQL); GET …/progress ${progress.status} in ` +
        `${ms(progress.ms)}; closing…`,
    );

    // 2. Close and publish through the gateway.
    const close = await moveRound(once, admin, db, round.id, 'close', 'closed');
    console.log(`· closed (${secs(close.ms)}); publishing…`);
    const publish = await moveRound(once, admin, db, round.id, 'publish', 'published');
    const published = await once.expect<AwardRoundView>(200, 'GET', `/api/v1/award-rounds/${round.id}`, {
      token: await admin.accessToken(),
    });
    const [{ certificates }] = (
      await db.query<{ certificates: number }>(
        `SELECT count(*)::int AS certificates FROM award_certificate WHERE round_id = $1`,
        [round.id],
      )
    ).rows;

    // 3. The published document through the gateway, its hash, and recompute() over it in this process.
    const result = await once.send('GET', `/api/v1/award-rounds/${round.id}/result`);
    if (result.status !== 200) throw new Error(`GET …/result → ${result.status} ${problem(result.text)}`);
    const bytes = Buffer.byteLength(result.text, 'utf8');
    const sha256 = createHash('sha256').update(result.text, 'utf8').digest('hex');
    let tt = performance.now();
    const document = JSON.parse(result.text) as PublishedResult;
    const parseMs = performance.now() - tt;
    tt = performance.now();
    const report = recompute(document);
    const recomputeMs = performance.now() - tt;
    const verification = await once.send('GET', `/api/v1/award-rounds/${round.id}/result/verification`);
    const verified =
      verification.status === 200 ? (JSON.parse(verification.text) as ResultVerificationView) : null;

    // 4. The SQL floor on the same sheets, checked against the published figures.
    console.log(`· published; timing the SQL floor (${o.samples} runs after a warm-up)…`);
    const floor = await timeFloor(db, round.id, o.samples);
    const publishedRows: FloorRow[] = document.results.entries.map((e) => ({
      code: e.code,
      group: e.group,
      sumTenths: e.sumTenths,
      sheetCount: e.sheetCount,
      passed: e.passed,
      rank: e.rank,
    }));
    const differ = disagreements(publishedRows, floor.rows);
    const floorStats = summarise(floor.ms)!;

    const passed = publishedRows.filter((r) => r.passed).length;
    const rps = (scoring.latencyMs.length / scoring.elapsedMs) * 1000;
    const errors = scoring.sent - scoring.latencyMs.length;
    console.log('');
    console.log(
      `  ${''.padEnd(44)}${'n'.padStart(7)}${['p50', 'p95', 'p99', 'max'].map((h) => h.padStart(10)).join('')}`,
    );
    console.log(latencyRow('PUT …/entries/:id/sheet → 200 (gateway)', summarise(scoring.latencyMs)));
    console.log(latencyRow('SQL floor: GROUP BY sum, count, pass, rank', floorStats));
    console.log('');
    console.log(
      `  sheets            ${rps.toFixed(0)} requests/s (${scoring.latencyMs.length} of ${scoring.sent} in ` +
        `${secs(scoring.elapsedMs)} over ${o.concurrency} connections), ${errors} errors` +
        (errors
          ? ` (${[...scoring.errors].map(([why, n]) => `${n}× ${why}`).join('; ')}); ${resent} re-sent afterwards`
          : ''),
    );
    const perSheet = [...cpu].map(([component, used]) => ({ component, ms: used / scoring.sent }));
    const cpuPerSheet = perSheet.reduce((sum, c) => sum + c.ms, 0);
    console.log(
      perSheet.length === 0
        ? `  CPU per sheet     not read (not the bench profile's platform)`
        : `  CPU per sheet     ${perSheet.map((c) => `${c.component} ${ms(c.ms)}`).join(', ')}: ` +
            `${ms(cpuPerSheet)} in all → at most ${((availableParallelism() * 1000) / cpuPerSheet).toFixed(0)} ` +
            `sheets/s on ${availableParallelism()} cores if nothing else ran (load average ${loadDuring} ` +
            'during the PUTs)',
    );
    console.log(
      `  progress          GET …/progress (the secretary's counts) ${progress.status} in ${ms(progress.ms)}` +
        (shown === null ? ` (${problem(progress.text)})` : `: ${shown} of ${sheets} done`),
    );
    console.log(`  close             ${secs(close.ms)} (POST …/close: gateway answered ${close.answer})`);
    console.log(
      `  publish           ${secs(publish.ms)} (POST …/publish: gateway answered ${publish.answer}): ` +
        `${publishedRows.length} entries, ${passed} passed, ${certificates} certificates issued` +
        (publish.reply ? ` (${publish.reply.certificates.length} listed by GET …/publication)` : ''),
    );
    console.log(
      `  result document   ${mib(bytes)} in ${ms(result.ms)} through the gateway; SHA-256 ` +
        `${sha256 === published.resultSha256 ? 'equals' : 'DIFFERS FROM'} the announced one`,
    );
    console.log(
      `  recompute()       ${ms(recomputeMs)} in this process (JSON.parse ${ms(parseMs)} before it): ` +
        `${report.matches ? 'every figure matches' : `${report.differences.length} differences`}, hash ` +
        `${report.sha256 === published.resultSha256 ? 'equal' : 'DIFFERENT'}`,
    );
    console.log(
      `  verification      GET …/result/verification ${verification.status} in ${ms(verification.ms)}` +
        (verified ? `: matches ${verified.matches}` : ` (${problem(verification.text)})`),
    );
    console.log(
      `  SQL floor         p50 ${ms(floorStats.p50)} (${o.samples} runs, ${floor.rows.length} rows); ` +
        (differ.length === 0
          ? 'every sum, count, pass and rank equals the published one'
          : `${differ.length} disagreements, first: ${differ[0]}`),
    );
    console.log(
      `  ratios            publish ${(publish.ms / floorStats.p50).toFixed(0)}×, close ` +
        `${(close.ms / floorStats.p50).toFixed(0)}×, recompute() ${(recomputeMs / floorStats.p50).toFixed(1)}× the floor's p50`,
    );
    if (platform.own) {
      const memory = platformMemory(PLATFORM_SERVICES);
      const total = memory.reduce((sum, row) => sum + row.mib, 0);
      console.log(
        `  memory after      ${(total / 1024).toFixed(2)} GiB PSS — ` +
          memory.map((row) => `${row.component} ${row.mib.toFixed(0)}`).join(', ') +
          ' MiB (PostgreSQL and Redis are the machine’s, shared with any other profile running)',
      );
    }
    console.log(`  load average after the run: ${loadAverage()} (other processes skew the figures)`);
    console.log(`  reproduce: ${reproduce(o)}`);
    console.log(
      `  stays: round "${round.name}" (${round.id}), published, with its entries, sheets, certificates and ` +
        `${o.council} juror accounts` +
        (platform.own ? ", in the bench profile's databases until the next run" : ''),
    );
    const bad =
      missing.length +
      differ.length +
      (report.matches ? 0 : 1) +
      (sha256 === published.resultSha256 ? 0 : 1) +
      (verified?.matches ? 0 : 1) +
      (shown === sheets ? 0 : 1) +
      (certificates === passed ? 0 : 1);
    return bad ? 1 : 0;
  } finally {
    http.close();
    once.close();
    await db.end().catch(() => undefined);
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
