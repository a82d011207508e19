import { setTimeout as sleep } from 'node:timers/promises';
import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { decodeEvent, type EventEnvelope } from '@kc/contracts';
import { runWithContext } from '@kc/observability';
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
  /** The handler for an event type, or undefined when this consumer does not care about that type. */
  handlerFor: (type: string) => EventHandler | undefined;
  retry?: RetryPolicy;
  logger?: ConsumerLogger;
}

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
    await this.consumer.run({ eachMessage: (payload) => this.onMessage(payload) });
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

    const decoded = decodeEvent(message.value);
    if (!decoded.ok) return park(decoded.reason, decoded.detail, 0);
    const envelope = decoded.envelope;
    const handler = this.options.handlerFor(envelope.type);
    if (!handler) return;

    const context = {
      correlationId: envelope.correlationId,
      causationId: envelope.id,
      actor: envelope.actor,
    };
    for (let attempt = 1; ; attempt++) {
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
        if (attempt >= this.retry.maxAttempts) return park('retries-exhausted', detail, attempt);
        this.log.warn('event handler failed, retrying', { eventId: envelope.id, attempt, error: detail });
        await sleep(backoffFor(attempt, this.retry));
        await heartbeat();
      }
    }
  }
}
