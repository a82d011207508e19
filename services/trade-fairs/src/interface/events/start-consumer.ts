import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { KafkaEventServer } from '@kc/messaging';

/**
 * Starts the app's @OnEvent consumer (the same KafkaEventServer `consumesEvents` connects), and while the broker
 * cannot be reached tries again in the background instead of failing: bookings must go on while Kafka is down
 * (test/kafka-outage.int-spec.ts), and `bootstrapService`'s own start of the consumer rejects then, which ends
 * the process. Events wait in Kafka meanwhile, from the group's committed offsets.
 */
export function startConsumerWhenBrokerAnswers(
  app: NestExpressApplication,
  options: { service: string; brokers: string[] },
): void {
  const log = new Logger('EventConsumer');
  const consumer = app.connectMicroservice(
    { strategy: new KafkaEventServer({ ...options, dataSource: app.get(DataSource) }) },
    { inheritAppConfig: true },
  );
  void (async () => {
    for (let delayMs = 1_000; ; delayMs = Math.min(delayMs * 2, 30_000)) {
      try {
        await consumer.listen();
        return;
      } catch (error) {
        log.warn(`the event consumer could not start (${String(error)}); trying again in ${delayMs} ms`);
        await sleep(delayMs);
      }
    }
  })();
}
