// The benchmarks' own platform: the `bench` profile of deploy/profiles.mjs (databases kc_bench_*, Redis db 3, a
// broker on 31092, the gateway on 3700). A benchmark starts it on a clean slate and stops it when done, so what a
// run writes never reaches the demo's databases (the dev profile) nor the tests' (test, chaos); an address given
// by hand that belongs to one of those profiles is refused before anything is sent.
import fs from 'node:fs';
import pg from 'pg';
import { createClient } from 'redis';
import { infraDown, infraUp } from '../../../deploy/launcher.mjs';
import { getProfile, profileNames } from '../../../deploy/profiles.mjs';
import { ensureDatabases } from '../../../deploy/lib/postgres.mjs';
import { createReporter } from '../../../deploy/lib/ui.mjs';
import { ensureService } from '../../platform/services.mjs';
import { buildWebApp } from '../../platform/web-app.mjs';

export const BENCH_PROFILE = 'bench';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
const hostOf = (host) => (LOOPBACK.has(host) ? 'loopback' : host);
/** host:port, the same spelling for every loopback name. */
const endpoint = (url) => {
  const u = new URL(url);
  return `${hostOf(u.hostname)}:${u.port || { 'http:': 80, 'postgres:': 5432, 'redis:': 6379 }[u.protocol]}`;
};

/** Where a profile's platform answers: what a benchmark could be pointed at. */
export function targetsOf(profileName, env = process.env) {
  const p = getProfile(profileName, env);
  const url = (name) => p.services.find((s) => s.name === name);
  return {
    gateway: url('gateway').url,
    tradeFairsDatabase: url('trade-fairs').databaseUrl,
    pgUrl: p.postgres.url,
    brokers: p.kafka.brokers,
    redis: p.redisUrl,
    services: p.services.map((s) => s.url),
    databases: p.services.map((s) => s.databaseUrl),
  };
}

/** One key per address a profile owns: its ports, its databases, its broker, its Redis db. */
function addressesOf(profileName, env) {
  const t = targetsOf(profileName, env);
  const keys = new Map();
  for (const url of t.services) keys.set(`http ${endpoint(url)}`, 'a service port');
  for (const url of t.databases) keys.set(`db ${endpoint(url)}${new URL(url).pathname}`, 'a database');
  for (const broker of t.brokers.split(',')) keys.set(`kafka ${endpoint(`http://${broker}`)}`, 'the broker');
  keys.set(`redis ${endpoint(t.redis)}${new URL(t.redis).pathname}`, 'the Redis db');
  return keys;
}

/** The keys of the addresses given to a benchmark, labelled by flag. */
function keysOf({ gateway, database, brokers, redis }) {
  const out = [];
  if (gateway) out.push(['--gateway', gateway, `http ${endpoint(gateway)}`]);
  if (database) out.push(['--db', database, `db ${endpoint(database)}${new URL(database).pathname}`]);
  for (const b of (brokers ?? '').split(',').filter(Boolean))
    out.push(['--brokers', b, `kafka ${endpoint(`http://${b.trim()}`)}`]);
  if (redis) {
    const u = new URL(redis);
    out.push(['--redis', redis, `redis ${endpoint(redis)}${u.pathname.length > 1 ? u.pathname : '/0'}`]);
  }
  return out;
}

/** The addresses two profiles share (none, or their data mixes: one's events reach the other's services). */
export function sharedAddresses(a, b, env = process.env) {
  const theirs = addressesOf(b, env);
  return [...addressesOf(a, env).keys()].filter((key) => theirs.has(key));
}

/**
 * Throws if an address given to a benchmark is another profile's — the dev profile's are the demo's databases,
 * test and chaos hold the tests' — or if the bench profile itself shares one with another profile under this
 * environment (e.g. KC_KAFKA_BROKERS naming one broker for all: the demo's consumers would read the benchmark's
 * events).
 * @param {{ gateway?: string, database?: string, brokers?: string, redis?: string }} given
 */
export function assertBenchTargets(given, env = process.env) {
  for (const name of profileNames().filter((n) => n !== BENCH_PROFILE)) {
    const shared = sharedAddresses(BENCH_PROFILE, name, env);
    if (shared.length > 0) {
      throw new Error(
        `the bench profile shares ${shared.join(', ')} with the ${name} profile in this environment ` +
          '(KC_KAFKA_BROKERS, KC_REDIS_URL?): a benchmark would write into its data',
      );
    }
    const theirs = addressesOf(name, env);
    for (const [flag, value, key] of keysOf(given)) {
      if (theirs.has(key)) {
        throw new Error(
          `${flag} ${value} is ${theirs.get(key)} of the ${name} profile${name === 'dev' ? ' (the demo)' : ''}: ` +
            'benchmarks write only into their own databases; leave the address out to run on the bench profile',
        );
      }
    }
  }
}

/**
 * Stops whatever of the bench profile runs, wipes its broker's data, its databases and its Redis db, then starts
 * the infrastructure and the seven services afresh. Returns where they answer.
 * @param {{ log?: (line: string) => void }} [opts]
 */
export async function benchPlatformUp({ log = () => {} } = {}) {
  const t0 = Date.now();
  const profile = getProfile(BENCH_PROFILE);
  assertBenchTargets({});
  const quiet = createReporter({ quiet: true });
  await infraDown(BENCH_PROFILE, { reporter: quiet });
  fs.rmSync(profile.kafka.dir, { recursive: true, force: true });
  await infraUp(BENCH_PROFILE, { reporter: quiet });
  await dropDatabases(profile);
  await ensureDatabases(profile, quiet);
  await flushRedisDb(profile);
  log(`bench profile: infrastructure on a clean slate (${seconds(t0)}); starting the services…`);
  // The gateway serves the web app it finds built when it starts (the web benchmark opens it).
  await buildWebApp();
  // All seven at once: services fetch the gateway's keys on their first request, not at start.
  await Promise.all(profile.services.map((svc) => ensureService(profile, svc)));
  log(`bench profile: platform up (${seconds(t0)})`);
  return targetsOf(BENCH_PROFILE);
}

/** Only the infrastructure (broker, databases, Redis) of the bench profile, for benchmarks that boot services themselves. */
export async function benchInfraUp() {
  assertBenchTargets({});
  await infraUp(BENCH_PROFILE, { reporter: createReporter({ quiet: true }) });
  return targetsOf(BENCH_PROFILE);
}

/** Stops the bench profile's services and broker; its data stays until the next run wipes it. */
export async function benchPlatformDown() {
  await infraDown(BENCH_PROFILE, { reporter: createReporter({ quiet: true }) });
}

const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

async function dropDatabases(profile) {
  const admin = new pg.Client({ connectionString: profile.postgres.adminUrl });
  await admin.connect();
  try {
    for (const db of profile.postgres.databases) {
      if (!db.startsWith('kc_bench_')) throw new Error(`refusing to drop ${db}: not a bench database`);
      await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

async function flushRedisDb(profile) {
  const client = createClient({ url: profile.redis.url });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.flushDb();
  } finally {
    await client.close();
  }
}
