#!/usr/bin/env node
// The chaos profile's platform and the faults the chaos tests inject into it. The profile has its own Kafka
// broker (29092), PostgreSQL (5442) and Redis (6392) — see deploy/profiles.mjs — so stopping any of them never
// touches the dev or test platforms.
//
//   node tools/chaos/platform.mjs <command> [service]
//
//   up                 a clean slate: everything of the profile stopped and wiped, then infrastructure + services
//   down               stop the services, the broker, Postgres and Redis of the profile
//   restore            start whatever of the profile is not running (after a failed scenario)
//   kafka-stop         stop the broker (SIGTERM, as an operator would)       kafka-start   start it again
//   service-kill <s>   SIGKILL the service's process (pid file .kc/run/chaos-<s>.pid)
//   service-start <s>  start the service and wait for its /health
//   postgres-stop      fast shutdown of the profile's PostgreSQL (connections cut)   postgres-start
//   redis-stop         flush the profile's Redis and shut it down (it comes back empty)   redis-start
//   dead-letters       the number of messages on every dead-letter topic
//
// Every command prints one JSON line. The Jest tier (tools/chaos/jest.config.js) calls it as a separate
// process: the fault injector is not part of the platform under test.
import fs from 'node:fs';
import { join } from 'node:path';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import { createClient } from 'redis';
import { infraDown, infraUp } from '../../deploy/launcher.mjs';
import { getProfile, listTopics, paths } from '../../deploy/profiles.mjs';
import { ensureKafka } from '../../deploy/lib/kafka.mjs';
import { ensurePostgres, stopOwnPostgres } from '../../deploy/lib/postgres.mjs';
import { ensureRedis, stopOwnRedis } from '../../deploy/lib/redis.mjs';
import { isAlive, readPid, stopPidFile, waitUntil } from '../../deploy/lib/process.mjs';
import { createReporter } from '../../deploy/lib/ui.mjs';
import { ensureService, serviceFiles } from '../platform/services.mjs';

export const PROFILE = 'chaos';
const quiet = () => createReporter({ quiet: true });

/** Where the scenarios append their one-line figures; the global teardown prints them together. */
export const FIGURES_FILE = join(paths.logs, 'chaos-figures.txt');

export function chaosProfile() {
  return getProfile(PROFILE);
}

/** Stops and wipes everything of the profile (broker data, databases, Redis), then starts it all afresh. */
export async function up() {
  const profile = chaosProfile();
  await infraDown(PROFILE, { quiet: true });
  for (const dir of [profile.kafka.dir, profile.postgres.own.dataDir, profile.redis.own.dir]) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  await infraUp(PROFILE, { quiet: true });
  await startServices(profile);
  fs.writeFileSync(FIGURES_FILE, '');
  return { gateway: profile.services.find((s) => s.name === 'gateway').url };
}

export async function down() {
  await infraDown(PROFILE, { quiet: true });
  return { stopped: true };
}

/** All seven at once: services fetch the gateway's keys on their first request, not at start. */
async function startServices(profile) {
  const started = await Promise.all(profile.services.map((svc) => ensureService(profile, svc)));
  return started.map(({ name, state, ms }) => ({ name, state, ms }));
}

export async function restore() {
  const profile = chaosProfile();
  await ensurePostgres(profile, quiet());
  await ensureRedis(profile, quiet());
  await ensureKafka(profile, quiet());
  return { services: await startServices(profile) };
}

export async function kafkaStop() {
  const { pid, result } = await stopPidFile(chaosProfile().kafka.pidFile, { timeoutMs: 20_000 });
  if (result === 'not-running') throw new Error('the chaos broker was not running');
  return { pid, result };
}

export async function kafkaStart() {
  const { state, pid, ms } = await ensureKafka(chaosProfile(), quiet());
  return { state, pid, ms };
}

export async function serviceKill(name) {
  const { pidFile } = serviceFiles(chaosProfile(), service(name).name);
  const pid = readPid(pidFile);
  if (!pid || !isAlive(pid)) throw new Error(`${name} is not running (pid file ${pidFile})`);
  process.kill(pid, 'SIGKILL');
  if (!(await waitUntil(() => !isAlive(pid), { timeoutMs: 10_000, intervalMs: 20 })))
    throw new Error(`${name} (pid ${pid}) survived SIGKILL`);
  return { pid };
}

export async function serviceStart(name) {
  const { state, pid, ms } = await ensureService(chaosProfile(), service(name));
  return { state, pid, ms };
}

export async function postgresStop() {
  const pid = await stopOwnPostgres(chaosProfile());
  if (!pid) throw new Error("the chaos profile's PostgreSQL was not running");
  return { pid };
}

export async function postgresStart() {
  return { state: (await ensurePostgres(chaosProfile(), quiet())).state };
}

/** Flushes the profile's Redis (every db: the server is the profile's own), then shuts it down. */
export async function redisStop() {
  const profile = chaosProfile();
  const client = createClient({ url: profile.redis.url });
  client.on('error', () => {});
  await client.connect();
  await client.flushAll();
  await client.close();
  const pid = await stopOwnRedis(profile);
  if (!pid) throw new Error("the chaos profile's Redis was not running");
  return { pid };
}

export async function redisStart() {
  return { state: (await ensureRedis(chaosProfile(), quiet())).state };
}

/** Messages parked in all dead-letter topics (sum of their end offsets: the broker is wiped by `up`). */
export async function deadLetters() {
  const profile = chaosProfile();
  const kafka = new Kafka({
    clientId: 'chaos-dead-letters',
    brokers: profile.kafka.brokerList,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const byTopic = {};
    for (const t of listTopics().filter((x) => x.kind === 'dlt')) {
      const offsets = await admin.fetchTopicOffsets(t.name);
      const n = offsets.reduce((sum, o) => sum + Number(o.high) - Number(o.low), 0);
      if (n > 0) byTopic[t.name] = n;
    }
    return { total: Object.values(byTopic).reduce((a, b) => a + b, 0), byTopic };
  } finally {
    await admin.disconnect();
  }
}

function service(name) {
  const svc = chaosProfile().services.find((s) => s.name === name);
  if (!svc) throw new Error(`unknown service "${name}"`);
  return svc;
}

const COMMANDS = {
  up,
  down,
  restore,
  'kafka-stop': kafkaStop,
  'kafka-start': kafkaStart,
  'service-kill': serviceKill,
  'service-start': serviceStart,
  'postgres-stop': postgresStop,
  'postgres-start': postgresStart,
  'redis-stop': redisStop,
  'redis-start': redisStart,
  'dead-letters': deadLetters,
};

function isMain() {
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const [command, arg] = process.argv.slice(2);
  const run = COMMANDS[command];
  if (!run) {
    console.error(`usage: node tools/chaos/platform.mjs <${Object.keys(COMMANDS).join('|')}> [service]`);
    process.exit(2);
  }
  run(arg).then(
    (result) => {
      process.stdout.write(`${JSON.stringify({ ok: true, ...result })}\n`);
      process.exit(0);
    },
    (error) => {
      const detail = error.logTail ? `\n${error.logTail}` : '';
      process.stdout.write(`${JSON.stringify({ ok: false, error: `${error.message}${detail}` })}\n`);
      process.exit(1);
    },
  );
}
