import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { REDIS, type Redis } from '@kc/cache';
import { IdempotencyStore } from '../infrastructure/idempotency/idempotency.store';
import { Revocations } from '../infrastructure/identity/revocations.store';

export interface HousekeepingSettings {
  /** How often Redis is asked whether the revocation markers are complete (0: only at boot and reconnect). */
  revocationCheckMs: number;
  /** How often expired idempotency records and revoked tokens are deleted (0: never). */
  sweepMs: number;
}
export const HOUSEKEEPING_SETTINGS = Symbol('HOUSEKEEPING_SETTINGS');

const SWEEP_BATCH = 1_000;
/** A round deletes at most this many batches, so one round stays short; the next one continues. */
const SWEEP_BATCHES = 50;
const RESTORE_ATTEMPTS = 3;

/**
 * The gateway's own rounds. Revocation markers: rewritten from the database at boot and at every reconnect to
 * Redis (it may have restarted empty), and whenever the sentinel is found missing (a FLUSH) — until then every
 * service refuses tokens with 503. Expired idempotency records and revoked tokens: deleted in bounded batches.
 * Several gateways may do all of this at once: restores are idempotent, sweeps skip each other's rows.
 */
@Injectable()
export class Housekeeping implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Housekeeping');
  private readonly timers: NodeJS.Timeout[] = [];
  /** The rounds under way: a round still running when its next is due (Redis or the database slow) is skipped. */
  private readonly running = new Set<Promise<unknown>>();
  private restoring?: Promise<void>;
  private restoreAfterThisOne = false;
  private readonly onReconnect = () => {
    // A restore under way may have written to the Redis that just went away: one more after it.
    if (this.restoring) this.restoreAfterThisOne = true;
    else void this.restoreRevocations('Redis reconnected');
  };

  constructor(
    private readonly revocations: Revocations,
    private readonly idempotency: IdempotencyStore,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(HOUSEKEEPING_SETTINGS) private readonly settings: HousekeepingSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.redis.on('ready', this.onReconnect);
    await this.restoreRevocations('gateway started');
    const { revocationCheckMs, sweepMs } = this.settings;
    if (revocationCheckMs > 0) this.every(revocationCheckMs, () => this.checkRevocations());
    if (sweepMs > 0) this.every(sweepMs, () => this.sweep());
  }

  async onApplicationShutdown(): Promise<void> {
    this.timers.forEach(clearInterval);
    this.redis.off('ready', this.onReconnect);
    await Promise.all([this.restoring, ...this.running]);
  }

  /** Restores the markers if the sentinel is gone; true if it was (or a restore was under way). */
  async checkRevocations(): Promise<boolean> {
    if (this.restoring) {
      await this.restoring;
      return true;
    }
    if (await this.revocations.complete()) return false;
    await this.restoreRevocations('revocation markers missing (Redis flushed or restarted)');
    return true;
  }

  async sweep(): Promise<{ idempotencyRecords: number; revokedTokens: number }> {
    const drain = async (sweepBatch: (limit: number) => Promise<number>) => {
      let total = 0;
      for (let batch = 0; batch < SWEEP_BATCHES; batch++) {
        const deleted = await sweepBatch(SWEEP_BATCH);
        total += deleted;
        if (deleted < SWEEP_BATCH) break;
      }
      return total;
    };
    return {
      idempotencyRecords: await drain((limit) => this.idempotency.sweepExpired(limit)),
      revokedTokens: await drain((limit) => this.revocations.sweepExpired(limit)),
    };
  }

  /** One restore at a time; a restore interrupted by another flush is tried again. */
  private restoreRevocations(reason: string): Promise<void> {
    this.restoring ??= (async () => {
      try {
        for (let attempt = 1; attempt <= RESTORE_ATTEMPTS; attempt++) {
          const markers = await this.revocations.restore();
          if (markers !== null) {
            this.log.log({ msg: 'revocation markers restored', reason, markers });
            return;
          }
        }
        this.log.warn({ msg: 'revocation markers not restored: Redis was flushed again meanwhile', reason });
      } catch (error) {
        this.log.error({ msg: 'revocation markers not restored', reason, error: String(error) });
      } finally {
        this.restoring = undefined;
        if (this.restoreAfterThisOne) {
          this.restoreAfterThisOne = false;
          void this.restoreRevocations('Redis reconnected during a restore');
        }
      }
    })();
    return this.restoring;
  }

  private every(ms: number, round: () => Promise<unknown>): void {
    let current: Promise<unknown> | undefined;
    const timer = setInterval(() => {
      if (current) return;
      current = round()
        .catch((error: Error) => this.log.error({ msg: 'housekeeping failed', error: error.message }))
        .finally(() => {
          this.running.delete(current!);
          current = undefined;
        });
      this.running.add(current);
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }
}
