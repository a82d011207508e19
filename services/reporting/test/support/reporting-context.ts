import {
  TOPICS,
  type ConferencePackView,
  type CreateConferencePackRequest,
  type EventEnvelope,
  type Principal,
} from '@kc/contracts';
import { serviceEnvSchema } from '@kc/config';
import { bootService, consumeFromEnd, useServiceContext, type BootedService } from '@kc/service-testing';
import { central, testKafka } from '@kc/testing';
import { ReportingModule } from '../../src/app.module';

const REPORTING_TOPICS = Object.values(TOPICS)
  .filter((t) => (t.consumers as readonly string[]).includes('reporting'))
  .map((t) => t.name);

export interface ReportingUnderTest extends BootedService {
  /** The consumer group reading the topics (it names the dead-letter topics); absent when not consuming. */
  consumerGroup?: string;
  /** Publishes envelopes on their real topics, keyed by aggregate id as the outbox relay does. */
  publish(topic: string, ...events: EventEnvelope[]): Promise<void>;
}

/**
 * The reporting app on a scratch database, consuming the real topics of the test broker from their current end
 * (see consumeFromEnd) unless told not to (a test that writes the projections itself).
 */
async function bootReporting(database: string, consumeEvents: boolean): Promise<ReportingUnderTest> {
  const service = await bootService(
    {
      service: 'reporting',
      envSchema: serviceEnvSchema,
      module: (config) => ReportingModule.forRoot(config),
    },
    database,
  );
  const consumerGroup = consumeEvents ? await consumeFromEnd(service, REPORTING_TOPICS) : undefined;
  const producer = testKafka('reporting-itest').producer();
  await producer.connect();
  return {
    ...service,
    consumerGroup,
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

/** The reporting service booted for the describe it is called in, its database and callers. */
export const useReportingContext = (database: string, { consumeEvents = true } = {}) =>
  useServiceContext(
    () => bootReporting(database, consumeEvents),
    (context) => ({
      publish: (topic: string, ...events: EventEnvelope[]) => context.service.publish(topic, ...events),

      /** A conference pack frozen by `by` (the agency unless told): its view. */
      async freezePack(
        body: Partial<CreateConferencePackRequest>,
        by: Principal = central,
      ): Promise<ConferencePackView> {
        const reply = await context.as(by).post<ConferencePackView>('/api/v1/conference-packs', body);
        expect([reply.status, reply.body.code]).toEqual([201, undefined]);
        return reply.body;
      },

      /** A file answer and its bytes. */
      async download(path: string, by: Principal = central): Promise<{ response: Response; bytes: Buffer }> {
        const response = await context.as(by).fetch(path);
        return { response, bytes: Buffer.from(await response.arrayBuffer()) };
      },
    }),
  );
