import { randomUUID } from 'node:crypto';
import type { KafkaMessage, Producer } from 'kafkajs';
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

  describe('a burst, handled in chunks of events that share a transaction', () => {
    const burstTopic = uniqueName('itest.burst.events');
    const burstGroup = uniqueName('burst-group');
    const burstDlt = deadLetterTopic(burstTopic, burstGroup);
    let burst: EventConsumer;
    /** Every handler call, in the order made, with where its message came from. */
    const calls: { id: string; partition: number; offset: number }[] = [];
    const poison = new Set<string>();
    /** How many more times an event's handler fails as a deadlock would. */
    const flaky = new Map<string, number>();
    const duplicates: string[] = [];

    type Keyed = { key: string; event: EventEnvelope };
    /** `n` events over twelve aggregates' keys, so they spread over the partitions. */
    const burstOf = (n: number): Keyed[] =>
      Array.from({ length: n }, (_, i) => ({ key: `k${i % 12}`, event: planCreated(`burst ${i}`) }));
    /** All in one produce request: a partition's share arrives as one record batch. */
    const sendBurst = (messages: Keyed[]) =>
      producer.send({
        topic: burstTopic,
        acks: -1,
        messages: messages.map(({ key, event }) => ({ key, value: JSON.stringify(event) })),
      });
    const appliedTimes = async (events: Keyed[]): Promise<number[]> => {
      const rows: { aggregate_id: string; times: number }[] = await dataSource.query(
        `SELECT aggregate_id, times FROM applied WHERE aggregate_id = ANY($1)`,
        [events.map((e) => e.event.aggregateId)],
      );
      const times = new Map(rows.map((r) => [r.aggregate_id, r.times]));
      return events.map((e) => times.get(e.event.aggregateId) ?? 0);
    };
    const allApplied = async (events: Keyed[]) => (await appliedTimes(events)).every((t) => t > 0);
    const eventIdOf = (m: KafkaMessage) => (JSON.parse(String(m.value)) as EventEnvelope).id;

    beforeAll(async () => {
      await createTopics(kafka, [burstTopic, burstDlt], 3);
      burst = new EventConsumer({
        kafka,
        dataSource,
        group: burstGroup,
        topics: [burstTopic],
        retry: { maxAttempts: 3, initialBackoffMs: 10, maxBackoffMs: 50 },
        handlerFor:
          () =>
          async (envelope, manager, { partition, offset }) => {
            calls.push({ id: envelope.id, partition, offset: Number(offset) });
            if (poison.has(envelope.id)) throw new PermanentHandlerError('poison');
            const failures = flaky.get(envelope.id) ?? 0;
            if (failures > 0) {
              flaky.set(envelope.id, failures - 1);
              throw new Error('deadlock detected');
            }
            await manager.query(countApplication, [envelope.aggregateId]);
          },
        logger: {
          info: (message, extra) => {
            if (message === 'duplicate event ignored')
              duplicates.push((extra as { eventId: string }).eventId);
          },
          warn: () => undefined,
          error: () => undefined,
        },
      });
      await burst.start();
    });

    afterAll(() => burst.stop());

    it('handles each event of a burst once, many events to a transaction', async () => {
      const events = burstOf(300);
      await sendBurst(events);
      await eventually(() => allApplied(events));
      expect(await appliedTimes(events)).toEqual(events.map(() => 1));
      // A row's xmin is the transaction that wrote it: one transaction per event would give 300 of them.
      const [committed] = await dataSource.query(
        `SELECT count(*)::int AS events,
                count(*) FILTER (WHERE i.xmin::text = a.xmin::text)::int AS with_their_effect,
                count(DISTINCT i.xmin::text)::int AS transactions
         FROM unnest($1::uuid[], $2::text[]) AS e(id, aggregate_id)
         JOIN inbox i ON i.consumer_group = $3 AND i.message_id = e.id
         JOIN applied a ON a.aggregate_id = e.aggregate_id`,
        [events.map((e) => e.event.id), events.map((e) => e.event.aggregateId), burstGroup],
      );
      expect(committed.events).toBe(300);
      expect(committed.with_their_effect).toBe(300);
      expect(committed.transactions).toBeLessThanOrEqual(30);
    });

    it("keeps each partition's order, and so each aggregate's, within a batch", async () => {
      const events = burstOf(300);
      const ids = new Set(events.map((e) => e.event.id));
      await sendBurst(events);
      await eventually(() => allApplied(events));
      const handled = calls.filter((c) => ids.has(c.id));
      expect(handled).toHaveLength(300);
      for (const partition of new Set(handled.map((c) => c.partition))) {
        const offsets = handled.filter((c) => c.partition === partition).map((c) => c.offset);
        expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
      }
      const order = new Map(handled.map((c, i) => [c.id, i]));
      for (const key of new Set(events.map((e) => e.key))) {
        const sent = events.filter((e) => e.key === key).map((e) => e.event.id);
        expect([...sent].sort((a, b) => order.get(a)! - order.get(b)!)).toEqual(sent);
      }
    });

    it('parks a poison event in the middle of a burst alone and handles its neighbours once', async () => {
      const events = burstOf(200);
      const bad = events[100].event;
      poison.add(bad.id);
      await sendBurst(events);
      const neighbours = events.filter((e) => e.event !== bad);
      await eventually(() => allApplied(neighbours));
      await collectMessages(kafka, burstDlt, (ms) => ms.some((m) => eventIdOf(m) === bad.id));

      const parked = await collectToEnd(kafka, burstDlt);
      expect(parked.map(eventIdOf)).toEqual([bad.id]);
      expect(String(parked[0].headers?.[DLT_HEADERS.reason])).toBe('rejected-by-handler');
      expect(await appliedTimes(neighbours)).toEqual(neighbours.map(() => 1));
      expect(await timesApplied(bad.aggregateId)).toBe(0);
    });

    it('retries an event of a burst that fails for a while and handles every event once', async () => {
      const events = burstOf(200);
      const shaky = events[50].event;
      // Fails in its chunk's transaction, then once on its own, then succeeds.
      flaky.set(shaky.id, 2);
      await sendBurst(events);
      await eventually(() => allApplied(events));
      expect(await appliedTimes(events)).toEqual(events.map(() => 1));
      expect(flaky.get(shaky.id)).toBe(0);
      expect((await collectToEnd(kafka, burstDlt)).map(eventIdOf)).not.toContain(shaky.id);
    });

    it('handles nothing twice when events come again, in the same chunk or later', async () => {
      const events = burstOf(150);
      const ids = new Set(events.map((e) => e.event.id));
      const duplicatesOfBurst = () => duplicates.filter((id) => ids.has(id)).length;
      // Each event twice in a row: the same id twice in one chunk.
      await sendBurst(events.flatMap((e) => [e, e]));
      await eventually(async () => duplicatesOfBurst() === 150 && (await allApplied(events)));
      // Redelivered: the same ids again, in later chunks.
      await sendBurst(events);
      await eventually(async () => duplicatesOfBurst() === 300);

      expect(await appliedTimes(events)).toEqual(events.map(() => 1));
      expect(calls.filter((c) => ids.has(c.id))).toHaveLength(150);
    });
  });
});
