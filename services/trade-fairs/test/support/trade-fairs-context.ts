import { bootService, consumeFromEnd, useServiceContext, type BootedService } from '@kc/service-testing';
import { testKafka } from '@kc/testing';
import { TradeFairsModule } from '../../src/app.module';
import { tradeFairsEnvSchema } from '../../src/config/trade-fairs.config';
import { CERTIFICATE_TOPIC, deliverCertificateEvents, type CertificateEvent } from './award-certificates';
import { fairGivens } from './fair-givens';

export interface TradeFairsUnderTest extends BootedService {
  /** The consumer group reading the certificate topic, when the service consumes from the broker. */
  consumerGroup?: string;
  /** Publishes envelopes on the certificate topic of the test broker, keyed by certificate as awards' relay does. */
  publish(...events: CertificateEvent[]): Promise<void>;
}

/**
 * The service on a scratch database; with `consumeEvents`, also fed from the test broker's certificate topic by
 * its real consumer, from the topic's current end (see consumeFromEnd).
 */
async function bootTradeFairs(database: string, consumeEvents: boolean): Promise<TradeFairsUnderTest> {
  const service = await bootService(
    {
      service: 'trade-fairs',
      envSchema: tradeFairsEnvSchema,
      module: (config) => TradeFairsModule.forRoot(config),
      env: { BOOTH_SWEEP_MS: '0' },
    },
    database,
  );
  if (!consumeEvents) {
    return {
      ...service,
      publish: () => Promise.reject(new Error('this context does not consume events')),
    };
  }
  const consumerGroup = await consumeFromEnd(service, [CERTIFICATE_TOPIC]);
  const producer = testKafka('trade-fairs-itest').producer();
  await producer.connect();
  return {
    ...service,
    consumerGroup,
    async publish(...events) {
      await producer.send({
        topic: CERTIFICATE_TOPIC,
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

/**
 * The trade-fairs service booted for the describe it is called in, its database, callers and the givens of a
 * fair; its periodic sweeper is off (tests run it when they mean to). Certificates given with
 * `holdCertificates` pass through the service's own event handler; `consumeEvents` feeds it from the broker.
 */
export const useTradeFairsContext = (database: string, { consumeEvents = false } = {}) =>
  useServiceContext(
    () => bootTradeFairs(database, consumeEvents),
    (context) => ({
      ...fairGivens(context.as),
      /** Awards' certificate events, handled as the consumer would handle them (without the broker). */
      holdCertificates: (...events: CertificateEvent[]) =>
        deliverCertificateEvents(context.service, ...events),
    }),
  );
