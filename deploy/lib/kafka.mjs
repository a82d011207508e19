// Apache Kafka 3.9 in KRaft mode (one node, broker + controller) from the Maven Central jars, and topic creation.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { join, relative } from 'node:path';
import { listTopics, paths } from '../profiles.mjs';
import {
  isAlive,
  pidFileProcess,
  portAnswers,
  run,
  sleep,
  spawnDetached,
  stopProcess,
  tailFile,
} from './process.mjs';
import { LauncherError, sinceStart, why } from './ui.mjs';

const rel = (p) => relative(paths.root, p) || '.';

/** The Kafka version deploy/kafka/pom.xml resolves. */
export function kafkaVersion() {
  try {
    const m = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(fs.readFileSync(paths.kafkaPom, 'utf8'));
    return m ? m[1].trim() : 'unknown';
  } catch {
    return 'unknown';
  }
}

let kafkajsModule;
/** kafkajs from node_modules, with a clear message when it is missing. */
export async function loadKafkajs() {
  if (!kafkajsModule) {
    try {
      const m = await import('kafkajs');
      kafkajsModule = m.default ?? m;
    } catch {
      throw new LauncherError('kafkajs is not installed (node_modules/kafkajs): run npm ci');
    }
  }
  return kafkajsModule;
}

async function adminClient(
  brokerList,
  { connectionTimeout = 1500, requestTimeout = 5000, retries = 0 } = {},
) {
  const { Kafka, logLevel } = await loadKafkajs();
  const kafka = new Kafka({
    clientId: 'kc-launcher',
    brokers: brokerList,
    connectionTimeout,
    requestTimeout,
    retry: { retries, initialRetryTime: 200, maxRetryTime: 2000 },
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  return admin;
}

/** One describeCluster attempt: { ok: true, brokers } or { ok: false, error }. */
export async function kafkaAnswers(brokerList) {
  let admin;
  try {
    admin = await adminClient(brokerList);
    const cluster = await admin.describeCluster();
    return { ok: true, brokers: cluster.brokers.length, clusterId: cluster.clusterId };
  } catch (error) {
    return { ok: false, error };
  } finally {
    await admin?.disconnect().catch(() => {});
  }
}

/**
 * Wait until the brokers answer describeCluster. Fails early if `pid` (the broker we started) exits.
 * @returns {Promise<{ brokers: number, clusterId: string }>}
 */
export async function waitForKafka(brokerList, { timeoutMs = 60000, pid, logFile, outFile } = {}) {
  const deadline = Date.now() + timeoutMs;
  const [host, port] = splitHostPort(brokerList[0]);
  let last;
  for (;;) {
    if (pid && !isAlive(pid)) {
      throw new LauncherError(`Kafka exited during start-up: ${lastKafkaError(logFile, outFile)}`, {
        hint: `see ${rel(logFile)} and ${rel(outFile)}`,
      });
    }
    // a cheap TCP probe first; kafkajs only once something listens
    if (!pid || (await portAnswers(host, port, 300))) {
      const r = await kafkaAnswers(brokerList);
      if (r.ok) return r;
      last = r.error;
    }
    if (Date.now() >= deadline) {
      throw new LauncherError(
        `Kafka at ${brokerList.join(',')} did not answer within ${Math.round(timeoutMs / 1000)} s` +
          (last ? ` (${why(last)})` : ''),
        logFile ? { hint: `see ${rel(logFile)}` } : {},
      );
    }
    await sleep(pid ? 150 : 500);
  }
}

/**
 * Make sure the profile's broker runs: reuse one that answers, otherwise start ours.
 * @returns {Promise<{ state: 'external'|'reused'|'started', pid?: number, ms: number }>}
 */
export async function ensureKafka(profile, reporter) {
  const t0 = Date.now();
  const k = profile.kafka;
  const version = kafkaVersion();

  if (k.external) {
    await waitForKafka(k.brokerList, { timeoutMs: 60000 });
    reporter.ok(`Kafka at ${k.brokers} (external, KC_KAFKA_BROKERS)`);
    return { state: 'external', ms: Date.now() - t0 };
  }

  const ours = pidFileProcess(k.pidFile);
  if (await portAnswers(k.host, k.port)) {
    const r = await kafkaAnswers(k.brokerList);
    if (r.ok) {
      reporter.ok(`Kafka ${version} on ${k.brokers} (reused${ours ? `, pid ${ours.pid}` : ''})`);
      return { state: 'reused', pid: ours?.pid, ms: Date.now() - t0 };
    }
    if (!ours) {
      throw new LauncherError(
        `port ${k.port} is taken by something that does not answer as a Kafka broker (${why(r.error)})`,
        {
          hint: `free the port or use another profile`,
        },
      );
    }
  }
  if (ours) {
    // our broker is running but not answering yet (another launcher just started it, or it is recovering its logs)
    await waitForKafka(k.brokerList, {
      timeoutMs: 60000,
      pid: ours.pid,
      logFile: k.logFile,
      outFile: k.outFile,
    });
    reporter.ok(`Kafka ${version} on ${k.brokers} (reused, pid ${ours.pid}, ${sinceStart(t0)})`);
    return { state: 'reused', pid: ours.pid, ms: Date.now() - t0 };
  }
  fs.rmSync(k.pidFile, { force: true }); // stale: the broker died (kill -9, reboot)

  if (await portAnswers(k.host, k.controllerPort)) {
    throw new LauncherError(
      `port ${k.controllerPort} (Kafka controller of profile ${profile.name}) is taken by another program`,
    );
  }

  const java = await checkJava();
  await ensureJars(reporter);
  const { clusterId, formatted } = await prepareStorage(profile, java);
  if (formatted)
    reporter.info(`Kafka storage formatted in ${rel(join(k.dir, 'data'))} (cluster ${clusterId})`);

  const { pid } = await spawnDetached(`kafka-${profile.name}`, java, kafkaJvmArgs(profile), {
    logFile: k.outFile,
    pidFile: k.pidFile,
    cwd: k.dir,
  });
  try {
    await waitForKafka(k.brokerList, { timeoutMs: 60000, pid, logFile: k.logFile, outFile: k.outFile });
  } catch (e) {
    await stopProcess(pid, { timeoutMs: 5000 }); // a broker that never answered is no use to anyone
    fs.rmSync(k.pidFile, { force: true });
    throw e;
  }
  reporter.ok(`Kafka ${version} on ${k.brokers} (started, pid ${pid}, ${sinceStart(t0)})`);
  return { state: 'started', pid, ms: Date.now() - t0 };
}

/** The java executable (JAVA_HOME/bin/java or java on PATH), checked to be Java 17 or newer. */
export async function checkJava() {
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const r = await run(java, ['-version']);
  if (r.notFound) {
    throw new LauncherError('Java 17 not found: install openjdk-17-jre-headless (Kafka needs it)');
  }
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}\n${r.stdout}`);
  const major = m ? Number(m[1] === '1' ? m[2] : m[1]) : NaN;
  if (!(major >= 17)) {
    throw new LauncherError(
      `Java 17 or newer needed for Kafka, found ${m ? `Java ${major}` : `"${r.stderr.split('\n')[0]}"`} (${java}): install openjdk-17-jre-headless`,
    );
  }
  return java;
}

/** Fetch the broker jars into .kc/kafka/lib with Maven (once; ~/.m2 is the cache). */
export async function ensureJars(reporter) {
  const version = kafkaVersion();
  const lib = paths.kafkaLib;
  const marker = join(lib, '.complete');
  if (readText(marker) === version && fs.existsSync(join(lib, `kafka_2.13-${version}.jar`))) return;

  const mvnCheck = await run('mvn', ['-v']);
  if (mvnCheck.notFound) {
    throw new LauncherError(
      'Maven (mvn) not found: install maven (apt-get install maven); the launcher fetches the Kafka jars with it',
    );
  }
  const t0 = Date.now();
  const tmp = `${lib}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(paths.logs, { recursive: true });
  const r = await run('mvn', [
    '-q',
    '-B',
    '-f',
    paths.kafkaPom,
    'dependency:copy-dependencies',
    `-DoutputDirectory=${tmp}`,
    '-DincludeScope=runtime',
  ]);
  const mavenLog = join(paths.logs, 'maven-kafka.log');
  fs.writeFileSync(mavenLog, `${r.stdout}\n${r.stderr}`);
  if (r.code !== 0 || !fs.existsSync(join(tmp, `kafka_2.13-${version}.jar`))) {
    fs.rmSync(tmp, { recursive: true, force: true });
    const firstError =
      `${r.stdout}\n${r.stderr}`.split('\n').find((l) => /ERROR/.test(l)) || `exit code ${r.code}`;
    throw new LauncherError(
      `Maven could not fetch the Kafka ${version} jars: ${firstError.replace(/\x1b\[[0-9;]*m/g, '').trim()}`,
      {
        hint: `see ${rel(mavenLog)}`,
      },
    );
  }
  fs.writeFileSync(join(tmp, '.complete'), version);
  fs.rmSync(lib, { recursive: true, force: true });
  fs.renameSync(tmp, lib);
  const count = fs.readdirSync(lib).filter((f) => f.endsWith('.jar')).length;
  reporter.ok(`Kafka ${version} jars (${count}) fetched with Maven into ${rel(lib)} (${sinceStart(t0)})`);
}

/** Write server.properties and log4j.properties; format the storage once (the cluster id stays in the folder). */
async function prepareStorage(profile, java) {
  const k = profile.kafka;
  const dataDir = join(k.dir, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.mkdirSync(paths.logs, { recursive: true });
  fs.writeFileSync(join(k.dir, 'server.properties'), serverProperties(profile, dataDir));
  fs.writeFileSync(join(k.dir, 'log4j.properties'), log4jProperties(k.logFile));

  const idFile = join(k.dir, 'cluster-id');
  const meta = join(dataDir, 'meta.properties');
  if (fs.existsSync(meta)) {
    const id = /^cluster\.id=(.+)$/m.exec(readText(meta) || '')?.[1]?.trim();
    if (id && readText(idFile) !== id) fs.writeFileSync(idFile, `${id}\n`);
    return { clusterId: id, formatted: false };
  }
  let clusterId = readText(idFile);
  if (!clusterId) {
    clusterId = newClusterId();
    fs.writeFileSync(idFile, `${clusterId}\n`);
  }
  const r = await run(
    java,
    [
      '-Xmx256m',
      `-Dlog4j.configuration=file:${join(k.dir, 'log4j.properties')}`,
      '-cp',
      join(k.lib, '*'),
      'kafka.tools.StorageTool',
      'format',
      '-t',
      clusterId,
      '-c',
      join(k.dir, 'server.properties'),
      '--ignore-formatted',
    ],
    { cwd: k.dir },
  );
  if (r.code !== 0) {
    const msg =
      `${r.stderr}\n${r.stdout}`
        .split('\n')
        .filter((l) => l.trim())
        .slice(-1)[0] || `exit code ${r.code}`;
    throw new LauncherError(`Kafka storage format failed: ${msg}`, { hint: `folder ${rel(dataDir)}` });
  }
  return { clusterId, formatted: true };
}

function kafkaJvmArgs(profile) {
  const k = profile.kafka;
  return [
    '-Xmx512m',
    '-Xms256m',
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:InitiatingHeapOccupancyPercent=35',
    '-XX:+ExplicitGCInvokesConcurrent',
    '-Djava.awt.headless=true',
    `-Dlog4j.configuration=file:${join(k.dir, 'log4j.properties')}`,
    `-Dkafka.logs.dir=${paths.logs}`,
    '-cp',
    join(k.lib, '*'),
    'kafka.Kafka',
    join(k.dir, 'server.properties'),
  ];
}

export function serverProperties(profile, dataDir) {
  const k = profile.kafka;
  return `# Written by deploy/launcher.mjs for profile "${profile.name}" on every start; edit deploy/lib/kafka.mjs instead.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@${k.host}:${k.controllerPort}
listeners=PLAINTEXT://${k.host}:${k.port},CONTROLLER://${k.host}:${k.controllerPort}
advertised.listeners=PLAINTEXT://${k.host}:${k.port}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=${dataDir}

# topics are created explicitly by the launcher from deploy/topics.json
auto.create.topics.enable=false
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
group.initial.rebalance.delay.ms=0

# after a crash (kill -9) the controller holds the dead broker's registration until its session expires (default
# 9 s); a short session lets a restarted broker register again within a few seconds
broker.heartbeat.interval.ms=1000
broker.session.timeout.ms=3000

# sized for a developer machine
num.network.threads=2
num.io.threads=4
background.threads=4
num.recovery.threads.per.data.dir=2
log.cleaner.threads=1
log.cleaner.dedupe.buffer.size=33554432
log.retention.hours=168
log.segment.bytes=104857600
log.retention.check.interval.ms=300000
`;
}

function log4jProperties(logFile) {
  return `# Written by deploy/launcher.mjs: broker log in ${rel(logFile)}
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=${logFile}
log4j.appender.file.MaxFileSize=20MB
log4j.appender.file.MaxBackupIndex=3
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=INFO
log4j.logger.kafka.request.logger=WARN
log4j.logger.kafka.network.RequestChannel$=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.org.apache.kafka.controller=INFO
log4j.logger.kafka.log.LogCleaner=INFO
log4j.logger.kafka.authorizer.logger=WARN
`;
}

/** A Kafka cluster id: 16 random bytes, base64url without padding (22 characters), not starting with '-'. */
export function newClusterId() {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/**
 * Create every topic of deploy/topics.json and its dead-letter topics; raise partition counts that grew.
 * Existing topics are left as they are.
 */
export async function ensureTopics(profile, reporter, { waitMs = 60000 } = {}) {
  const t0 = Date.now();
  const wanted = listTopics();
  await waitForKafka(profile.kafka.brokerList, { timeoutMs: waitMs });
  let admin;
  try {
    admin = await adminClient(profile.kafka.brokerList, { retries: 5, requestTimeout: 15000 });
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t.name));
    if (missing.length) {
      await admin.createTopics({
        waitForLeaders: true,
        timeout: 15000,
        topics: missing.map((t) => ({
          topic: t.name,
          numPartitions: t.partitions,
          replicationFactor: t.replicationFactor,
        })),
      });
    }
    const present = wanted.filter((t) => existing.has(t.name));
    let grown = 0;
    if (present.length) {
      const { topics } = await admin.fetchTopicMetadata({ topics: present.map((t) => t.name) });
      const toGrow = topics
        .map((md) => ({ md, want: present.find((t) => t.name === md.name) }))
        .filter(({ md, want }) => md.partitions.length < want.partitions)
        .map(({ want }) => ({ topic: want.name, count: want.partitions }));
      if (toGrow.length) {
        await admin.createPartitions({ topicPartitions: toGrow });
        grown = toGrow.length;
      }
    }
    const events = wanted.filter((t) => t.kind === 'events').length;
    const dlts = wanted.length - events;
    const what = missing.length ? `${missing.length} created` : 'all present';
    reporter.ok(
      `Topics: ${events} event + ${dlts} dead-letter on ${profile.kafka.brokers} (${what}${grown ? `, ${grown} given more partitions` : ''}, ${sinceStart(t0)})`,
    );
    return { created: missing.map((t) => t.name), total: wanted.length };
  } catch (e) {
    if (e instanceof LauncherError) throw e;
    throw new LauncherError(`could not create the Kafka topics on ${profile.kafka.brokers}: ${why(e)}`);
  } finally {
    await admin?.disconnect().catch(() => {});
  }
}

/** The most telling line of a failed start: the exception after the last ERROR/FATAL, else that line. */
function lastKafkaError(logFile, outFile) {
  for (const file of [logFile, outFile]) {
    const lines = tailFile(file, 300).split('\n');
    let i = lines.length - 1;
    while (i >= 0 && !/\b(ERROR|FATAL)\b|^(Exception|Error)\b/.test(lines[i])) i--;
    if (i < 0) continue;
    const exception = lines.slice(i, i + 4).find((l) => /^[\w.$]+(Exception|Error)(: |$)/.test(l));
    const line = exception ? exception.replace(/^([\w$]+\.)+/, '') : lines[i].replace(/^\[[^\]]*\]\s*/, '');
    return line.slice(0, 300);
  }
  return tailFile(outFile, 1) || 'no output';
}

function splitHostPort(broker) {
  const i = broker.lastIndexOf(':');
  return [broker.slice(0, i), Number(broker.slice(i + 1))];
}

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}
