import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '@kc/contracts';
import { runWithContext } from '@kc/observability';
import { fairsWithDueWork } from '../infrastructure/persistence/booth-allocation.queries';
import { BoothAllocation } from './booth-allocation';
import { fairOrThrow } from './fair-lookup';
import { inTransaction } from '@kc/persistence';

export const BOOTH_SWEEP_MS = Symbol('BOOTH_SWEEP_MS');

export interface SweepResult {
  fairs: number;
  expired: number;
  promoted: number;
  quotasReleased: number;
}

/**
 * The platform's own rounds through the fairs: holds past their deadline are expired, quotas past their
 * release time return their unused booths to the common pool, and waiting lists are promoted into whatever
 * is free. Requests do the same for their own fair as they come, so this only catches up on quiet fairs.
 * Several instances may sweep at once: every row they change is taken with SKIP LOCKED.
 */
@Injectable()
export class BoothSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('BoothSweeper');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly allocation: BoothAllocation,
    @Inject(BOOTH_SWEEP_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep()
        .catch((error: Error) => this.log.error({ msg: 'booth sweep failed', error: error.message }))
        .finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async sweep(): Promise<SweepResult> {
    const fairs = await fairsWithDueWork(this.dataSource.manager);
    const result: SweepResult = { fairs: fairs.length, expired: 0, promoted: 0, quotasReleased: 0 };
    for (const fairId of fairs) {
      const context = {
        correlationId: randomUUID(),
        causationId: null,
        actor: SYSTEM_ACTOR,
        principal: null,
      };
      // Counted after commit: a transaction run again after a deadlock must not count twice.
      const swept = await runWithContext(context, () =>
        inTransaction(this.dataSource, async (manager) =>
          this.allocation.catchUp(manager, await fairOrThrow(manager, fairId)),
        ),
      ).catch((error: Error) => {
        // One fair's failure must not keep the others waiting; it is tried again on the next round.
        this.log.error({ msg: 'booth sweep of a fair failed', fairId, error: error.message });
        return { expired: 0, promoted: 0, quotasReleased: 0 };
      });
      result.expired += swept.expired;
      result.promoted += swept.promoted;
      result.quotasReleased += swept.quotasReleased;
    }
    return result;
  }
}
