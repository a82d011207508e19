import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { deadLetterTopic, ENVELOPE_HEADERS, planCreatedV1 } from '@kc/contracts';
import {
  collectMessages,
  collectToEnd,
  createTopics,
  eventually,
  testInfrastructure,
  uniqueName,
} from '@kc/testing';
import { createKafka, EventConsumer, OutboxRelay, OutboxWriter } from '../src';
import { countApplication, scratchMessagingDatabase } from './support/scratch-messaging-db';

const topic = planCreatedV1.topic;
const writer = new OutboxWriter('plans');
const run = uniqueName('run');

function newPlan(index: number) {
  const planId = randomUUID();
  return {
    aggregateId: planId,
    provinceCode: null,
    payload: {
      planId,
      name: `${run} #${index}`,
      year: 2099,
      level: 'national' as const,
      provinceCode: null,
      budgetVnd: 1_000 + index,
    },
  };
}

/** The topic is shared with other tests (some write deliberately broken messages): read it defensively. */
function aggregateOf(value: Buffer | null): string | undefined {
  try {
    return JSON.parse(String(value)).aggregateId;
  } catch {
    return undefined;
  }
}

const idOf = (headers: Record<string, unknown> | undefined) => String(headers?.[ENVELOPE_HEADERS.id] ?? '');

describe('transactional outbox and relay', () => {
  let dataSource: DataSource;
  let url: string;
  const kafka = createKafka({ brokers: testInfrastructure().brokers, clientId: 'relay-test' });
  const stopAfterwards: OutboxRelay[] = [];

  beforeAll(async () => {
    ({ dataSource, url } = await scratchMessagingDatabase('outbox_relay'));
  });
  afterEach(async () => {
    await Promise.all(stopAfterwards.splice(0).map((relay) => relay.stop()));
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  it('publishes an event after its transaction commits and never one whose transaction rolled back', async () => {
    const committed = await dataSource.transaction((m) => writer.append(m, planCreatedV1, newPlan(1)));
    let rolledBack = '';
    await expect(
      dataSource.transaction(async (m) => {
        rolledBack = (await writer.append(m, planCreatedV1, newPlan(2))).id;
        throw new Error('a rule failed after the write');
      }),
    ).rejects.toThrow('a rule failed');
    const later = await dataSource.transaction((m) => writer.append(m, planCreatedV1, newPlan(3)));

    const relay = new OutboxRelay(dataSource, kafka, { databaseUrl: url, pollMs: 50 });
    await relay.start();
    // The two committed events may sit in different partitions: wait until both have arrived.
    const messages = await collectMessages(kafka, topic, (ms) =>
      [committed.id, later.id].every((id) => ms.some((m) => idOf(m.headers) === id)),
    );
    await relay.stop();

    const ids = messages.map((m) => idOf(m.headers));
    expect(ids).toContain(committed.id);
    expect(ids).not.toContain(rolledBack);
    const rows: { id: string; published: boolean }[] = await dataSource.query(
      `SELECT id, published_at IS NOT NULL AS published FROM outbox ORDER BY seq`,
    );
    expect(rows).toEqual([
      { id: committed.id, published: true },
      { id: later.id, published: true },
    ]);
  });

  it('loses nothing and duplicates nothing visible when the relay is killed mid-way and restarted', async () => {
    const total = 150;
    const written = new Set<string>();
    for (let i = 0; i < total; i += 50) {
      await dataSource.transaction(async (m) => {
        for (let j = i; j < i + 50; j++)
          written.add((await writer.append(m, planCreatedV1, newPlan(100 + j))).aggregateId);
      });
    }

    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, 'support/run-relay.ts')],
      {
        env: { ...process.env, DATABASE_URL: url, KAFKA_BROKERS: testInfrastructure().brokers.join(',') },
        stdio: 'ignore',
      },
    );
    const publishedCount = async () =>
      Number(
        (await dataSource.query(`SELECT count(*) AS n FROM outbox WHERE published_at IS NOT NULL`))[0].n,
      );
    const before = await publishedCount();
    await eventually(async () => (await publishedCount()) >= before + 20);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(await publishedCount()).toBeLessThan(before + total);

    // Force some republishing too, as a crash between send and mark would.
    await dataSource.query(
      `UPDATE outbox SET published_at = NULL WHERE seq IN (SELECT seq FROM outbox WHERE published_at IS NOT NULL ORDER BY seq DESC LIMIT 10)`,
    );
    const relay = new OutboxRelay(dataSource, kafka, { databaseUrl: url, pollMs: 50 });
    await relay.start();
    await eventually(async () => (await publishedCount()) === before + total);
    await relay.stop();

    const raw = await collectToEnd(kafka, topic);
    const ours = raw.filter((m) => written.has(aggregateOf(m.value) ?? ''));
    expect(ours.length).toBeGreaterThanOrEqual(total + 10);

    let duplicatesIgnored = 0;
    // Its dead-letter topic must exist: the shared topic may hold other tests' broken messages.
    const group = uniqueName('relay-projection');
    await createTopics(kafka, [deadLetterTopic(topic, group)]);
    const consumer = new EventConsumer({
      kafka,
      dataSource,
      group,
      topics: [topic],
      handlerFor: () => async (envelope, manager) => {
        if (written.has(envelope.aggregateId)) await manager.query(countApplication, [envelope.aggregateId]);
      },
      logger: {
        info: (message, extra) => {
          const id = (extra as { eventId?: string } | undefined)?.eventId;
          if (message.startsWith('duplicate') && ours.some((m) => idOf(m.headers) === id))
            duplicatesIgnored++;
        },
        warn: () => undefined,
        error: () => undefined,
      },
    });
    await consumer.start();
    const applied = await eventually(async () => {
      const rows: { aggregate_id: string; times: number }[] = await dataSource.query(`SELECT * FROM applied`);
      // Every copy of every event has been seen: applied once, the rest recognised as duplicates.
      return rows.length === total && total + duplicatesIgnored === ours.length ? rows : undefined;
    });
    await consumer.stop();
    expect(new Set(applied.map((r) => r.aggregate_id))).toEqual(written);
    expect(applied.every((r) => r.times === 1)).toBe(true);
  });

  it('records a failed publish and tries again until it succeeds, instead of waiting on its own row locks', async () => {
    // A publish that fails after the relay has connected: here the topic does not exist yet (as when the
    // broker goes away mid-way, which the chaos tier does). The failure used to be recorded from another
    // connection while the batch's transaction still held the rows' locks: the relay hung for good.
    const missing = uniqueName('relay-missing-topic');
    const row = await dataSource.transaction((m) =>
      // A topic the registry does not know, on purpose.
      writer.append(m, { ...planCreatedV1, topic: missing as typeof topic }, newPlan(1_000)),
    );
    const impatient = new Kafka({
      clientId: 'relay-test-failing',
      brokers: testInfrastructure().brokers,
      retry: { retries: 1, initialRetryTime: 100 },
      logLevel: logLevel.NOTHING,
    });
    const relay = new OutboxRelay(dataSource, impatient, { databaseUrl: url, pollMs: 50 });
    await relay.start();
    const state = async () =>
      (
        await dataSource.query(
          `SELECT attempts, last_error IS NOT NULL AS failed, published_at IS NOT NULL AS published
             FROM outbox WHERE id = $1`,
          [row.id],
        )
      )[0] as { attempts: number; failed: boolean; published: boolean };
    await eventually(async () => (await state()).failed);
    await createTopics(impatient, [missing]);
    await eventually(async () => (await state()).published);
    await relay.stop();
  });

  it('listens again when Postgres cuts its LISTEN connection, so a commit still wakes it at once', async () => {
    // Polling alone would take a minute here: only the notification can publish the event in time.
    const relay = new OutboxRelay(dataSource, kafka, { databaseUrl: url, pollMs: 60_000 });
    await relay.start();
    // A relay left running (a failed expectation) would keep the test process from exiting.
    stopAfterwards.push(relay);
    const listeners = () =>
      dataSource.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'outbox-relay'`,
      ) as Promise<{ pid: number }[]>;
    const [first] = await listeners();
    // What a restart of Postgres does to every connection.
    await dataSource.query(`SELECT pg_terminate_backend($1)`, [first.pid]);
    await eventually(async () => (await listeners()).some((l) => l.pid !== first.pid));

    const event = await dataSource.transaction((m) => writer.append(m, planCreatedV1, newPlan(2_000)));
    await eventually(
      async () =>
        (
          await dataSource.query(`SELECT 1 FROM outbox WHERE id = $1 AND published_at IS NOT NULL`, [
            event.id,
          ])
        ).length === 1,
      10_000,
    );
  });

  it('says the data changed as soon as a write commits, before any poll', async () => {
    let told = 0;
    const relay = new OutboxRelay(dataSource, kafka, {
      databaseUrl: url,
      pollMs: 60_000,
      onCommitted: () => told++,
    });
    await relay.start();
    stopAfterwards.push(relay);

    await dataSource.transaction((m) => writer.append(m, planCreatedV1, newPlan(3_001)));
    // With a minute between polls, only the commit's notification can tell it this soon.
    await eventually(async () => told > 0, 5_000);
    const afterCommit = told;
    const event = await dataSource.transaction((m) => writer.append(m, planCreatedV1, newPlan(3_002)));
    await eventually(async () => told > afterCommit, 5_000);
    await eventually(
      async () =>
        (
          await dataSource.query(`SELECT 1 FROM outbox WHERE id = $1 AND published_at IS NOT NULL`, [
            event.id,
          ])
        ).length === 1,
    );
  });
});
