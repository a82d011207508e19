import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DATA_CHANGED_CHANNEL as CHANNEL, REDIS, type Redis } from '@kc/cache';
import { SharedAnswers } from '../../application/edge-cache/shared-answers';
import { ChangeFeed } from '../../application/live/change-feed';

/**
 * Hears that a service's data changed, so that no gateway instance answers from what it kept before. The
 * signals: a service's outbox relay as soon as a write of it commits (on the Redis channel, to every instance);
 * a write this instance relayed (here only: its caller's next read through it must show the write — the others
 * hear the service's own signal); and, a hop later but durable, the service's audit event, heard by one instance
 * (the consumer group shares the partitions out) and passed on to the others on the channel. While the
 * subscription is down a change could go unheard, so kept answers are not used, and the ones from before the
 * outage are dropped when it comes back. Open live pages hear every signal too (ChangeFeed), after the kept
 * answers are marked stale, so the refetch they make waits for fresh figures.
 */
@Injectable()
export class ChangeSignals implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('ChangeSignals');
  private subscriber: Redis | null = null;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly answers: SharedAnswers,
    private readonly feed: ChangeFeed,
  ) {}

  async onModuleInit(): Promise<void> {
    const subscriber = this.redis.duplicate();
    subscriber.on('error', () => undefined);
    subscriber.on('ready', () => this.answers.forgetAll());
    await subscriber.connect();
    await subscriber.subscribe(CHANNEL, (service) => this.heard(service));
    this.subscriber = subscriber;
  }

  /** True while every change is heard: only then may a kept answer be given. */
  get listening(): boolean {
    return this.subscriber?.isReady ?? false;
  }

  /** This instance relayed a write to the service. */
  written(service: string): void {
    this.heard(service);
  }

  /** The service's audit event arrived: every instance is told (the relay's signal may have been lost). */
  committed(service: string): void {
    this.answers.changed(service);
    // Open pages hear it when this instance's own publication comes back on the channel.
    this.redis.publish(CHANNEL, service).catch((error: unknown) => {
      // The other instances still have the service relay's own signal of that commit.
      this.log.warn({ msg: 'change signal not published', service, error: String(error) });
    });
  }

  private heard(service: string): void {
    this.answers.changed(service);
    this.feed.changed(service);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.subscriber?.isOpen) await this.subscriber.close();
  }
}
