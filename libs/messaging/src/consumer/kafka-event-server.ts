import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import type { DataSource } from 'typeorm';
import { EventConsumer, type EventHandler } from './event-consumer';
import { EventContext } from './event-context';
import { definitionOfPattern, eventPattern } from './on-event';
import { createKafka } from '../kafka-client';
import type { RetryPolicy } from './failure-policy';

export interface KafkaEventServerOptions {
  service: string;
  brokers: string[];
  dataSource: DataSource;
  retry?: RetryPolicy;
}

/**
 * Nest transport that feeds `@OnEvent(definition)` handlers from Kafka through EventConsumer. A handler is
 * found by the event's type and version; the topics to subscribe to follow from the contracts' catalog.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  private consumer: EventConsumer | null = null;
  private readonly log = new Logger('KafkaEventServer');

  constructor(private readonly options: KafkaEventServerOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const patterns = [...this.messageHandlers.keys()];
      const topics = [...new Set(patterns.map((p) => definitionOfPattern(p).topic))];
      this.consumer = new EventConsumer({
        kafka: createKafka({ brokers: this.options.brokers, clientId: this.options.service }),
        dataSource: this.options.dataSource,
        group: this.options.service,
        topics,
        retry: this.options.retry,
        enforceCatalogTopics: true,
        logger: {
          info: (message, extra) => this.log.log({ msg: message, ...extra }),
          warn: (message, extra) => this.log.warn({ msg: message, ...extra }),
          error: (message, extra) => this.log.error({ msg: message, ...extra }),
        },
        handlerFor: (type, version) => this.handlerFor(type, version),
      });
      if (topics.length > 0) await this.consumer.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** The handler bound to this version of the event type, if any: a v2 handler never sees a v1 envelope. */
  handlerFor(type: string, version: number): EventHandler | undefined {
    const handler = this.getHandlerByPattern(eventPattern({ type, version }));
    if (!handler) return undefined;
    return async (envelope, manager, delivery) => {
      const result = await handler(envelope, new EventContext([envelope, manager, delivery]));
      if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    };
  }

  async close(): Promise<void> {
    await this.consumer?.stop();
  }

  on(): never {
    throw new Error('KafkaEventServer does not emit transport events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }
}
