import { randomUUID } from 'node:crypto';
import { TOPICS, type EventEnvelope } from '@kc/contracts';
import { testKafka } from '@kc/testing';
import { bootService, consumeFromEnd, type BootedService } from '@kc/service-testing';
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
 * The reporting app on a scratch database, consuming the real topics of the test broker from their current end
 * (see consumeFromEnd).
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
  await consumeFromEnd(service, REPORTING_TOPICS);
  const producer = testKafka('reporting-itest').producer();
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
