import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DATA_CHANGED_CHANNEL, REDIS, type Redis } from '@kc/cache';
import { createKafka } from './kafka-client';
import { KafkaProbe } from './kafka-probe';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxWriter } from './outbox/outbox-writer';

export interface MessagingOptions {
  service: string;
  brokers: string[];
  databaseUrl: string;
  outboxPollMs: number;
}

const KAFKA = Symbol('KAFKA');
const OPTIONS = Symbol('MESSAGING_OPTIONS');

@Injectable()
class OutboxRelayLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('OutboxRelay');
  private readonly relay: OutboxRelay;

  constructor(
    dataSource: DataSource,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(OPTIONS) options: MessagingOptions,
    @Inject(REDIS) redis: Redis,
  ) {
    this.relay = new OutboxRelay(dataSource, kafka, {
      databaseUrl: options.databaseUrl,
      pollMs: options.outboxPollMs,
      onError: (error) => this.log.warn({ msg: 'outbox relay error', error: String(error) }),
      // The gateway's kept answers of this service go stale now; its audit event would tell it a hop later.
      onCommitted: () => void redis.publish(DATA_CHANGED_CHANNEL, options.service).catch(() => undefined),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.relay.start();
  }

  /** Runs first at shutdown: what is committed gets published before the connections close. */
  onModuleDestroy(): Promise<void> {
    return this.relay.stop();
  }
}

@Injectable()
class KafkaProbeLifecycle extends KafkaProbe implements OnModuleDestroy {
  constructor(@Inject(KAFKA) kafka: Kafka) {
    super(kafka);
  }
  onModuleDestroy(): Promise<void> {
    return this.close();
  }
}

/** Outbox writer, outbox relay and the broker health probe for one service. */
@Global()
@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: OPTIONS, useValue: options },
        {
          provide: KAFKA,
          useFactory: () => createKafka({ brokers: options.brokers, clientId: options.service }),
        },
        { provide: OutboxWriter, useFactory: () => new OutboxWriter(options.service) },
        { provide: KafkaProbe, useClass: KafkaProbeLifecycle },
        OutboxRelayLifecycle,
      ],
      exports: [OutboxWriter, KafkaProbe],
    };
  }
}
