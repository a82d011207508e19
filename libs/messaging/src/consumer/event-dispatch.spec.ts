import { randomUUID } from 'node:crypto';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Payload } from '@nestjs/microservices';
import type { Batch, EachBatchPayload, Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import {
  fairCreatedV1,
  fairCreatedV2,
  registrationCancelledV1,
  registrationCancelledV2,
  type EventDefinition,
  type EventEnvelope,
  type PayloadOf,
} from '@kc/contracts';
import { currentContext } from '@kc/observability';
import { EventConsumer } from './event-consumer';
import { KafkaEventServer } from './kafka-event-server';
import { OnEvent } from './on-event';

const received: EventEnvelope[] = [];
/** The request context each handler ran in. */
const contexts: { correlationId?: string; causationId?: string | null }[] = [];

function receive(envelope: EventEnvelope) {
  received.push(envelope);
  const { correlationId, causationId } = currentContext() ?? {};
  contexts.push({ correlationId, causationId });
}

@Controller()
class FairEvents {
  @OnEvent(fairCreatedV2)
  fairCreated(@Payload() envelope: EventEnvelope<PayloadOf<typeof fairCreatedV2>>) {
    receive(envelope);
  }

  @OnEvent(registrationCancelledV1, registrationCancelledV2)
  cancelled(
    @Payload()
    envelope: EventEnvelope<PayloadOf<typeof registrationCancelledV1 | typeof registrationCancelledV2>>,
  ) {
    receive(envelope);
  }
}

@Module({ controllers: [FairEvents] })
class FairEventsModule {}

const fair = {
  fairId: randomUUID(),
  name: 'Hội chợ hàng công nghiệp nông thôn tiêu biểu',
  year: 2025,
  scale: 'regional',
  regionCode: 'north',
  provinceCode: '01',
  startDate: '2025-10-01',
  endDate: '2025-10-05',
  boothCount: 120,
} as const;
const fairV2 = {
  ...fair,
  organiser: null,
  awardCeremony: null,
  subsidyPolicy: null,
  allocationMethod: 'first-come',
  awardPriority: false,
} as const;
const cancellation: PayloadOf<typeof registrationCancelledV1> = {
  fairId: fair.fairId,
  registrationId: randomUUID(),
  facilityTaxCode: '0101234567',
  provinceCode: '01',
  previousState: 'allocated',
  freedBoothCodes: ['A-01'],
  reason: 'Cơ sở rút đăng ký',
};

function message<D extends EventDefinition>(definition: D, payload: PayloadOf<D>): Buffer {
  const envelope: EventEnvelope<PayloadOf<D>> = {
    id: randomUUID(),
    type: definition.type,
    version: definition.version,
    occurredAt: new Date().toISOString(),
    producer: 'trade-fairs',
    aggregateId: fair.fairId,
    provinceCode: '01',
    actor: { kind: 'system', id: 'platform' },
    correlationId: randomUUID(),
    causationId: null,
    payload,
  };
  return Buffer.from(JSON.stringify(envelope));
}

/**
 * The consumer over a broker and a database that only record what they are asked: which messages were parked,
 * which event ids got an inbox row, how many transactions ran and which offsets were resolved. Messages are
 * delivered straight to its `eachBatch`.
 */
function consumerOver(server: KafkaEventServer) {
  const parked: unknown[] = [];
  const inbox: string[] = [];
  const resolved: string[] = [];
  let transactions = 0;
  let eachBatch: (payload: EachBatchPayload) => Promise<void> = async () => undefined;
  const kafka = {
    consumer: () => ({
      connect: async () => undefined,
      subscribe: async () => undefined,
      run: async (config: { eachBatch: typeof eachBatch }) => {
        eachBatch = config.eachBatch;
      },
    }),
    producer: () => ({
      connect: async () => undefined,
      send: async (record: unknown) => parked.push(record),
    }),
  } as unknown as Kafka;
  const manager = {
    // One event id (handleOnce) or an array of them (a chunk's single insert).
    query: async (_sql: string, [, ids]: [string, string | string[]]) => {
      const rows = [ids].flat();
      inbox.push(...rows);
      return rows.map((id) => ({ message_id: id }));
    },
  };
  const dataSource = {
    transaction: (work: (m: typeof manager) => Promise<unknown>) => {
      transactions++;
      return work(manager);
    },
  } as unknown as DataSource;
  const consumer = new EventConsumer({
    kafka,
    dataSource,
    group: 'reporting',
    topics: [fairCreatedV2.topic],
    handlerFor: (type, version) => server.handlerFor(type, version),
  });
  const deliver = (...values: Buffer[]) =>
    eachBatch({
      batch: {
        topic: fairCreatedV2.topic,
        partition: 0,
        messages: values.map((value, offset) => ({
          key: null,
          value,
          headers: {},
          offset: String(offset),
          timestamp: '0',
          attributes: 0,
        })),
      } as unknown as Batch,
      resolveOffset: (offset) => resolved.push(offset),
      heartbeat: async () => undefined,
      commitOffsetsIfNecessary: async () => undefined,
      uncommittedOffsets: () => ({ topics: [] }),
      isRunning: () => true,
      isStale: () => false,
      pause: () => () => undefined,
    });
  return {
    start: () => consumer.start(),
    deliver,
    parked,
    inbox,
    resolved,
    transactions: () => transactions,
  };
}

describe('dispatching events to @OnEvent handlers', () => {
  let app: INestMicroservice;
  let server: KafkaEventServer;

  beforeAll(async () => {
    server = new KafkaEventServer({ service: 'reporting', brokers: [], dataSource: {} as DataSource });
    app = await NestFactory.createMicroservice(FairEventsModule, { strategy: server, logger: false });
    await app.init();
  });

  afterAll(() => app.close());
  beforeEach(() => {
    received.splice(0);
    contexts.splice(0);
  });

  it('hands a v2 handler the v2 envelope, inside the inbox transaction', async () => {
    const consumer = consumerOver(server);
    await consumer.start();
    await consumer.deliver(message(fairCreatedV2, fairV2));
    expect(received.map((e) => [e.type, e.version])).toEqual([['trade-fairs.fair.created', 2]]);
    expect(consumer.inbox).toEqual([received[0].id]);
    expect(consumer.parked).toEqual([]);
  });

  it('never hands a v2 handler a v1 envelope: it is skipped like an event nobody handles', async () => {
    const consumer = consumerOver(server);
    await consumer.start();
    await consumer.deliver(message(fairCreatedV1, fair));
    expect(received).toEqual([]);
    expect(consumer.inbox).toEqual([]);
    expect(consumer.parked).toEqual([]);
  });

  it('hands a handler bound to two versions either of them', async () => {
    const consumer = consumerOver(server);
    await consumer.start();
    await consumer.deliver(message(registrationCancelledV1, cancellation));
    await consumer.deliver(message(registrationCancelledV2, { ...cancellation, wasCertified: true }));
    expect(received.map((e) => e.version)).toEqual([1, 2]);
  });

  it('handles the events of a batch in order, in one transaction, each with its own context', async () => {
    const consumer = consumerOver(server);
    await consumer.start();
    await consumer.deliver(
      message(fairCreatedV2, fairV2),
      message(fairCreatedV1, fair),
      message(registrationCancelledV1, cancellation),
    );
    expect(received.map((e) => e.type)).toEqual([fairCreatedV2.type, registrationCancelledV1.type]);
    expect(contexts).toEqual(received.map((e) => ({ correlationId: e.correlationId, causationId: e.id })));
    expect(consumer.transactions()).toBe(1);
    expect(consumer.inbox).toEqual(received.map((e) => e.id));
    expect(consumer.resolved).toEqual(['0', '1', '2']);
  });

  it('finds handlers by type and version', () => {
    expect(server.handlerFor(fairCreatedV2.type, 2)).toBeDefined();
    expect(server.handlerFor(fairCreatedV1.type, 1)).toBeUndefined();
    expect(server.handlerFor(fairCreatedV2.type, 3)).toBeUndefined();
  });
});

describe('a handler bound to something outside the catalog', () => {
  @Controller()
  class Stray {
    @OnEvent({ type: 'trade-fairs.fair.renamed', version: 1 } as unknown as typeof fairCreatedV1)
    renamed(@Payload() envelope: EventEnvelope<PayloadOf<typeof fairCreatedV1>>) {
      return envelope;
    }
  }
  @Module({ controllers: [Stray] })
  class StrayModule {}

  it('stops the consumer from starting, before it reaches the broker', async () => {
    const server = new KafkaEventServer({ service: 'reporting', brokers: [], dataSource: {} as DataSource });
    const app = await NestFactory.createMicroservice(StrayModule, { strategy: server, logger: false });
    await app.init();
    const error = await new Promise((resolve) => server.listen(resolve));
    expect(String(error)).toContain(`'trade-fairs.fair.renamed@v1' names no event version`);
    await app.close();
  });
});
