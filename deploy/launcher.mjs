#!/usr/bin/env node
// Local infrastructure for the platform: Kafka (KRaft, from the Maven jars), PostgreSQL and Redis, per profile.
//
//   node deploy/launcher.mjs <up|down|status|topics|databases> [--profile dev|test|chaos|bench] [--quiet]
//
//   up         start (or reuse) Kafka, Postgres and Redis; create the topics, dead-letter topics and databases
//   down       stop what was started for the profile (services with pid files first, the broker last)
//   status     one line per component
//   topics     create the topics only (waits up to 60 s for the brokers; KC_KAFKA_BROKERS points elsewhere)
//   databases  create the databases only (waits up to 60 s for Postgres; KC_PG_URL points elsewhere)
//
// From other scripts: import { infraUp, infraDown, infraStatus } from './deploy/launcher.mjs'.
// Profiles, ports and environment variables: deploy/profiles.mjs. Logs: .kc/logs/.
import fs from 'node:fs';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getProfile, paths, profileNames } from './profiles.mjs';
import { ensureKafka, ensureTopics, kafkaAnswers, kafkaVersion } from './lib/kafka.mjs';
import {
  embeddedPgRunning,
  ensureDatabases,
  ensurePostgres,
  ownPgRunning,
  pgAnswers,
  stopEmbeddedPostgres,
  stopOwnPostgres,
} from './lib/postgres.mjs';
import {
  EMBEDDED_REDIS_PIDFILE,
  ensureRedis,
  redisPing,
  stopEmbeddedRedis,
  stopOwnRedis,
} from './lib/redis.mjs';
import { listPidFiles, pidFileProcess, portAnswers, stopPidFile, withLock } from './lib/process.mjs';
import { createReporter, LauncherError, sinceStart, why } from './lib/ui.mjs';

export { LauncherError } from './lib/ui.mjs';
export { spawnDetached } from './lib/process.mjs';

const defaultProfile = () => process.env.KC_PROFILE || 'dev';

function prepare(profileName, opts) {
  const profile = getProfileOrFail(profileName);
  fs.mkdirSync(paths.logs, { recursive: true });
  fs.mkdirSync(paths.run, { recursive: true });
  return { profile, r: opts.reporter ?? createReporter({ quiet: opts.quiet }) };
}

/**
 * Start (or reuse) Kafka, PostgreSQL and Redis for a profile, then create its topics and databases.
 * Idempotent: a second call only checks. Throws LauncherError with a one-line message on failure.
 * @param {string} [profileName] 'dev' | 'test' | 'chaos' | 'bench'
 * @param {{ quiet?: boolean, reporter?: object }} [opts]
 * @returns {Promise<{ profile: object, kafka: object, postgres: object, redis: object, ms: number }>}
 */
export async function infraUp(profileName = defaultProfile(), opts = {}) {
  const { profile, r } = prepare(profileName, opts);
  const t0 = Date.now();
  return withLock('launcher', async () => {
    const [kafka, postgres, redis] = await allOrFirstError(
      [
        (async () => {
          const broker = await ensureKafka(profile, r);
          const topics = await ensureTopics(profile, r, { waitMs: 30000 });
          return { ...broker, topics };
        })(),
        (async () => {
          const server = await ensurePostgres(profile, r);
          const databases = await ensureDatabases(profile, r, { waitMs: 10000 });
          return { ...server, databases };
        })(),
        ensureRedis(profile, r),
      ],
      r,
    );
    r.line(`Infrastructure of profile ${profile.name} ready (${sinceStart(t0)})`);
    return { profile, kafka, postgres, redis, ms: Date.now() - t0 };
  });
}

/**
 * Stop every process with a pid file `.kc/run/<profile>-*.pid` (services first, in parallel; the Kafka broker
 * last): SIGTERM, up to 15 s, then SIGKILL. A profile's own Postgres and Redis (chaos) are stopped with it; the
 * embedded Postgres/Redis the launcher started are stopped too when no other profile still runs; the machine's own
 * servers never are.
 * @param {string} [profileName]
 * @param {{ quiet?: boolean, reporter?: object, timeoutMs?: number }} [opts]
 */
export async function infraDown(profileName = defaultProfile(), opts = {}) {
  const { profile, r } = prepare(profileName, opts);
  const timeoutMs = opts.timeoutMs ?? 15000;
  return withLock('launcher', async () => {
    const files = listPidFiles(profile.name);
    const stopped = [];
    const services = files.filter((f) => f.name !== 'kafka');
    await Promise.all(
      services.map(async (f) => {
        const t0 = Date.now();
        const { pid, result } = await stopPidFile(f.file, { timeoutMs });
        if (result === 'not-running') return;
        stopped.push(f.name);
        r.ok(
          `${f.name} stopped (pid ${pid}${result === 'killed' ? ', killed after SIGTERM timed out' : ''}, ${sinceStart(t0)})`,
        );
      }),
    );
    const kafkaFile = files.find((f) => f.name === 'kafka');
    if (kafkaFile) {
      const t0 = Date.now();
      const { pid, result } = await stopPidFile(kafkaFile.file, { timeoutMs });
      if (result !== 'not-running') {
        stopped.push('kafka');
        r.ok(
          `Kafka on ${profile.kafka.brokers} stopped (pid ${pid}${result === 'killed' ? ', killed' : ''}, ${sinceStart(t0)})`,
        );
      }
    }
    // A profile's own Postgres and Redis (chaos) go with it; the shared servers are handled below.
    const ownPg = await stopOwnPostgres(profile);
    if (ownPg) {
      stopped.push('postgres');
      r.ok(`PostgreSQL of profile ${profile.name} stopped (pid ${ownPg})`);
    }
    const ownRedis = await stopOwnRedis(profile);
    if (ownRedis) {
      stopped.push('redis');
      r.ok(`Redis of profile ${profile.name} stopped (pid ${ownRedis})`);
    }
    if (
      !profile.kafka.external &&
      !stopped.includes('kafka') &&
      (await portAnswers(profile.kafka.host, profile.kafka.port))
    ) {
      r.info(`Kafka on ${profile.kafka.brokers} was not started by the launcher: left running`);
    }

    const othersRunning = profileNames()
      .filter((n) => n !== profile.name)
      .filter((n) => listPidFiles(n).some((f) => pidFileProcess(f.file)));
    if (othersRunning.length === 0) {
      const pg = await stopEmbeddedPostgres();
      if (pg) {
        stopped.push('postgres');
        r.ok(`embedded PostgreSQL stopped (pid ${pg})`);
      }
      const redis = await stopEmbeddedRedis();
      if (redis) {
        stopped.push('redis');
        r.ok(`redis-server started by the launcher stopped (pid ${redis})`);
      }
    } else if (embeddedPgRunning() || pidFileProcess(EMBEDDED_REDIS_PIDFILE)) {
      r.info(`embedded PostgreSQL/Redis left running: profile ${othersRunning.join(', ')} still uses them`);
    }
    if (stopped.length === 0) r.ok(`nothing of profile ${profile.name} was running`);
    return { profile, stopped };
  });
}

/**
 * One entry per component: kafka, postgres, redis, then every service with a pid file.
 * @returns {Promise<{ name: string, state: 'up'|'down'|'starting', detail: string }[]>}
 */
export async function infraStatus(profileName = defaultProfile()) {
  const profile = getProfileOrFail(profileName);
  const k = profile.kafka;
  const rows = [];

  const [kafka, pg, redis] = await Promise.all([
    (async () => {
      const proc = k.external ? null : pidFileProcess(k.pidFile);
      const listening = k.external || (await portAnswers(k.host, k.port));
      const answers = listening ? (await kafkaAnswers(k.brokerList)).ok : false;
      const stale = !k.external && !proc && fs.existsSync(k.pidFile);
      const who = k.external
        ? 'external'
        : proc
          ? `Kafka ${kafkaVersion()}, pid ${proc.pid}`
          : answers
            ? 'not started by the launcher'
            : stale
              ? 'stale pid file: the broker died; `up` starts it again'
              : '';
      return {
        name: 'kafka',
        state: answers ? 'up' : proc ? 'starting' : 'down',
        detail: `${k.brokers}${who ? ` (${who})` : ''}`,
      };
    })(),
    (async () => {
      const p = profile.postgres;
      const a = await pgAnswers(p.adminUrl, 2000);
      let detail = `${p.host}:${p.port}`;
      if (a.state === 'up') {
        const present = await countDatabases(p);
        const who = p.own
          ? ownPgRunning(p.own)
            ? 'own server'
            : 'server'
          : embeddedPgRunning()
            ? 'embedded'
            : 'server';
        detail += ` (PostgreSQL ${a.version}, ${who}; databases ${p.databasePrefix}*: ${present}/${p.databases.length})`;
      } else if (a.error) {
        detail += ` (${why(a.error)})`;
      }
      return { name: 'postgres', state: a.state === 'up' ? 'up' : 'down', detail };
    })(),
    (async () => {
      const rd = profile.redis;
      const a = await redisPing(rd);
      const who = pidFileProcess(rd.own ? rd.own.pidFile : EMBEDDED_REDIS_PIDFILE)
        ? `, ${rd.own ? 'own server' : 'started by the launcher'}`
        : '';
      return {
        name: 'redis',
        state: a.state === 'up' ? 'up' : 'down',
        detail: `${rd.host}:${rd.port} db ${rd.db}${a.state === 'up' ? ` (Redis ${a.version}${who})` : a.state !== 'down' ? ` (${a.state})` : ''}`,
      };
    })(),
  ]);
  rows.push(kafka, pg, redis);

  for (const f of listPidFiles(profile.name).filter((x) => x.name !== 'kafka')) {
    const proc = pidFileProcess(f.file);
    const svc = profile.services.find((s) => s.name === f.name);
    const listening = proc && svc ? await portAnswers('127.0.0.1', svc.port) : false;
    rows.push({
      name: f.name,
      state: proc ? (listening || !svc ? 'up' : 'starting') : 'down',
      detail: proc ? `${svc ? svc.url : ''} (pid ${proc.pid})`.trim() : 'stale pid file',
    });
  }
  return rows;
}

async function countDatabases(p) {
  try {
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: p.adminUrl, connectionTimeoutMillis: 2000 });
    c.on('error', () => {});
    await c.connect();
    try {
      const { rows } = await c.query('SELECT count(*)::int AS n FROM pg_database WHERE datname = ANY($1)', [
        p.databases,
      ]);
      return rows[0].n;
    } finally {
      await c.end().catch(() => {});
    }
  } catch {
    return '?';
  }
}

/** Wait for every task; if any failed, report the others' failures as warnings and throw the first. */
async function allOrFirstError(tasks, r) {
  const settled = await Promise.allSettled(tasks);
  const failures = settled.filter((s) => s.status === 'rejected').map((s) => s.reason);
  if (failures.length) {
    for (const extra of failures.slice(1)) r.warn(oneLine(extra));
    throw failures[0];
  }
  return settled.map((s) => s.value);
}

function getProfileOrFail(name) {
  try {
    return getProfile(name);
  } catch (e) {
    throw new LauncherError(e.message);
  }
}

function oneLine(e) {
  if (e instanceof LauncherError) return `${e.message}${e.hint ? ` (${e.hint})` : ''}`;
  return why(e);
}

// ---------------------------------------------------------------------------------------------------- CLI

const USAGE = `usage: node deploy/launcher.mjs <up|down|status|topics|databases> [--profile ${profileNames().join('|')}] [--quiet]`;

function parseArgs(argv) {
  const out = { command: undefined, profile: defaultProfile(), quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--profile' || a === '-p') out.profile = argv[++i];
    else if (a.startsWith('--profile=')) out.profile = a.slice('--profile='.length);
    else if (a === '--quiet' || a === '-q') out.quiet = true;
    else if (a === '--help' || a === '-h') out.command = 'help';
    else if (!out.command) out.command = a;
    else throw new LauncherError(`unexpected argument "${a}"\n${USAGE}`);
  }
  if (!out.profile) throw new LauncherError(`--profile needs a value\n${USAGE}`);
  return out;
}

async function main(argv) {
  const args = parseArgs(argv);
  const r = createReporter({ quiet: args.quiet });
  switch (args.command) {
    case 'up':
      await infraUp(args.profile, { reporter: r });
      return 0;
    case 'down':
      await infraDown(args.profile, { reporter: r });
      return 0;
    case 'status': {
      const rows = await infraStatus(args.profile);
      console.log(`profile ${args.profile}`);
      for (const row of rows) console.log(`  ${row.name.padEnd(12)} ${row.state.padEnd(9)} ${row.detail}`);
      return 0;
    }
    case 'topics':
      await ensureTopics(getProfileOrFail(args.profile), r, { waitMs: 60000 });
      return 0;
    case 'databases':
      await ensureDatabases(getProfileOrFail(args.profile), r, { waitMs: 60000 });
      return 0;
    case 'help':
      console.log(USAGE);
      return 0;
    default:
      throw new LauncherError(args.command ? `unknown command "${args.command}"\n${USAGE}` : USAGE);
  }
}

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      if (process.env.KC_DEBUG) console.error(e);
      console.error(`✗ ${oneLine(e)}`);
      process.exit(1);
    },
  );
}
