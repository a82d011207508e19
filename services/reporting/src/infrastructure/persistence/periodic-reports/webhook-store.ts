import type { EntityManager } from 'typeorm';
import { sql } from '@kc/persistence';
import type { WebhookEventKind } from '@kc/contracts';
import type { WebhookDeliveryStatus } from '../../../domain/periodic-reports';

/** A subscription as its views show it: never a secret. */
export interface SubscriptionRow {
  id: string;
  client_id: string;
  province_code: string | null;
  url: string;
  events: WebhookEventKind[];
  active: boolean;
  created_at: Date;
  rotations: number;
  secret_rotated_at: Date | null;
  previous_secret_expires_at: Date | null;
  unsubscribed_at: Date | null;
}

/** The signing secrets, read only where a rotation needs them (under the row lock). */
export interface SecretsRow {
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
}

export interface DeliveryRow {
  id: string;
  event_id: string;
  kind: string;
  status: WebhookDeliveryStatus;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
  cancelled_at: Date | null;
  redrives: number;
  redriven_at: Date | null;
  created_at: Date;
  attempts: {
    number: number;
    at: string;
    httpStatus: number | null;
    latencyMs: number;
    error: string | null;
  }[];
}

export interface RotationRow {
  number: number;
  request_hash: string;
  rotated_at: Date;
}

const SUBSCRIPTION_COLUMNS = `id, client_id, province_code, url, events, active, created_at, rotations,
  secret_rotated_at, previous_secret_expires_at, unsubscribed_at`;

const DELIVERY_SELECT = `
  SELECT d.id, d.event_id, d.kind, d.status, d.next_attempt_at, d.delivered_at, d.cancelled_at, d.redrives,
         d.redriven_at, d.created_at,
         coalesce(json_agg(json_build_object('number', a.number, 'at', a.at, 'httpStatus', a.http_status,
           'latencyMs', a.latency_ms, 'error', a.error) ORDER BY a.number)
           FILTER (WHERE a.number IS NOT NULL), '[]') AS attempts
    FROM webhook_delivery d LEFT JOIN webhook_attempt a ON a.delivery_id = d.id`;

/**
 * The webhook tables as the management use cases need them. Secrets are read by `lockedSecrets` alone (and by
 * the worker's claim), so no view query can leak one.
 */
export const webhookStore = {
  async insertSubscription(
    manager: EntityManager,
    row: {
      id: string;
      clientId: string;
      provinceCode: string | null;
      url: string;
      secret: string;
      events: string[];
      at: Date;
    },
  ): Promise<SubscriptionRow> {
    const [inserted] = await sql<SubscriptionRow>(
      manager,
      `INSERT INTO webhook_subscription (id, client_id, province_code, url, secret, events, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [row.id, row.clientId, row.provinceCode, row.url, row.secret, row.events, row.at],
      { inTransaction: true },
    );
    return inserted;
  },

  list(manager: EntityManager, clientId: string, includeUnsubscribed: boolean): Promise<SubscriptionRow[]> {
    return sql<SubscriptionRow>(
      manager,
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscription
        WHERE client_id = $1 AND ($2 OR unsubscribed_at IS NULL) ORDER BY created_at, id`,
      [clientId, includeUnsubscribed],
    );
  },

  /**
   * One subscription of the client; `lock` takes its row for the transaction (`update` before changing it,
   * `share` to keep it from being unsubscribed meanwhile).
   */
  async subscription(
    manager: EntityManager,
    clientId: string,
    id: string,
    lock?: 'update' | 'share',
  ): Promise<SubscriptionRow | null> {
    const [row] = await sql<SubscriptionRow>(
      manager,
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscription WHERE id = $1 AND client_id = $2
       ${lock === 'update' ? 'FOR UPDATE' : lock === 'share' ? 'FOR SHARE' : ''}`,
      [id, clientId],
      { inTransaction: lock !== undefined },
    );
    return row ?? null;
  },

  async lockedSecrets(manager: EntityManager, id: string): Promise<SecretsRow> {
    const [row] = await sql<SecretsRow>(
      manager,
      `SELECT secret, previous_secret, previous_secret_expires_at FROM webhook_subscription WHERE id = $1 FOR UPDATE`,
      [id],
      { inTransaction: true },
    );
    return row;
  },

  async update(
    manager: EntityManager,
    id: string,
    change: { url?: string; events?: string[]; active?: boolean },
    at: Date,
  ): Promise<SubscriptionRow> {
    const [row] = await sql<SubscriptionRow>(
      manager,
      `UPDATE webhook_subscription
          SET url = coalesce($2, url), events = coalesce($3, events), active = coalesce($4, active), updated_at = $5
        WHERE id = $1 RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [id, change.url ?? null, change.events ?? null, change.active ?? null, at],
      { inTransaction: true },
    );
    return row;
  },

  rotation(manager: EntityManager, subscriptionId: string, key: string): Promise<RotationRow | null> {
    return sql<RotationRow>(
      manager,
      `SELECT number, request_hash, rotated_at FROM webhook_secret_rotation
        WHERE subscription_id = $1 AND idempotency_key = $2`,
      [subscriptionId, key],
    ).then((rows) => rows[0] ?? null);
  },

  /** Records rotation number `number` and sets the secrets it leaves, in the caller's transaction. */
  async rotate(
    manager: EntityManager,
    rotation: {
      subscriptionId: string;
      number: number;
      key: string;
      requestHash: string;
      at: Date;
      by: string;
      overlapSeconds: number;
      secret: string;
      previous: { secret: string; expiresAt: Date } | null;
    },
  ): Promise<SubscriptionRow> {
    await sql(
      manager,
      `INSERT INTO webhook_secret_rotation
         (subscription_id, number, idempotency_key, request_hash, rotated_at, rotated_by, overlap_seconds)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        rotation.subscriptionId,
        rotation.number,
        rotation.key,
        rotation.requestHash,
        rotation.at,
        rotation.by,
        rotation.overlapSeconds,
      ],
      { inTransaction: true },
    );
    const [row] = await sql<SubscriptionRow>(
      manager,
      `UPDATE webhook_subscription
          SET secret = $2, previous_secret = $3, previous_secret_expires_at = $4, rotations = $5,
              secret_rotated_at = $6, updated_at = $6
        WHERE id = $1 RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [
        rotation.subscriptionId,
        rotation.secret,
        rotation.previous?.secret ?? null,
        rotation.previous?.expiresAt ?? null,
        rotation.number,
        rotation.at,
      ],
      { inTransaction: true },
    );
    return row;
  },

  /**
   * Unsubscribes: paused for good, both secrets erased, and every pending delivery not in a worker's hands
   * cancelled (one in flight is finished by its worker, which cancels it unless it was received). Returns the
   * row and how many deliveries were cancelled.
   */
  async unsubscribe(
    manager: EntityManager,
    id: string,
    at: Date,
    by: string,
  ): Promise<{ row: SubscriptionRow; cancelled: number }> {
    const [row] = await sql<SubscriptionRow>(
      manager,
      `UPDATE webhook_subscription
          SET active = false, secret = NULL, previous_secret = NULL, previous_secret_expires_at = NULL,
              unsubscribed_at = $2, unsubscribed_by = $3, updated_at = $2
        WHERE id = $1 RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [id, at, by],
      { inTransaction: true },
    );
    const cancelled = await sql(
      manager,
      `UPDATE webhook_delivery
          SET status = 'cancelled', cancelled_at = $2, next_attempt_at = NULL, lease_until = NULL, lease_token = NULL
        WHERE subscription_id = $1 AND status = 'pending' AND (lease_until IS NULL OR lease_until <= $2)
       RETURNING id`,
      [id, at],
      { inTransaction: true },
    );
    return { row, cancelled: cancelled.length };
  },

  async deliveries(
    manager: EntityManager,
    subscriptionId: string,
    filter: { status?: WebhookDeliveryStatus; page: number; limit: number },
  ): Promise<{ rows: DeliveryRow[]; total: number }> {
    const status = filter.status ?? null;
    const [{ total }] = await sql<{ total: number }>(
      manager,
      `SELECT count(*)::int AS total FROM webhook_delivery
        WHERE subscription_id = $1 AND ($2::text IS NULL OR status = $2)`,
      [subscriptionId, status],
    );
    const rows = await sql<DeliveryRow>(
      manager,
      `${DELIVERY_SELECT}
        WHERE d.subscription_id = $1 AND ($2::text IS NULL OR d.status = $2)
        GROUP BY d.id ORDER BY d.created_at DESC, d.id LIMIT $3 OFFSET $4`,
      [subscriptionId, status, filter.limit, (filter.page - 1) * filter.limit],
    );
    return { rows, total };
  },

  async delivery(manager: EntityManager, subscriptionId: string, id: string): Promise<DeliveryRow | null> {
    const [row] = await sql<DeliveryRow>(
      manager,
      `${DELIVERY_SELECT} WHERE d.id = $1 AND d.subscription_id = $2 GROUP BY d.id`,
      [id, subscriptionId],
    );
    return row ?? null;
  },

  /**
   * Puts a given-up delivery back to pending, due at `at`, with a fresh attempt budget (a new round counted from
   * its next attempt). Only a given-up one moves: returns false for any other status.
   */
  async redrive(
    manager: EntityManager,
    subscriptionId: string,
    id: string,
    at: Date,
    by: string,
  ): Promise<boolean> {
    const updated = await sql(
      manager,
      `UPDATE webhook_delivery
          SET status = 'pending', next_attempt_at = $3, redrives = redrives + 1, redriven_at = $3,
              redriven_by = $4, round_first_attempt = attempts + 1, round_started_at = NULL
        WHERE id = $1 AND subscription_id = $2 AND status = 'given-up' RETURNING id`,
      [id, subscriptionId, at, by],
      { inTransaction: true },
    );
    return updated.length === 1;
  },

  /** A test event for one subscription, due at once. */
  async insertPing(
    manager: EntityManager,
    ping: { id: string; subscriptionId: string; eventId: string; body: string; at: Date },
  ): Promise<void> {
    await sql(
      manager,
      `INSERT INTO webhook_delivery (id, subscription_id, event_id, kind, body, status, next_attempt_at, created_at)
       VALUES ($1, $2, $3, 'webhook.ping', $4, 'pending', $5, $5)`,
      [ping.id, ping.subscriptionId, ping.eventId, ping.body, ping.at],
      { inTransaction: true },
    );
  },
};
