import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CreateWebhookRequest, Principal, WebhookDeliveryView, WebhookEventKind } from '@kc/contracts';
import { ForbiddenError, NotFoundError } from '@kc/errors';
import { PeriodicReportsClock } from './periodic-reports-clock';
import { assertWebhookUrl, WEBHOOK_URL_POLICY, type WebhookUrlPolicy } from './webhook-url-policy';

interface SubscriptionRow {
  id: string;
  client_id: string;
  province_code: string | null;
  url: string;
  events: WebhookEventKind[];
  active: boolean;
  created_at: Date;
}

const view = (row: SubscriptionRow) => ({
  id: row.id,
  clientId: row.client_id,
  provinceCode: row.province_code,
  url: row.url,
  events: row.events,
  active: row.active,
  createdAt: row.created_at.toISOString(),
});

/**
 * An API client's webhook subscriptions. The client subscribes itself (its token names it and its province);
 * the deliveries it receives are its province's notices, or every province's for a central system. The agency's
 * administrators read any client's subscriptions and delivery log.
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: PeriodicReportsClock,
    @Inject(WEBHOOK_URL_POLICY) private readonly urlPolicy: WebhookUrlPolicy,
  ) {}

  async create(principal: Principal, clientId: string, body: CreateWebhookRequest) {
    if (principal.kind !== 'client' || principal.id !== clientId) {
      throw new ForbiddenError(
        {
          vi: 'Chỉ chính hệ thống tích hợp đăng ký webhook của mình',
          en: 'Only the API client itself subscribes its webhooks',
        },
        'webhook.client-only',
      );
    }
    const provinceCode = principal.role === 'province-officer' ? (principal.provinceCode ?? null) : null;
    if (
      principal.role !== 'province-officer' &&
      !['central-admin', 'central-officer'].includes(principal.role)
    ) {
      throw new ForbiddenError(
        {
          vi: 'Hệ thống tích hợp này không nhận thông báo báo cáo',
          en: 'This client receives no report notices',
        },
        'webhook.client-only',
      );
    }
    assertWebhookUrl(body.url, this.urlPolicy);
    // 32 random bytes: shown once in this answer, kept to sign every delivery (HMAC needs the secret itself).
    const secret = randomBytes(32).toString('hex');
    const [row] = await this.dataSource.query(
      `INSERT INTO webhook_subscription (id, client_id, province_code, url, secret, events, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING id, client_id, province_code, url, events, active, created_at`,
      [randomUUID(), clientId, provinceCode, body.url, secret, body.events, this.clock.now()],
    );
    return { ...view(row), secret };
  }

  async list(principal: Principal, clientId: string) {
    this.assertMayRead(principal, clientId);
    const rows: SubscriptionRow[] = await this.dataSource.query(
      `SELECT id, client_id, province_code, url, events, active, created_at
         FROM webhook_subscription WHERE client_id = $1 ORDER BY created_at`,
      [clientId],
    );
    return { items: rows.map(view) };
  }

  async deliveries(
    principal: Principal,
    clientId: string,
    subscriptionId: string,
    page: number,
    limit: number,
  ): Promise<{ items: WebhookDeliveryView[]; page: number; limit: number; total: number }> {
    this.assertMayRead(principal, clientId);
    const [subscription] = await this.dataSource.query(
      `SELECT id FROM webhook_subscription WHERE id = $1 AND client_id = $2`,
      [subscriptionId, clientId],
    );
    if (!subscription) {
      throw new NotFoundError(
        { vi: 'Không tìm thấy webhook này', en: 'Webhook subscription not found' },
        'webhook.not-found',
        'subscriptionId',
      );
    }
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM webhook_delivery WHERE subscription_id = $1`,
      [subscriptionId],
    );
    const rows = await this.dataSource.query(
      `SELECT d.id, d.event_id, d.kind, d.status, d.next_attempt_at, d.delivered_at, d.created_at,
              coalesce(json_agg(json_build_object('number', a.number, 'at', a.at, 'httpStatus', a.http_status,
                'latencyMs', a.latency_ms, 'error', a.error) ORDER BY a.number)
                FILTER (WHERE a.number IS NOT NULL), '[]') AS attempts
         FROM webhook_delivery d LEFT JOIN webhook_attempt a ON a.delivery_id = d.id
        WHERE d.subscription_id = $1
        GROUP BY d.id ORDER BY d.created_at DESC, d.id LIMIT $2 OFFSET $3`,
      [subscriptionId, limit, (page - 1) * limit],
    );
    return {
      items: rows.map(
        (r: {
          id: string;
          event_id: string;
          kind: WebhookEventKind;
          status: 'pending' | 'delivered' | 'given-up';
          next_attempt_at: Date | null;
          delivered_at: Date | null;
          created_at: Date;
          attempts: {
            number: number;
            at: string;
            httpStatus: number | null;
            latencyMs: number;
            error: string | null;
          }[];
        }) => ({
          id: r.id,
          eventId: r.event_id,
          kind: r.kind,
          status: r.status,
          attempts: r.attempts.map((a) => ({ ...a, at: new Date(a.at).toISOString() })),
          nextAttemptAt: r.next_attempt_at?.toISOString() ?? null,
          deliveredAt: r.delivered_at?.toISOString() ?? null,
          createdAt: r.created_at.toISOString(),
        }),
      ),
      page,
      limit,
      total,
    };
  }

  private assertMayRead(principal: Principal, clientId: string): void {
    if (principal.role === 'central-admin' || (principal.kind === 'client' && principal.id === clientId))
      return;
    // Another client's hooks are not disclosed.
    throw new NotFoundError(
      { vi: 'Không tìm thấy hệ thống tích hợp này', en: 'API client not found' },
      'webhook.client-not-found',
      'clientId',
    );
  }
}
