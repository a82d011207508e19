import { setTimeout as sleep } from 'node:timers/promises';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { decodeEvent, type EventEnvelope } from '@kc/contracts';
import { runWithContext } from '@kc/observability';
import { isDatabaseUnavailable } from '@kc/persistence';
import { handleBatchOnce } from '../inbox/handle-batch-once';
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

/**
 * Events handled in one transaction: enough that the commit's cost all but vanishes, few enough that the
 * transaction stays short and a failed chunk, handled again one event at a time, is little work.
 */
const CHUNK_SIZE = 100;

/** A decoded message this consumer has a handler for. */
interface Handling {
  message: KafkaMessage;
  delivery: DeliveryInfo;
  envelope: EventEnvelope;
  handler: EventHandler;
}

const silent: ConsumerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The framework-free consumer: decode and validate, run the handler once per event id, retry transient
 * failures with bounded backoff, and park anything that cannot succeed in the group's dead-letter topic so the
 * partition moves on. The events of a fetched batch are handled in chunks, each in one transaction with all its
 * inbox rows; a chunk that fails is handled again one event at a time, each in its own transaction, so a poison
 * event is parked alone. The offset is committed only after the message is either handled or safely parked.
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
    // Partitions are handled side by side, each in order (an aggregate's events share a partition): a backlog
    // drains as many times faster as there are partitions. Offsets are resolved only once their chunk is done.
    await this.consumer.run({
      partitionsConsumedConcurrently: PARTITIONS_AT_ONCE,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.deadLetters.disconnect();
  }

  private async onBatch({
    batch: { topic, partition, messages },
    resolveOffset,
    heartbeat,
    commitOffsetsIfNecessary,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    // Walked but not yet resolved, in order: the chunk's messages and the skipped ones between them.
    let walked: string[] = [];
    let chunk: Handling[] = [];
    const settle = async () => {
      await this.handleChunk(chunk, heartbeat);
      for (const offset of walked) resolveOffset(offset);
      walked = [];
      chunk = [];
      await heartbeat();
      await commitOffsetsIfNecessary();
    };

    for (const message of messages) {
      // Stopping, or seeked away: what is left (the pending chunk too) is fetched again, unresolved.
      if (!isRunning() || isStale()) return;
      const delivery: DeliveryInfo = { topic, partition, offset: message.offset };
      const decoded = decodeEvent(message.value, this.options.enforceCatalogTopics ? topic : undefined);
      if (!decoded.ok) {
        await settle();
        await this.park(delivery, message, decoded.reason, decoded.detail, 0);
        resolveOffset(message.offset);
        continue;
      }
      walked.push(message.offset);
      const envelope = decoded.envelope;
      const handler = this.options.handlerFor(envelope.type, envelope.version);
      if (handler) chunk.push({ message, delivery, envelope, handler });
      if (chunk.length === CHUNK_SIZE) await settle();
    }
    if (isRunning() && !isStale()) await settle();
  }

  /** The chunk in one transaction; if that fails, it rolled back whole and each event goes on its own. */
  private async handleChunk(chunk: Handling[], heartbeat: () => Promise<void>): Promise<void> {
    if (chunk.length === 0) return;
    // A lone event has nothing to share a transaction with: trying it in one first would only try it twice.
    if (chunk.length === 1) return this.handleAlone(chunk[0], heartbeat);
    try {
      const outcomes = await handleBatchOnce(
        this.options.dataSource,
        this.options.group,
        chunk,
        (h, manager) =>
          runWithContext(contextOf(h.envelope), () => h.handler(h.envelope, manager, h.delivery)),
      );
      chunk.forEach(({ envelope }, i) => {
        if (outcomes[i] === 'duplicate') this.ignoreDuplicate(envelope);
      });
    } catch (error) {
      this.log.warn('event chunk failed, handling its events one at a time', {
        ...chunk[0].delivery,
        events: chunk.length,
        error: errorDetail(error),
      });
      for (const handling of chunk) await this.handleAlone(handling, heartbeat);
    }
  }

  /** One event in its own inbox transaction, with retries, parking and waiting for the database. */
  private async handleAlone(
    { message, delivery, envelope, handler }: Handling,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    for (let attempt = 1, waits = 0; ; ) {
      try {
        const outcome = await runWithContext(contextOf(envelope), () =>
          handleOnce(this.options.dataSource, this.options.group, envelope, (manager) =>
            handler(envelope, manager, delivery),
          ),
        );
        if (outcome === 'duplicate') this.ignoreDuplicate(envelope);
        return;
      } catch (error) {
        const detail = errorDetail(error);
        if (isPermanent(error)) return this.park(delivery, message, 'rejected-by-handler', detail, attempt);
        if (isDatabaseUnavailable(error)) {
          // Not this message's fault: parking it would drop its effect until a redrive. It waits for the
          // database (restarted, failing over) without spending an attempt, and its partition waits with it.
          waits++;
          this.log.warn('database unavailable, event waits', { eventId: envelope.id, waits, error: detail });
          await sleep(backoffFor(waits, this.retry));
        } else {
          if (attempt >= this.retry.maxAttempts)
            return this.park(delivery, message, 'retries-exhausted', detail, attempt);
          this.log.warn('event handler failed, retrying', { eventId: envelope.id, attempt, error: detail });
          await sleep(backoffFor(attempt++, this.retry));
        }
        await heartbeat();
      }
    }
  }

  private ignoreDuplicate(envelope: EventEnvelope): void {
    this.log.info('duplicate event ignored', { eventId: envelope.id, type: envelope.type });
  }

  private park(
    delivery: DeliveryInfo,
    message: KafkaMessage,
    reason: string,
    error: string,
    attempts: number,
  ): Promise<void> {
    this.log.warn('event parked in dead-letter topic', { ...delivery, reason, error });
    const { topic, partition } = delivery;
    return sendToDeadLetter(this.deadLetters, this.options.group, {
      topic,
      partition,
      message,
      reason,
      error,
      attempts,
    });
  }
}

/** The handler's context: the event's correlation, itself as the cause, its actor. */
const contextOf = (envelope: EventEnvelope) => ({
  correlationId: envelope.correlationId,
  causationId: envelope.id,
  actor: envelope.actor,
});

const errorDetail = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);
