import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction, sql } from '@kc/persistence';
import {
  attemptsInRound,
  defaultRetryPolicy,
  nextAttempt,
  secretsInForce,
  SIGNATURE_HEADER,
  signatureHeader,
  statusAfterAttempt,
  type RetryPolicy,
} from '../../domain/periodic-reports';
import { PeriodicReportsClock } from './periodic-reports-clock';

/** How long a claimed delivery is left to one worker before another may take it (a crashed worker's lease). */
const LEASE_MS = 60_000;
const BATCH = 20;
const REQUEST_TIMEOUT_MS = 10_000;

interface Claimed {
  id: string;
  subscription_id: string;
  event_id: string;
  body: string;
  attempts: number;
  round_first_attempt: number;
  round_started_at: Date | null;
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
}

/**
 * Delivers the pending webhook deliveries of active subscriptions (a paused one's wait): signs each with the
 * secrets in force at the attempt (the domain's KC-Signature; two while a rotation's overlap lasts), logs every
 * attempt, marks the first 2xx delivered and schedules the next attempt by the domain's backoff otherwise,
 * counting the attempts of the current round (a redrive opens a new one). State lives in the tables — a restart picks up where the last run stopped — and a delivery is
 * claimed with FOR UPDATE SKIP LOCKED plus a lease, so two workers never send one delivery at once. The clock
 * and the jitter draw are injectable: tests walk the retry schedule without sleeping.
 */
@Injectable()
export class WebhookWorkerService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookWorkerService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  policy: RetryPolicy = defaultRetryPolicy;
  random: () => number = Math.random;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: PeriodicReportsClock,
    private readonly intervalMs: number,
  ) {}

  onModuleInit(): void {
    if (this.intervalMs > 0) {
      this.timer = setInterval(() => {
        if (this.running) return;
        this.running = this.runOnce()
          .catch((error) => {
            this.logger.error(`webhook run failed: ${String(error)}`);
            return 0;
          })
          .finally(() => (this.running = null));
      }, this.intervalMs);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass: the deliveries due now, each tried once. Returns how many were tried. */
  async runOnce(): Promise<number> {
    const token = randomUUID();
    const now = this.clock.now();
    const rows = await sql<Claimed>(
      this.dataSource.manager,
      `WITH due AS (
         SELECT d.id FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
          WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND (d.lease_until IS NULL OR d.lease_until <= $1)
            AND s.active
          ORDER BY d.next_attempt_at
          LIMIT ${BATCH}
          FOR UPDATE OF d SKIP LOCKED)
       UPDATE webhook_delivery d SET lease_until = $2, lease_token = $3
         FROM due, webhook_subscription s
        WHERE d.id = due.id AND s.id = d.subscription_id
       RETURNING d.id, d.subscription_id, d.event_id, d.body, d.attempts, d.round_first_attempt,
                 d.round_started_at, s.url, s.secret, s.previous_secret, s.previous_secret_expires_at`,
      [now, new Date(now.getTime() + LEASE_MS), token],
    );
    for (const delivery of rows) await this.attempt(delivery, token);
    return rows.length;
  }

  private async attempt(delivery: Claimed, token: string): Promise<void> {
    const at = this.clock.now();
    const started = process.hrtime.bigint();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signatureHeader(
            secretsInForce(
              {
                current: delivery.secret,
                previous:
                  delivery.previous_secret && delivery.previous_secret_expires_at
                    ? {
                        secret: delivery.previous_secret,
                        expiresAtMs: delivery.previous_secret_expires_at.getTime(),
                      }
                    : null,
              },
              at.getTime(),
            ),
            Math.floor(at.getTime() / 1000),
            delivery.body,
          ),
          'KC-Event-Id': delivery.event_id,
        },
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      status = response.status;
      await response.body?.cancel();
    } catch (failure) {
      const cause = (failure as { cause?: { code?: string } }).cause;
      error = (cause?.code ?? (failure as Error).name ?? 'error').slice(0, 200);
    }
    const latencyMs = Number((process.hrtime.bigint() - started) / 1_000_000n);
    const ok = status !== null && status >= 200 && status < 300;
    const number = delivery.attempts + 1;
    const next = ok
      ? null
      : nextAttempt(this.policy, {
          attemptsMade: attemptsInRound(number, delivery.round_first_attempt),
          firstAttemptMs: (delivery.round_started_at ?? at).getTime(),
          lastAttemptMs: at.getTime(),
          random: Math.min(this.random(), 0.999_999),
        });
    await inTransaction(this.dataSource, async (manager) => {
      // Held against a concurrent unsubscribe, which leaves a delivery in flight to its worker: read after the
      // lock, an unsubscribe that committed first cancels the delivery here (unless it was received).
      const [subscription] = await sql<{ unsubscribed: boolean }>(
        manager,
        `SELECT unsubscribed_at IS NOT NULL AS unsubscribed FROM webhook_subscription WHERE id = $1 FOR SHARE`,
        [delivery.subscription_id],
        { inTransaction: true },
      );
      const outcome = statusAfterAttempt({
        ok,
        retry: next?.retry ?? false,
        unsubscribed: subscription.unsubscribed,
      });
      const updated = await sql(
        manager,
        `UPDATE webhook_delivery
            SET attempts = $3, first_attempt_at = coalesce(first_attempt_at, $4),
                round_started_at = coalesce(round_started_at, $4), lease_until = NULL, lease_token = NULL,
                status = $5, next_attempt_at = $6, delivered_at = $7, cancelled_at = $8
          WHERE id = $1 AND lease_token = $2 AND status = 'pending' RETURNING id`,
        [
          delivery.id,
          token,
          number,
          at,
          outcome,
          outcome === 'pending' && next?.retry ? new Date(next.atMs) : null,
          outcome === 'delivered' ? at : null,
          outcome === 'cancelled' ? at : null,
        ],
        { inTransaction: true },
      );
      // The lease ran out and another worker took the delivery over (or an unsubscribe cancelled it once the
      // lease had run out): that one's outcome is the one logged.
      if (updated.length === 0) return;
      await sql(
        manager,
        `INSERT INTO webhook_attempt (delivery_id, number, at, http_status, latency_ms, error)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [delivery.id, number, at, status, latencyMs, error ?? (ok ? null : `HTTP ${status}`)],
        { inTransaction: true },
      );
    });
  }
}
