import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DATA_CHANGED_CHANNEL as CHANNEL, REDIS, type Redis } from '@kc/cache';
import { SharedAnswers, type ChangeKind } from '../../application/edge-cache/shared-answers';

/** On the channel: `<service>` when a write of it committed, `<service>:written` for a write a gateway relayed. */
const message = (service: string, kind: ChangeKind) => (kind === 'written' ? `${service}:written` : service);
const heard = (text: string): [string, ChangeKind] => {
  const [service, written] = text.split(':');
  return [service, written === 'written' ? 'written' : 'committed'];
};

/**
 * Hears that a service's data changed, and tells every gateway instance — this one at once, the others through
 * Redis pub/sub — so none answers from what it kept before. The signals: a service's outbox relay as soon as a
 * write of it commits; a write this instance relayed; and, a hop later but durable, the service's audit event
 * (heard by one instance: the consumer group shares the partitions out). While the subscription is down a
 * change could go unheard, so kept answers are not used, and the ones from before the outage are dropped when
 * it comes back.
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
    await subscriber.subscribe(CHANNEL, (text) => this.answers.changed(...heard(text)));
    this.subscriber = subscriber;
  }

  /** True while every change is heard: only then may a kept answer be given. */
  get listening(): boolean {
    return this.subscriber?.isReady ?? false;
  }

  /** The service's data changed: an audit event of it arrived (`committed`), or a write was relayed to it. */
  changed(service: string, kind: ChangeKind): void {
    this.answers.changed(service, kind);
    this.redis.publish(CHANNEL, message(service, kind)).catch((error: unknown) => {
      // The service's audit event still reaches every instance, through the one that consumes it.
      this.log.warn({ msg: 'change signal not published', service, error: String(error) });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.subscriber?.isOpen) await this.subscriber.close();
  }
}
