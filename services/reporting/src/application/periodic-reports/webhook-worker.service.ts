import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction, sql } from '@kc/persistence';
import {
  defaultRetryPolicy,
  nextAttempt,
  SIGNATURE_HEADER,
  signatureHeader,
  type RetryPolicy,
} from '../../domain/periodic-reports';
import { PeriodicReportsClock } from './periodic-reports-clock';

/** How long a claimed delivery is left to one worker before another may take it (a crashed worker's lease). */
const LEASE_MS = 60_000;
const BATCH = 20;
const REQUEST_TIMEOUT_MS = 10_000;

interface Claimed {
  id: string;
  event_id: string;
  body: string;
  attempts: number;
  first_attempt_at: Date | null;
  url: string;
  secret: string;
}

/**
 * Delivers the pending webhook deliveries: signs each with the subscription's secret (the domain's KC-Signature),
 * logs every attempt, marks the first 2xx delivered and schedules the next attempt by the domain's backoff
 * otherwise. State lives in the tables — a restart picks up where the last run stopped — and a delivery is
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
         SELECT id FROM webhook_delivery
          WHERE status = 'pending' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
          ORDER BY next_attempt_at
          LIMIT ${BATCH}
          FOR UPDATE SKIP LOCKED)
       UPDATE webhook_delivery d SET lease_until = $2, lease_token = $3
         FROM due, webhook_subscription s
        WHERE d.id = due.id AND s.id = d.subscription_id
       RETURNING d.id, d.event_id, d.body, d.attempts, d.first_attempt_at, s.url, s.secret`,
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
            [delivery.secret],
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
    const firstMs = (delivery.first_attempt_at ?? at).getTime();
    const next = ok
      ? null
      : nextAttempt(this.policy, {
          attemptsMade: number,
          firstAttemptMs: firstMs,
          lastAttemptMs: at.getTime(),
          random: Math.min(this.random(), 0.999_999),
        });
    await inTransaction(this.dataSource, async (manager) => {
      const updated = await sql(
        manager,
        `UPDATE webhook_delivery
            SET attempts = $3, first_attempt_at = coalesce(first_attempt_at, $4), lease_until = NULL,
                lease_token = NULL, status = $5, next_attempt_at = $6, delivered_at = $7
          WHERE id = $1 AND lease_token = $2 RETURNING id`,
        [
          delivery.id,
          token,
          number,
          at,
          ok ? 'delivered' : next?.retry ? 'pending' : 'given-up',
          next?.retry ? new Date(next.atMs) : null,
          ok ? at : null,
        ],
        { inTransaction: true },
      );
      // The lease ran out and another worker took the delivery over: its attempt is the one logged.
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
