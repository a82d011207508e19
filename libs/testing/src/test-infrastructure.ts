import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';

/** Addresses of the test profile's infrastructure, put in the env by the integration global setup. */
export function testInfrastructure(): { pgUrl: string; brokers: string[]; redisUrl: string } {
  const { KC_TEST_PG_URL, KC_TEST_KAFKA_BROKERS, KC_TEST_REDIS_URL } = process.env;
  if (!KC_TEST_PG_URL || !KC_TEST_KAFKA_BROKERS || !KC_TEST_REDIS_URL) {
    throw new Error(
      'Integration tests run with `npx jest -c jest.int.config.js` (it starts the test infrastructure)',
    );
  }
  return { pgUrl: KC_TEST_PG_URL, brokers: KC_TEST_KAFKA_BROKERS.split(','), redisUrl: KC_TEST_REDIS_URL };
}

export const uniqueName = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/** A fresh, empty database for one test file; returns its URL. */
export async function createScratchDatabase(name: string): Promise<string> {
  const { pgUrl } = testInfrastructure();
  const database = `kc_test_scratch_${name.replace(/\W/g, '_')}`;
  const admin = new Client({ connectionString: `${pgUrl}/postgres` });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  return `${pgUrl}/${database}`;
}

export function testKafka(clientId = 'test'): Kafka {
  return new Kafka({ clientId, brokers: testInfrastructure().brokers, logLevel: logLevel.NOTHING });
}

export async function createTopics(kafka: Kafka, topics: string[], partitions = 1): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: topics.map((topic) => ({ topic, numPartitions: partitions })),
    });
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads a topic from the beginning with a throw-away group until `done` says the collected messages
 * suffice, or fails after `timeoutMs` (a bound on waiting, not a sleep).
 */
export async function collectMessages(
  kafka: Kafka,
  topic: string,
  done: (messages: KafkaMessage[]) => boolean,
  timeoutMs = 30_000,
): Promise<KafkaMessage[]> {
  // Fetches as large as the broker's limit: a topic may hold a near-limit message (the poison e2e test sends
  // them), and a smaller fetch would stall on its partition.
  const consumer = kafka.consumer({
    groupId: uniqueName('collector'),
    maxBytesPerPartition: 2 * 1024 * 1024,
  });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`collected ${messages.length} message(s) from ${topic} in ${timeoutMs} ms, not enough`),
          ),
        timeoutMs,
      );
      if (done(messages)) {
        clearTimeout(timer);
        resolve();
        return;
      }
      consumer
        .run({
          eachMessage: async ({ message }) => {
            messages.push(message);
            if (done(messages)) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Everything on a topic up to the end offsets it has now. */
export async function collectToEnd(kafka: Kafka, topic: string, timeoutMs = 30_000): Promise<KafkaMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const remaining = new Map(
    ends.filter((e) => Number(e.high) > Number(e.low)).map((e) => [e.partition, Number(e.high)]),
  );
  const byPartition = new Map<number, number>();
  const collected: (KafkaMessage & { partition?: number })[] = [];
  const consumer = kafka.consumer({ groupId: uniqueName('to-end') });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`did not reach the end of ${topic} in ${timeoutMs} ms`)),
        timeoutMs,
      );
      const check = () => {
        if ([...remaining].every(([p, high]) => (byPartition.get(p) ?? -1) >= high - 1)) {
          clearTimeout(timer);
          resolve();
        }
      };
      check();
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            if (Number(message.offset) < (remaining.get(partition) ?? 0)) collected.push(message);
            byPartition.set(partition, Number(message.offset));
            check();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return collected;
}

/** Where each partition of a topic ends now: what `collectSince` reads from. */
export async function endOffsets(kafka: Kafka, topic: string): Promise<Map<number, string>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return new Map((await admin.fetchTopicOffsets(topic)).map((e) => [e.partition, e.high]));
  } finally {
    await admin.disconnect();
  }
}

/**
 * Like collectMessages, but only what was written after `since` (from endOffsets), without reading a long-lived
 * topic's history first; fails after `timeoutMs`.
 */
export async function collectSince(
  kafka: Kafka,
  topic: string,
  since: Map<number, string>,
  done: (messages: KafkaMessage[]) => boolean,
  timeoutMs = 30_000,
): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('since'), maxBytesPerPartition: 2 * 1024 * 1024 });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`collected ${messages.length} new message(s) from ${topic} in ${timeoutMs} ms`)),
        timeoutMs,
      );
      consumer
        .run({
          eachMessage: async ({ message }) => {
            messages.push(message);
            if (done(messages)) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
      for (const [partition, offset] of since) consumer.seek({ topic, partition, offset });
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}
