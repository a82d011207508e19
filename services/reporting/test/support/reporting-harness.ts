import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { deadLetterTopic, TOPICS, type EventEnvelope } from '@kc/contracts';
import { createKafka, KafkaEventServer } from '@kc/messaging';
import { bootService, createTopics, testInfrastructure, uniqueName, type BootedService } from '@kc/testing';
import { ReportingModule } from '../../src/app.module';
import { serviceEnvSchema } from '@kc/config';

const REPORTING_TOPICS = Object.values(TOPICS)
  .filter((t) => (t.consumers as readonly string[]).includes('reporting'))
  .map((t) => t.name);

export interface ReportingUnderTest extends BootedService {
  /** Publishes envelopes on their real topics, keyed by aggregate id as the outbox relay does. */
  publish(topic: string, ...events: EventEnvelope[]): Promise<void>;
}

/**
 * The reporting app on a scratch database, consuming the real topics of the test broker with a consumer group
 * of its own that starts at the current end of each topic: it sees the events the test publishes (and any
 * that other tests publish meanwhile), never the history. Its dead-letter topics exist, so a parked event
 * does not stall it.
 */
export async function bootReporting(database: string): Promise<ReportingUnderTest> {
  const service = await bootService(
    {
      service: 'reporting',
      envSchema: serviceEnvSchema,
      module: (config) => ReportingModule.forRoot(config),
    },
    database,
  );
  const brokers = testInfrastructure().brokers;
  const kafka = createKafka({ brokers, clientId: 'reporting-itest' });
  const group = uniqueName('reporting-itest');
  await createTopics(kafka, [...REPORTING_TOPICS.map((t) => deadLetterTopic(t, group))]);
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const topic of REPORTING_TOPICS) {
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({
        groupId: group,
        topic,
        partitions: ends.map((e) => ({ partition: e.partition, offset: e.high })),
      });
    }
  } finally {
    await admin.disconnect();
  }
  service.app.connectMicroservice(
    { strategy: new KafkaEventServer({ service: group, brokers, dataSource: service.app.get(DataSource) }) },
    { inheritAppConfig: true },
  );
  await service.app.startAllMicroservices();

  const producer = kafka.producer();
  await producer.connect();
  return {
    ...service,
    async publish(topic, ...events) {
      await producer.send({
        topic,
        acks: -1,
        messages: events.map((e) => ({ key: e.aggregateId, value: JSON.stringify(e) })),
      });
    },
    async close() {
      await producer.disconnect();
      await service.close();
    },
  };
}

/** An envelope as a producing service's outbox would write it. */
export function envelope<P>(
  type: string,
  version: number,
  aggregateId: string,
  provinceCode: string | null,
  payload: P,
): EventEnvelope {
  return {
    id: randomUUID(),
    type,
    version,
    occurredAt: new Date().toISOString(),
    producer: type.split('.')[0],
    aggregateId,
    provinceCode,
    actor: { kind: 'system', id: 'itest' },
    correlationId: randomUUID(),
    causationId: null,
    payload,
  } as EventEnvelope;
}
