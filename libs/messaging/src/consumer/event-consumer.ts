import { setTimeout as sleep } from 'node:timers/promises';
import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { decodeEvent, type EventEnvelope } from '@kc/contracts';
import { runWithContext } from '@kc/observability';
import { isDatabaseUnavailable } from '@kc/persistence';
import { handleOnce } from '../inbox/handle-once';
import { sendToDeadLetter } from './dead-letter';
import { DEFAULT_RETRY_POLICY, backoffFor, isPermanent, type RetryPolicy } from './failure-policy';
import type { DeliveryInfo } from './event-context';

export type EventHandler = (
  envelope: EventEnvelope,
  manager: EntityManager,
  delivery: DeliveryInfo,
) => Promise<unknown>;

export interface ConsumerLogger {
  info(message: string, extra?: object): void;
  warn(message: string, extra?: object): void;
  error(message: string, extra?: object): void;
}

export interface EventConsumerOptions {
  kafka: Kafka;
  dataSource: DataSource;
  /** One consumer group per service; it also names the service's dead-letter topics. */
  group: string;
  topics: string[];
  /**
   * The handler for one version of an event type, or undefined when this consumer does not care about that
   * version (the event is skipped, as one of a type it does not consume).
   */
  handlerFor: (type: string, version: number) => EventHandler | undefined;
  retry?: RetryPolicy;
  logger?: ConsumerLogger;
  /**
   * The topics are the platform's own (deploy/topics.json): an event read from a topic its type does not
   * travel on is parked as `wrong-topic` instead of handled. Off for scratch topics in tests.
   */
  enforceCatalogTopics?: boolean;
}

/** As many as a topic has partitions (deploy/topics.json: 3). */
const PARTITIONS_AT_ONCE = 3;

const silent: ConsumerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The framework-free consumer: decode and validate, run the handler once per event id inside its own
 * transaction, retry transient failures with bounded backoff, and park anything that cannot succeed in the
 * group's dead-letter topic so the partition moves on. The offset is committed only after the message
 * is either handled or safely parked.
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly deadLetters: Producer;
  private readonly retry: RetryPolicy;
  private readonly log: ConsumerLogger;

  constructor(private readonly options: EventConsumerOptions) {
    this.consumer = options.kafka.consumer({
      groupId: options.group,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
    });
    this.deadLetters = options.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.log = options.logger ?? silent;
  }

  async start(): Promise<void> {
    await this.deadLetters.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.options.topics, fromBeginning: true });
    // Partitions are handled side by side, each in order (an aggregate's events share a partition, and each
    // message is its own inbox transaction): a backlog drains as many times faster as there are partitions.
    await this.consumer.run({
      partitionsConsumedConcurrently: PARTITIONS_AT_ONCE,
      eachMessage: (payload) => this.onMessage(payload),
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.deadLetters.disconnect();
  }

  private async onMessage({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const delivery: DeliveryInfo = { topic, partition, offset: message.offset };
    const park = (reason: string, error: string, attempts: number) => {
      this.log.warn('event parked in dead-letter topic', { ...delivery, reason, error });
      return sendToDeadLetter(this.deadLetters, this.options.group, {
        topic,
        partition,
        message,
        reason,
        error,
        attempts,
      });
    };

    const decoded = decodeEvent(message.value, this.options.enforceCatalogTopics ? topic : undefined);
    if (!decoded.ok) return park(decoded.reason, decoded.detail, 0);
    const envelope = decoded.envelope;
    const handler = this.options.handlerFor(envelope.type, envelope.version);
    if (!handler) return;

    const context = {
      correlationId: envelope.correlationId,
      causationId: envelope.id,
      actor: envelope.actor,
    };
    for (let attempt = 1, waits = 0; ; ) {
      try {
        const outcome = await runWithContext(context, () =>
          handleOnce(this.options.dataSource, this.options.group, envelope, (manager) =>
            handler(envelope, manager, delivery),
          ),
        );
        if (outcome === 'duplicate')
          this.log.info('duplicate event ignored', { eventId: envelope.id, type: envelope.type });
        return;
      } catch (error) {
        const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        if (isPermanent(error)) return park('rejected-by-handler', detail, attempt);
        if (isDatabaseUnavailable(error)) {
          // Not this message's fault: parking it would drop its effect until a redrive. It waits for the
          // database (restarted, failing over) without spending an attempt, and its partition waits with it.
          waits++;
          this.log.warn('database unavailable, event waits', { eventId: envelope.id, waits, error: detail });
          await sleep(backoffFor(waits, this.retry));
        } else {
          if (attempt >= this.retry.maxAttempts) return park('retries-exhausted', detail, attempt);
          this.log.warn('event handler failed, retrying', { eventId: envelope.id, attempt, error: detail });
          await sleep(backoffFor(attempt++, this.retry));
        }
        await heartbeat();
      }
    }
  }
}
