import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { actorOf, runWithContext } from '@kc/observability';
import { inTransaction } from '@kc/persistence';
import { AwardRoundPublicationEntity } from '../infrastructure/persistence/award-publication.entity';
import { ResultsService } from './results.service';

export const PUBLICATION_POLL_MS = Symbol('PUBLICATION_POLL_MS');

/** A publication failing this many times in a row is set `failed`: asking again queues it again. */
export const PUBLICATION_MAX_ATTEMPTS = 3;

/**
 * Completes the pending publications in the background, oldest first: woken by each request, on boot (work a
 * stopped instance left pending) and every poll interval. Several instances may run: each job is taken with
 * SKIP LOCKED inside the commit that completes it, so one instance does it and the others pass it by.
 */
@Injectable()
export class PublicationWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('PublicationWorker');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly results: ResultsService,
    @Inject(PUBLICATION_POLL_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.wake();
    if (this.intervalMs <= 0) return;
    this.timer = setInterval(() => this.wake(), this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Starts a pass now, or one more right after the pass under way (which may have missed the newest job). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Resolves when no pass is under way: for tests and shutdown, not for the work itself. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      const pending = await this.dataSource.getRepository(AwardRoundPublicationEntity).find({
        where: { state: 'pending' },
        order: { requestedAt: 'ASC' },
      });
      for (const job of pending) {
        if (this.stopped) return;
        await this.complete(job);
      }
    } catch (error) {
      this.log.error({ msg: 'publication pass failed', error: (error as Error).message });
    }
  }

  /** One job, as the user who asked for it (the events and the audit trail name them) and under their request. */
  private async complete(job: AwardRoundPublicationEntity): Promise<void> {
    const context = {
      correlationId: job.correlationId,
      causationId: null,
      actor: actorOf(job.requestedBy),
      principal: job.requestedBy,
    };
    const started = performance.now();
    try {
      const done = await runWithContext(context, () =>
        inTransaction(this.dataSource, (manager) => this.results.completePublication(manager, job.roundId)),
      );
      if (done) {
        this.log.log({
          msg: 'award round published',
          roundId: job.roundId,
          ms: Math.round(performance.now() - started),
        });
      }
    } catch (error) {
      const message = (error as Error).message;
      this.log.error({ msg: 'award round publication failed', roundId: job.roundId, error: message });
      await this.dataSource.query(
        `UPDATE award_round_publication
         SET attempts = attempts + 1, last_error = $2,
             state = CASE WHEN attempts + 1 >= $3 THEN 'failed' ELSE state END
         WHERE round_id = $1 AND state = 'pending'`,
        [job.roundId, message.slice(0, 2000), PUBLICATION_MAX_ATTEMPTS],
      );
    }
  }
}
