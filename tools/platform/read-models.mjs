// What `npm start` waits for after the demo data: the services' copies of each other's facts (the conference
// views, the plans' view of projects, the audit trail) are built from events, after the writes were answered.
// Until every outbox is published and every consumer group has read its topics to the end, the views show part of
// the demo (the 2018 national view read 154 of 262 projects completed at "ready").
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { listTopics } from '../../deploy/profiles.mjs';

/** Every (topic, consumer group) pair of deploy/topics.json: each group has a dead-letter topic per topic it reads. */
const readers = () =>
  listTopics()
    .filter((t) => t.kind === 'dlt')
    .map((t) => ({ topic: t.of, group: t.group }));

/** Events on the topics that their groups have not read yet. */
async function unread(admin) {
  let total = 0;
  for (const { topic, group } of readers()) {
    const ends = await admin.fetchTopicOffsets(topic);
    const [read] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    for (const { partition, high, low } of ends) {
      const committed = Number(read.partitions.find((p) => p.partition === partition)?.offset ?? -1);
      total += Number(high) - (committed < 0 ? Number(low) : committed);
    }
  }
  return total;
}

/** Committed outbox rows not yet published, over all services. */
async function unpublished(clients) {
  let total = 0;
  for (const client of clients) {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
    total += rows[0].n;
  }
  return total;
}

/**
 * Waits until nothing is left in flight: no unread event, no unpublished outbox row, and still no unread event
 * after that (a relay may have just published what a consumer's transaction wrote). True when caught up within
 * `timeoutMs`, false otherwise (the views then converge a little later).
 */
export async function readModelsCaughtUp(profile, { timeoutMs = 120_000 } = {}) {
  const kafka = new Kafka({
    clientId: 'kc-start',
    brokers: profile.kafka.brokerList,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  const clients = profile.services.map((s) => new pg.Client({ connectionString: s.databaseUrl }));
  await admin.connect();
  try {
    await Promise.all(clients.map((c) => c.connect()));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if ((await unread(admin)) === 0 && (await unpublished(clients)) === 0 && (await unread(admin)) === 0)
        return true;
      if (Date.now() > deadline) return false;
      await sleep(250);
    }
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    await admin.disconnect();
  }
}
