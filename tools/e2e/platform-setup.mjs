// Starts the whole platform of the `test` profile on a clean slate: fresh databases, an empty Redis db,
// and every service's consumer group moved to the end of its topics so older test traffic is not replayed.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { createClient } from 'redis';
import { Kafka, logLevel } from 'kafkajs';
import { infraUp } from '../../deploy/launcher.mjs';
import { getProfile, paths } from '../../deploy/profiles.mjs';
import { ensureDatabases } from '../../deploy/lib/postgres.mjs';
import { stopPidFile } from '../../deploy/lib/process.mjs';
import { createReporter } from '../../deploy/lib/ui.mjs';
import { ensureService, serviceFiles } from '../platform/services.mjs';
import { buildWebApp } from '../platform/web-app.mjs';
import { startConformanceProxy } from './openapi-conformance-proxy.mjs';

export default async function startPlatformForE2e() {
  const profile = getProfile('test');
  await infraUp('test', { quiet: true });
  await stopServices(profile);
  await resetDatabases(profile);
  await resetRedis(profile);
  await moveConsumerGroupsToEnd(profile);
  const domain = profile.services.filter((s) => s.name !== 'gateway');
  await Promise.all(domain.map((svc) => ensureService(profile, svc)));
  const gateway = profile.services.find((s) => s.name === 'gateway');
  // The browser tests open the web app the gateway serves from this build.
  await buildWebApp();
  await ensureService(profile, gateway);
  // The tests reach the gateway through a proxy that holds every answer to the gateway's OpenAPI document.
  const proxy = await startConformanceProxy(gateway.url);
  globalThis.conformanceProxy = proxy;
  process.env.KC_E2E_GATEWAY_URL = proxy.url;
  process.env.KC_E2E_DIRECT_GATEWAY_URL = gateway.url;
  // Tests also call services directly, to prove they refuse what bypasses the gateway.
  process.env.KC_TEST_PG_URL = profile.postgres.url;
  process.env.KC_TEST_KAFKA_BROKERS = profile.kafka.brokers;
  process.env.KC_TEST_REDIS_URL = profile.redis.url;
  process.env.KC_E2E_SERVICE_PORTS = profile.services.map((s) => `${s.name}=${s.port}`).join(',');
}

export async function stopServices(profile) {
  await Promise.all(profile.services.map((svc) => stopPidFile(serviceFiles(profile, svc.name).pidFile)));
}

async function resetDatabases(profile) {
  const admin = new pg.Client({ connectionString: profile.postgres.adminUrl });
  await admin.connect();
  try {
    for (const db of profile.postgres.databases)
      await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await ensureDatabases(profile, createReporter({ quiet: true }));
}

async function resetRedis(profile) {
  const client = createClient({ url: profile.redis.url });
  await client.connect();
  await client.flushDb();
  await client.close();
}

async function moveConsumerGroupsToEnd(profile) {
  const kafka = new Kafka({
    clientId: 'e2e-setup',
    brokers: profile.kafka.brokerList,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { topics } = JSON.parse(readFileSync(paths.topicsFile, 'utf8'));
    for (const topic of topics) {
      // Explicit end offsets: resetOffsets({ earliest: false }) commits nothing for a group that has none.
      const ends = await admin.fetchTopicOffsets(topic.name);
      const partitions = ends.map((e) => ({ partition: e.partition, offset: e.high }));
      for (const group of topic.consumers) {
        await admin.setOffsets({ groupId: group, topic: topic.name, partitions });
        const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic.name] });
        const behind = committed.partitions.filter(
          (p) => p.offset !== ends.find((e) => e.partition === p.partition)?.high,
        );
        if (behind.length)
          throw new Error(`could not move consumer group ${group} to the end of ${topic.name}`);
      }
    }
  } finally {
    await admin.disconnect();
  }
}
