import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { deadLetterTopic, type EventEnvelope } from '@kc/contracts';
import {
  collectMessages,
  collectToEnd,
  createTopics,
  eventually,
  testInfrastructure,
  uniqueName,
} from '@kc/testing';
import { createKafka, DLT_HEADERS, EventConsumer, PermanentHandlerError, redriveDeadLetters } from '../src';
import { countApplication, scratchMessagingDatabase } from './support/scratch-messaging-db';

const kafka = createKafka({ brokers: testInfrastructure().brokers, clientId: 'consumer-test' });

function planCreated(name: string): EventEnvelope {
  const planId = randomUUID();
  return {
    id: randomUUID(),
    type: 'plans.plan.created',
    version: 1,
    occurredAt: new Date().toISOString(),
    producer: 'plans',
    aggregateId: planId,
    provinceCode: null,
    actor: { kind: 'system', id: 'test' },
    correlationId: randomUUID(),
    causationId: null,
    payload: { planId, name, year: 2099, level: 'national', provinceCode: null, budgetVnd: 5 },
  };
}

describe('idempotent consumer with dead letters and redrive', () => {
  const topic = uniqueName('itest.plan.events');
  const group = uniqueName('itest-group');
  const dlt = deadLetterTopic(topic, group);
  let dataSource: DataSource;
  let producer: Producer;
  let consumer: EventConsumer;
  /** Aggregates whose handling fails as a permanent bug would, until the test "fixes" it. */
  const broken = new Set<string>();

  const send = (value: string | EventEnvelope, key = 'k') =>
    producer.send({
      topic,
      acks: -1,
      messages: [{ key, value: typeof value === 'string' ? value : JSON.stringify(value) }],
    });
  const timesApplied = async (aggregateId: string): Promise<number> =>
    Number(
      (await dataSource.query(`SELECT times FROM applied WHERE aggregate_id = $1`, [aggregateId]))[0]
        ?.times ?? 0,
    );

  beforeAll(async () => {
    ({ dataSource } = await scratchMessagingDatabase('event_consumer'));
    await createTopics(kafka, [topic, dlt]);
    producer = kafka.producer();
    await producer.connect();
    consumer = new EventConsumer({
      kafka,
      dataSource,
      group,
      topics: [topic],
      retry: { maxAttempts: 3, initialBackoffMs: 10, maxBackoffMs: 50 },
      handlerFor: (type) =>
        type === 'plans.plan.created'
          ? async (envelope, manager) => {
              if (broken.has(envelope.aggregateId)) throw new PermanentHandlerError('plan rejected by a bug');
              await manager.query(countApplication, [envelope.aggregateId]);
            }
          : undefined,
    });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer.stop();
    await producer.disconnect();
    await dataSource.destroy();
  });

  it('changes a projection once when the same event is delivered twice', async () => {
    const event = planCreated('twice');
    await send(event);
    await send(event);
    const marker = planCreated('after the duplicate');
    await send(marker);
    await eventually(async () => (await timesApplied(marker.aggregateId)) === 1);
    expect(await timesApplied(event.aggregateId)).toBe(1);
    const inbox = await dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE message_id = $1`, [
      event.id,
    ]);
    expect(inbox[0].n).toBe(1);
  });

  it('parks a malformed message and an unknown event type in the dead-letter topic and goes on', async () => {
    await send('{"this is": not json');
    await send({ ...planCreated('unknown'), type: 'plans.plan.teleported' });
    const next = planCreated('next in line');
    await send(next);

    await eventually(async () => (await timesApplied(next.aggregateId)) === 1);
    const parked = await collectMessages(kafka, dlt, (ms) => ms.length >= 2);
    const reasons = parked.map((m) => String(m.headers?.[DLT_HEADERS.reason]));
    expect(reasons).toEqual(['malformed', 'unknown-type']);
    expect(String(parked[0].value)).toBe('{"this is": not json');
    expect(parked.every((m) => String(m.headers?.[DLT_HEADERS.originalTopic]) === topic)).toBe(true);
    expect(String(parked[1].headers?.[DLT_HEADERS.error])).toMatch(/plans\.plan\.teleported/);
  });

  it('replays a fixed dead letter exactly once with the redrive command', async () => {
    const event = planCreated('fixed later');
    broken.add(event.aggregateId);
    await send(event, event.aggregateId);
    const parked = await collectMessages(kafka, dlt, (ms) =>
      ms.some((m) => String(m.headers?.[DLT_HEADERS.reason]) === 'rejected-by-handler'),
    );
    expect(String(parked.at(-1)?.headers?.[DLT_HEADERS.error])).toMatch(/plan rejected by a bug/);
    expect(await timesApplied(event.aggregateId)).toBe(0);

    broken.delete(event.aggregateId); // the fix is deployed
    const first = await redriveDeadLetters({ kafka, topic, group });
    expect(first.replayed).toBe(1);
    expect(first.skipped.map((s) => s.reason.split(':')[0])).toEqual(['malformed', 'unknown-type']);
    await eventually(async () => (await timesApplied(event.aggregateId)) === 1);

    const second = await redriveDeadLetters({ kafka, topic, group });
    expect(second).toEqual({ replayed: 0, skipped: [] });
    const marker = planCreated('after the redrive');
    await send(marker);
    await eventually(async () => (await timesApplied(marker.aggregateId)) === 1);
    expect(await timesApplied(event.aggregateId)).toBe(1);
  });

  it('retries a transient failure and applies the event once it succeeds', async () => {
    const event = planCreated('flaky');
    const flakyTopic = uniqueName('itest.flaky.events');
    const flakyGroup = uniqueName('flaky-group');
    await createTopics(kafka, [flakyTopic, deadLetterTopic(flakyTopic, flakyGroup)]);
    let failures = 0;
    const flaky = new EventConsumer({
      kafka,
      dataSource,
      group: flakyGroup,
      topics: [flakyTopic],
      retry: { maxAttempts: 5, initialBackoffMs: 10, maxBackoffMs: 20 },
      handlerFor: () => async (envelope, manager) => {
        if (envelope.id !== event.id) return;
        if (failures++ < 2) throw new Error('database connection reset');
        await manager.query(countApplication, [`flaky:${envelope.aggregateId}`]);
      },
    });
    await flaky.start();
    await producer.send({
      topic: flakyTopic,
      acks: -1,
      messages: [{ key: 'k', value: JSON.stringify(event) }],
    });
    await eventually(async () => (await timesApplied(`flaky:${event.aggregateId}`)) === 1);
    await flaky.stop();
    expect(failures).toBe(3);
  });

  it('waits for its database instead of parking events while the database refuses connections', async () => {
    const event = planCreated('database away');
    const awayTopic = uniqueName('itest.away.events');
    const awayGroup = uniqueName('away-group');
    await createTopics(kafka, [awayTopic, deadLetterTopic(awayTopic, awayGroup)]);
    const warnings: string[] = [];
    const patient = new EventConsumer({
      kafka,
      dataSource,
      group: awayGroup,
      topics: [awayTopic],
      // Two quick attempts: a database away for longer must not use them up.
      retry: { maxAttempts: 2, initialBackoffMs: 10, maxBackoffMs: 100 },
      handlerFor: () => async (envelope, manager) => {
        if (envelope.id === event.id) await manager.query(countApplication, [`away:${envelope.aggregateId}`]);
      },
      logger: { info: () => undefined, warn: (message) => warnings.push(message), error: () => undefined },
    });
    await patient.start();
    const [{ database }] = await dataSource.query(`SELECT current_database() AS database`);
    const admin = new Client({ connectionString: `${testInfrastructure().pgUrl}/postgres` });
    await admin.connect();
    try {
      // What the consumer meets while its database restarts: connections cut, new ones refused.
      await admin.query(`ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [
        database,
      ]);
      await producer.send({
        topic: awayTopic,
        acks: -1,
        messages: [{ key: 'k', value: JSON.stringify(event) }],
      });
      await eventually(async () => warnings.filter((w) => w.startsWith('database unavailable')).length >= 3);
    } finally {
      await admin.query(`ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    await eventually(async () => (await timesApplied(`away:${event.aggregateId}`)) === 1);
    await patient.stop();
    expect(warnings).not.toContain('event parked in dead-letter topic');
    expect(await collectToEnd(kafka, deadLetterTopic(awayTopic, awayGroup))).toEqual([]);
  });
});
