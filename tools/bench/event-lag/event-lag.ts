/**
 * Event lag: how long after a write is acknowledged (HTTP 200 of the registration = committed, with its outbox row) the national
 * conference view counts it — outbox relay → Kafka → reporting's consumer and projection → the view through
 * the gateway — compared with the raw produce → consume latency of the same broker. Prints figures; not a test.
 *
 *   npm run bench:event-lag -- [--rate 20] [--duration 30] [--year 2099] [--poll-ms 50] [--settle 30]
 *                              [--projects 0] [--hall 0] [--gateway URL --brokers host:port,…]
 *
 * `--projects N` first puts N projects of --year into the reporting projection (bench profile only), so the view
 * sums a national programme; `--hall C` has C dashboards ask for the view back to back during the writes (a
 * conference hall), and prints their throughput and latency beside the lag.
 *
 * Runs on the bench profile's own platform (shared/bench-platform.mjs), started on a clean slate for the run and
 * stopped after it; `--gateway` with `--brokers` names another platform instead, never the demo's or the
 * tests'. Both measurements run at the same time, at the same rate, on the same broker. What stays afterwards,
 * in the bench profile's databases only (wiped by the next run): the benchmark's national plan of --year and the
 * projects registered under it. The scratch topic `bench.latency` and the benchmark's consumer group are deleted.
 */
import { randomBytes } from 'node:crypto';
import { KafkaLatencyProbe, SCRATCH_TOPIC } from './kafka-latency';
import { benchFlags, numberFlag } from '../shared/cli';
import { loadAverage, machineLine } from '../shared/machine';
import { BenchPlatform } from '../shared/platform';
import { ms, summarise, type Summary } from '../shared/stats';
import { GatewayClient, ViewLagProbe } from './view-lag';
import { hallLoad, preloadProjections, reportingDatabase, warmUpHall, type HallFigures } from './hall';

interface Options {
  gateway?: string;
  brokers?: string;
  rate: number;
  duration: number;
  year: number;
  pollMs: number;
  settle: number;
  projects: number;
  hall: number;
}

const DEFAULTS: Options = {
  rate: 20,
  duration: 30,
  year: 2099,
  pollMs: 50,
  settle: 30,
  projects: 0,
  hall: 0,
};

const USAGE =
  'usage: npm run bench:event-lag -- [--rate N/s] [--duration s] [--year YYYY] [--poll-ms ms] [--settle s] ' +
  '[--projects N] [--hall connections] [--gateway URL --brokers host:port,…]';

function options(argv: string[]): Options {
  const v = benchFlags(
    argv,
    ['gateway', 'brokers', 'rate', 'duration', 'year', 'poll-ms', 'settle', 'projects', 'hall'],
    USAGE,
  );
  const d = DEFAULTS;
  return {
    gateway: v['gateway']?.replace(/\/$/, ''),
    brokers: v['brokers'],
    rate: numberFlag('rate', v['rate'], d.rate, { min: 0.1, max: 1000 }),
    duration: numberFlag('duration', v['duration'], d.duration, { min: 1, max: 3600 }),
    year: numberFlag('year', v['year'], d.year, { min: 2027, max: 2100, integer: true }),
    pollMs: numberFlag('poll-ms', v['poll-ms'], d.pollMs, { min: 5, max: 10_000 }),
    settle: numberFlag('settle', v['settle'], d.settle, { min: 1, max: 600 }),
    projects: numberFlag('projects', v['projects'], d.projects, { min: 0, max: 1_000_000, integer: true }),
    hall: numberFlag('hall', v['hall'], d.hall, { min: 0, max: 1000, integer: true }),
  };
}

function reproduce(o: Options): string {
  return (
    `npm run bench:event-lag -- ${o.gateway ? `--gateway ${o.gateway} --brokers ${o.brokers} ` : ''}--rate ${o.rate} ` +
    `--duration ${o.duration} --year ${o.year} --poll-ms ${o.pollMs} --settle ${o.settle}` +
    (o.projects ? ` --projects ${o.projects}` : '') +
    (o.hall ? ` --hall ${o.hall}` : '')
  );
}

function row(label: string, s: Summary | null, width: number): string {
  const cells = s ? [String(s.n), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max)] : ['0', '–', '–', '–', '–'];
  return `${label.padEnd(width)} ${cells.map((c, i) => c.padStart(i === 0 ? 5 : 9)).join('')}`;
}

function ratioRow(label: string, a: Summary | null, b: Summary | null, width: number): string {
  const r = (x: number, y: number) => (y > 0 ? `${(x / y).toFixed(1)}×` : '–');
  const cells =
    a && b
      ? ['', r(a.p50, b.p50), r(a.p95, b.p95), r(a.p99, b.p99), r(a.max, b.max)]
      : ['', '–', '–', '–', '–'];
  return `${label.padEnd(width)} ${cells.map((c, i) => c.padStart(i === 0 ? 5 : 9)).join('')}`;
}

async function main(): Promise<number> {
  const o = options(process.argv.slice(2));
  if (o.projects && o.gateway) {
    console.error("✗ --projects writes into the bench profile's reporting database: leave out --gateway");
    return 1;
  }
  const runId = randomBytes(3).toString('hex');
  const abort = new AbortController();
  process.once('SIGINT', () => {
    console.log('\n· interrupted: finishing up and cleaning up (Ctrl-C again to quit at once)');
    abort.abort();
    process.once('SIGINT', () => process.exit(130));
  });

  console.log('Event lag benchmark');
  console.log(`  machine   ${machineLine()}`);
  console.log(`  node      ${process.version} (${process.platform} ${process.arch})`);
  const platform = await BenchPlatform.start(
    { gateway: o.gateway, brokers: o.brokers },
    ['brokers'],
    (line) => console.log(`· ${line}`),
  );
  const brokers = platform.brokers
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  console.log(
    `  platform  ${platform.own ? 'bench profile: ' : ''}gateway ${platform.gateway}, brokers ${brokers.join(',')}`,
  );
  console.log(
    `  load      ${o.rate} writes/s for ${o.duration} s, each way; view polled every ${o.pollMs} ms; run ${runId}`,
  );

  const kafka = new KafkaLatencyProbe(brokers);
  try {
    const health = await fetch(`${platform.gateway}/health`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.status,
      () => 0,
    );
    if (health !== 200) {
      console.error(`✗ the gateway at ${platform.gateway} is not healthy (${health || 'no answer'})`);
      return 1;
    }
    if (o.projects) {
      await preloadProjections(reportingDatabase(), o.year, o.projects);
      console.log(`· ${o.projects} projects of ${o.year - 7}–${o.year} put into the reporting projection`);
    }
    const gateway = new GatewayClient(platform.gateway);
    await gateway.login();
    const viewer = new GatewayClient(platform.gateway);
    await viewer.login('xem');
    const view = new ViewLagProbe(gateway);
    await Promise.all([view.prepare(o.year), kafka.prepare()]);
    const viewUrl = `${platform.gateway}/api/v1/conferences/national?year=${o.year}`;
    // The hall warms up first; then writes and dashboards run together for --duration.
    if (o.hall) await warmUpHall(viewUrl, viewer.bearer, o.hall);
    const hall: Promise<HallFigures | null> = o.hall
      ? hallLoad(viewUrl, viewer.bearer, o.hall, o.duration)
      : Promise.resolve(null);
    console.log('· warmed up (one write seen in the view, one message consumed); measuring…');
    const [v, k, h] = await Promise.all([
      view.run({
        year: o.year,
        rate: o.rate,
        durationSeconds: o.duration,
        pollMs: o.pollMs,
        settleSeconds: o.settle,
        runId,
        signal: abort.signal,
      }),
      kafka.run(o.rate, o.duration, o.settle, abort.signal),
      hall,
    ]);

    const lag = summarise(v.lagMs);
    const raw = summarise(k.endToEndMs);
    const w = 52;
    console.log('');
    console.log(
      `${''.padEnd(w)} ${'n'.padStart(5)}${['p50', 'p95', 'p99', 'max'].map((h) => h.padStart(9)).join('')}`,
    );
    console.log(row('register 200 → counted in conference view', lag, w));
    console.log(row('  lower bound (the poll before did not count it)', summarise(v.lagLowerMs), w));
    console.log(row(`Kafka produce → consume (${SCRATCH_TOPIC}, acks=-1)`, raw, w));
    console.log(ratioRow('ratio view lag / Kafka', lag, raw, w));
    console.log(row('  for reference: POST /api/v1/projects/:id/register → 200', summarise(v.writeMs), w));
    console.log(row('  for reference: Kafka send → ack', summarise(k.ackMs), w));
    console.log('');
    console.log(
      `  view: ${v.writes} writes, ${v.failedWrites} failed, ${v.notVisible} not counted within ${o.settle} s, ` +
        `${v.visibleBeforeAck} counted before their 200 arrived (lag 0); ${v.polls} polls (${v.failedPolls} failed), ` +
        `one every ${ms(v.meanPollCycleMs)} on average (the view lag lies between the two rows)`,
    );
    if (v.firstError) console.log(`  first failed write: ${v.firstError}`);
    if (h) {
      const fast = h.requestsPerSecond >= 1000 && h.p99 < 50 && h.non2xx === 0 && h.errors === 0;
      console.log(
        `  hall: ${h.connections} dashboards on the view${o.projects ? ` of ${o.projects} preloaded projects` : ''}: ` +
          `${h.requestsPerSecond.toFixed(0)} req/s, p50 ${h.p50} ms, p99 ${h.p99} ms, ${h.requests} answers, ` +
          `${h.non2xx} non-2xx, ${h.errors} errors (target ≥ 1,000 req/s with p99 < 50 ms: ${fast ? 'met' : 'not met'})`,
      );
    }
    if (lag && raw) {
      const fresh = lag.p99 < 250 && lag.p99 <= 5 * raw.p99;
      console.log(
        `  freshness: view lag p99 ${ms(lag.p99)} at ${o.rate} writes/s, ${(lag.p99 / raw.p99).toFixed(1)}× Kafka's p99 ` +
          `(target < 250 ms and ≤ 5× at 200 writes/s: ${fresh && o.rate >= 200 ? 'met' : 'not met'})`,
      );
    }
    console.log(`  kafka: ${k.sent} messages, ${k.lost} not consumed within ${o.settle} s`);
    console.log(`  load average after the run: ${loadAverage()} (other processes skew the figures)`);
    console.log(`  reproduce: ${reproduce(o)}`);
    console.log(
      `  stays: plan "${v.planName}" (${v.planId}) with this run's projects` +
        (platform.own ? ", in the bench profile's databases until the next run" : ''),
    );
    return v.failedWrites || v.notVisible || k.lost ? 1 : 0;
  } finally {
    const left = await kafka.close();
    if (left.length) console.log(`! could not delete ${left.join(' and ')}: remove by hand`);
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
