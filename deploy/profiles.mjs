// Launch profiles: where Kafka, Postgres, Redis and the services live for one run of the platform.
//
//   dev  — the demo platform: Kafka 127.0.0.1:9092, databases kc_<db>, Redis db 0, gateway on GATEWAY_PORT or 3000
//   test — tests: Kafka 127.0.0.1:19092, databases kc_test_<db>, Redis db 1, base port 3400 (3200 + 106 would collide with MySQL's 3306)
//   chaos — fault-injection tests (tools/chaos): Kafka 127.0.0.1:29092, databases kc_chaos_<db>, Redis db 2,
//           base port 3500, and a PostgreSQL (port 5442) and a Redis (port 6392) of its own
//   bench — benchmarks (tools/bench): Kafka 127.0.0.1:31092, databases kc_bench_<db>, Redis db 3, base port 3700;
//           a benchmark starts it on a clean slate and stops it afterwards, so its data never reaches the demo
//
// dev, test and bench share one Postgres server and one Redis server; they never share a database, a Redis db, a
// broker or a port, so tests and benchmarks can run while the demo runs. The chaos tests stop and restart their broker, their
// Postgres and their Redis: those servers are the chaos profile's own (the launcher starts and stops them, in
// .kc/postgres/chaos and .kc/redis/chaos), so a fault injected there never reaches the other profiles.
// Plain Node, no dependencies: safe to import from any script.
//
// Environment overrides (read on every call):
//   KC_PG_URL         base Postgres URL, e.g. postgres://postgres:secret@db:5432 (databases are appended);
//                     not for the chaos profile, which always uses its own server
//   KC_REDIS_URL      Redis URL; the profile's db number is appended unless the URL names one (not for chaos)
//   KC_KAFKA_BROKERS  comma-separated brokers of an external Kafka; the launcher then starts none
//   GATEWAY_PORT      dev profile only: the gateway's port (default 3000)
//   LOG_LEVEL         passed to the services (default info)
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEPLOY_DIR = join(REPO_ROOT, 'deploy');
export const KC_DIR = join(REPO_ROOT, '.kc');

/** Folders under `.kc/` (gitignored). */
export const paths = {
  root: REPO_ROOT,
  kc: KC_DIR,
  logs: join(KC_DIR, 'logs'),
  run: join(KC_DIR, 'run'),
  kafkaLib: join(KC_DIR, 'kafka', 'lib'),
  kafkaPom: join(DEPLOY_DIR, 'kafka', 'pom.xml'),
  postgresData: join(KC_DIR, 'postgres', 'data'),
  redisDir: join(KC_DIR, 'redis'),
  topicsFile: join(DEPLOY_DIR, 'topics.json'),
  servicesFile: join(DEPLOY_DIR, 'services.json'),
};

const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

const PROFILE_DEFS = {
  dev: {
    nodeEnv: 'development',
    kafkaPort: 9092,
    controllerPort: 9093,
    databasePrefix: 'kc_',
    redisDb: 0,
    basePort: 3000,
    gatewayPort: (env) => intFromEnv(env, 'GATEWAY_PORT', 3000),
  },
  test: {
    nodeEnv: 'test',
    kafkaPort: 19092,
    controllerPort: 19093,
    databasePrefix: 'kc_test_',
    redisDb: 1,
    basePort: 3400,
    gatewayPort: () => 3400,
  },
  chaos: {
    nodeEnv: 'test',
    kafkaPort: 29092,
    controllerPort: 29093,
    databasePrefix: 'kc_chaos_',
    redisDb: 2,
    basePort: 3500,
    gatewayPort: () => 3500,
    ownServers: { postgresPort: 5442, redisPort: 6392 },
  },
  bench: {
    // Measured as it would run in production (no test shortcuts).
    nodeEnv: 'production',
    // Below Linux's ephemeral range (32768–60999): a probe of a port in it can connect to itself while the
    // broker is starting and hold the port the broker then fails to bind.
    kafkaPort: 31092,
    controllerPort: 31093,
    databasePrefix: 'kc_bench_',
    redisDb: 3,
    basePort: 3700,
    gatewayPort: () => 3700,
  },
};

export function profileNames() {
  return Object.keys(PROFILE_DEFS);
}

/** Services from deploy/services.json: [{ name, portOffset, database, nodeOptions }]. */
export function listServices() {
  const { services } = JSON.parse(readFileSync(paths.servicesFile, 'utf8'));
  return services.map((s) => ({
    name: s.name,
    portOffset: s.portOffset,
    database: s.database,
    nodeOptions: s.nodeOptions ?? [],
  }));
}

/**
 * The resolved profile.
 * @param {string} [name] 'dev' | 'test' | 'chaos' | 'bench' (default: env KC_PROFILE or 'dev')
 * @param {NodeJS.ProcessEnv} [env]
 */
export function getProfile(name = process.env.KC_PROFILE || 'dev', env = process.env) {
  const def = PROFILE_DEFS[name];
  if (!def) {
    throw new Error(`unknown profile "${name}" (known: ${profileNames().join(', ')})`);
  }
  const kafkaHost = '127.0.0.1';
  const externalBrokers = (env.KC_KAFKA_BROKERS || '').trim();
  const brokerList = externalBrokers
    ? externalBrokers
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean)
    : [`${kafkaHost}:${def.kafkaPort}`];

  const own = def.ownServers;
  const pg = new URL(
    own ? `postgres://postgres@127.0.0.1:${own.postgresPort}` : env.KC_PG_URL || DEFAULT_PG_URL,
  );
  const adminDatabase = decodeURIComponent(pg.pathname.replace(/^\//, '')) || 'postgres';
  pg.pathname = '';
  const pgUrl = pg.toString().replace(/\/$/, '');
  const redis = {
    ...redisFor(
      own ? `redis://127.0.0.1:${own.redisPort}` : env.KC_REDIS_URL || DEFAULT_REDIS_URL,
      def.redisDb,
    ),
    external: !own && Boolean(env.KC_REDIS_URL),
    own: own
      ? {
          dir: join(paths.redisDir, name),
          pidFile: join(paths.run, `redis-${name}.pid`),
          logFile: join(paths.logs, `redis-${name}.log`),
        }
      : null,
  };

  const gatewayPort = def.gatewayPort(env);
  const services = listServices().map((s) => {
    const port = s.name === 'gateway' ? gatewayPort : def.basePort + s.portOffset;
    const database = def.databasePrefix + s.database;
    return {
      name: s.name,
      nodeOptions: s.nodeOptions,
      port,
      url: `http://127.0.0.1:${port}`,
      database,
      databaseUrl: withDatabase(pgUrl, database),
    };
  });

  return {
    name,
    nodeEnv: def.nodeEnv,
    basePort: def.basePort,
    gatewayPort,
    kafka: {
      brokers: brokerList.join(','),
      brokerList,
      external: Boolean(externalBrokers),
      host: kafkaHost,
      port: def.kafkaPort,
      controllerPort: def.controllerPort,
      dir: join(KC_DIR, 'kafka', name),
      lib: paths.kafkaLib,
      pidFile: join(paths.run, `${name}-kafka.pid`),
      logFile: join(paths.logs, `kafka-${name}.log`),
      outFile: join(paths.logs, `kafka-${name}.out`),
    },
    postgres: {
      url: pgUrl,
      adminUrl: withDatabase(pgUrl, adminDatabase),
      host: pg.hostname,
      port: Number(pg.port || 5432),
      user: decodeURIComponent(pg.username || 'postgres'),
      external: !own && Boolean(env.KC_PG_URL),
      /** A server of this profile alone, which the launcher starts and stops; null for the shared one. */
      own: own
        ? {
            dataDir: join(KC_DIR, 'postgres', name),
            pidFile: join(paths.run, `postgres-${name}.pid`),
            logFile: join(paths.logs, `postgres-${name}.log`),
          }
        : null,
      databasePrefix: def.databasePrefix,
      databases: services.map((s) => s.database),
    },
    redis,
    redisUrl: redis.url,
    services,
    logLevel: env.LOG_LEVEL || 'info',
    paths,
  };
}

/**
 * Environment variables for one service process of a profile.
 * @param {object|string} profile a profile from getProfile() or a profile name
 * @param {string} serviceName e.g. 'plans', 'trade-fairs', 'gateway'
 */
export function serviceEnv(profile, serviceName) {
  const p = typeof profile === 'string' ? getProfile(profile) : profile;
  const svc = p.services.find((s) => s.name === serviceName);
  if (!svc) {
    throw new Error(`unknown service "${serviceName}" (known: ${p.services.map((s) => s.name).join(', ')})`);
  }
  const env = {
    NODE_ENV: p.nodeEnv,
    KC_PROFILE: p.name,
    PORT: String(svc.port),
    DATABASE_URL: svc.databaseUrl,
    KAFKA_BROKERS: p.kafka.brokers,
    REDIS_URL: p.redisUrl,
    LOG_LEVEL: p.logLevel,
  };
  const gateway = p.services.find((s) => s.name === 'gateway');
  if (serviceName === 'gateway') {
    for (const other of p.services) {
      if (other.name !== 'gateway') env[serviceUrlVar(other.name)] = other.url;
    }
    // Demo accounts (README) exist on every profile the launcher runs (tests, chaos and benchmarks log in as
    // them); the password can be overridden.
    env.AUTH_DEMO_USERS = 'true';
    // One machine drives the demo loader, benchmarks and tests from one address: the production default
    // (1200 requests per minute per IP) would throttle them — and a benchmark's hall sends 150,000 a minute.
    env.RATE_LIMIT_PER_IP_PER_MINUTE =
      process.env.RATE_LIMIT_PER_IP_PER_MINUTE || (p.name === 'bench' ? '1000000' : '100000');
    if (process.env.DEMO_PASSWORD) env.DEMO_PASSWORD = process.env.DEMO_PASSWORD;
  } else {
    // Every service verifies callers' tokens against the gateway's public keys.
    env.AUTH_JWKS_URL = `${gateway.url}/api/v1/auth/jwks`;
    // Printed award certificates point their QR code at the web app's /verify page, which the gateway serves.
    if (serviceName === 'awards') env.PUBLIC_BASE_URL = gateway.url;
    // ... and may ask the owner of facts it keeps a copy of before refusing on that copy (docs/conventions.md).
    for (const other of p.services) {
      if (other.name !== 'gateway' && other.name !== serviceName) env[serviceUrlVar(other.name)] = other.url;
    }
  }
  return env;
}

/** 'trade-fairs' → 'TRADE_FAIRS_URL' */
export function serviceUrlVar(serviceName) {
  return `${serviceName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`;
}

/**
 * Topics to create, from deploy/topics.json: every stream topic and, per consumer group, `<topic>.<group>.dlt`.
 * @returns {{ name: string, partitions: number, replicationFactor: number, kind: 'events'|'dlt', of?: string, group?: string }[]}
 */
export function listTopics() {
  const doc = JSON.parse(readFileSync(paths.topicsFile, 'utf8'));
  const d = { partitions: 3, replicationFactor: 1, dltPartitions: 1, ...(doc.defaults || {}) };
  const out = [];
  for (const t of doc.topics) {
    const replicationFactor = t.replicationFactor ?? d.replicationFactor;
    out.push({ name: t.name, partitions: t.partitions ?? d.partitions, replicationFactor, kind: 'events' });
    for (const c of t.consumers || []) {
      const group = typeof c === 'string' ? c : c.group;
      out.push({
        name: `${t.name}.${group}.dlt`,
        partitions: t.dltPartitions ?? d.dltPartitions,
        replicationFactor,
        kind: 'dlt',
        of: t.name,
        group,
      });
    }
  }
  return out;
}

function intFromEnv(env, key, fallback) {
  const v = env[key];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0 || n > 65535)
    throw new Error(`${key} must be a port number, got "${v}"`);
  return n;
}

function withDatabase(baseUrl, database) {
  const u = new URL(baseUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

function redisFor(url, db) {
  const u = new URL(url);
  const named = u.pathname.replace(/^\//, '');
  if (named === '') u.pathname = `/${db}`;
  return {
    url: u.toString(),
    host: u.hostname,
    port: Number(u.port || 6379),
    db: named === '' ? db : Number(named),
    password: u.password ? decodeURIComponent(u.password) : undefined,
    username: u.username ? decodeURIComponent(u.username) : undefined,
  };
}
