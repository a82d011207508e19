import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { REDIS, redisKey, type Redis } from '@kc/cache';
import { SharedAnswers } from '../../application/edge-cache/shared-answers';

/** Where every gateway instance hears which service's data changed. */
const CHANNEL = redisKey('gateway', 'data-changed');

/**
 * Tells every gateway instance — this one at once, the others through Redis pub/sub — that a service's data
 * changed, so none answers from what it kept before. One instance hears a service's audit event (the consumer
 * group shares the partitions out), another may have relayed the write: both reach all of them this way.
 * While the subscription is down a change could go unheard, so kept answers are not used, and the ones from
 * before the outage are dropped when it comes back.
 */
@Injectable()
export class ChangeSignals implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('ChangeSignals');
  private subscriber: Redis | null = null;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly answers: SharedAnswers,
  ) {}

  async onModuleInit(): Promise<void> {
    const subscriber = this.redis.duplicate();
    subscriber.on('error', () => undefined);
    subscriber.on('ready', () => this.answers.forgetAll());
    await subscriber.connect();
    await subscriber.subscribe(CHANNEL, (service) => this.answers.changed(service));
    this.subscriber = subscriber;
  }

  /** True while every change is heard: only then may a kept answer be given. */
  get listening(): boolean {
    return this.subscriber?.isReady ?? false;
  }

  /** The service's data changed (an audit event of it arrived, or a write was relayed to it). */
  changed(service: string): void {
    this.answers.changed(service);
    this.redis.publish(CHANNEL, service).catch((error: unknown) => {
      // The service's audit event still reaches every instance, through the one that consumes it.
      this.log.warn({ msg: 'change signal not published', service, error: String(error) });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.subscriber?.isOpen) await this.subscriber.close();
  }
}
