import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  requestFingerprint,
  type CreateWebhookRequest,
  type Principal,
  type RotateWebhookSecretRequest,
  type UpdateWebhookRequest,
} from '@kc/contracts';
import { ConflictError, ForbiddenError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { inTransaction } from '@kc/persistence';
import { rotateSecrets, SECRET_OVERLAP_SECONDS, type SigningSecrets } from '../../domain/periodic-reports';
import {
  webhookStore,
  type RotationRow,
  type SecretsRow,
  type SubscriptionRow,
} from '../../infrastructure/persistence/periodic-reports/webhook-store';
import { PeriodicReportsClock } from './periodic-reports-clock';
import { assertMayRead, assertOwner, subscriptionNotFound } from './webhook-access';
import { assertWebhookUrl, WEBHOOK_URL_POLICY, type WebhookUrlPolicy } from './webhook-url-policy';

/** 32 random bytes as hex: kept to sign every delivery (HMAC needs the secret itself), shown only once. */
const newSecret = () => randomBytes(32).toString('hex');

/** Who acted, as the subscription's columns record it. */
export const actorRef = (principal: Principal) => `${principal.kind}:${principal.id}`;

export const subscriptionView = (row: SubscriptionRow, now: Date) => ({
  id: row.id,
  clientId: row.client_id,
  provinceCode: row.province_code,
  url: row.url,
  events: row.events,
  active: row.active,
  createdAt: row.created_at.toISOString(),
  secretRotatedAt: row.secret_rotated_at?.toISOString() ?? null,
  previousSecretExpiresAt:
    row.previous_secret_expires_at && row.previous_secret_expires_at > now
      ? row.previous_secret_expires_at.toISOString()
      : null,
  unsubscribedAt: row.unsubscribed_at?.toISOString() ?? null,
});

export const assertSubscribed = (row: SubscriptionRow): void => {
  if (row.unsubscribed_at) {
    throw new ConflictError(
      {
        vi: 'Webhook này đã hủy đăng ký: không thay đổi hay gửi được nữa',
        en: 'This webhook was unsubscribed: it can no longer be changed or sent to',
      },
      'webhook.unsubscribed',
      'subscriptionId',
    );
  }
};

const signingSecretsOf = (row: SecretsRow, now: Date): SigningSecrets => ({
  current: row.secret,
  previous:
    row.previous_secret && row.previous_secret_expires_at && row.previous_secret_expires_at > now
      ? { secret: row.previous_secret, expiresAtMs: row.previous_secret_expires_at.getTime() }
      : null,
});

export interface RotationAnswer {
  view: {
    subscriptionId: string;
    rotation: number;
    secret: string;
    rotatedAt: string;
    previousSecretExpiresAt: string | null;
  };
  replayed: boolean;
}

/**
 * An API client's webhook subscriptions. The client subscribes itself (its token names it and its province);
 * the deliveries it receives are its province's notices, or every province's for a central system. It changes,
 * pauses, rotates the secret of and unsubscribes only its own; the agency's administrators read any. Every change
 * is audited (never a secret).
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: PeriodicReportsClock,
    @Inject(WEBHOOK_URL_POLICY) private readonly urlPolicy: WebhookUrlPolicy,
    private readonly outbox: OutboxWriter,
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
    const secret = newSecret();
    const now = this.clock.now();
    const row = await inTransaction(this.dataSource, async (manager) => {
      const inserted = await webhookStore.insertSubscription(manager, {
        id: randomUUID(),
        clientId,
        provinceCode,
        url: body.url,
        secret,
        events: body.events,
        at: now,
      });
      await this.audit(manager, inserted, 'webhook.subscribe', `Đăng ký webhook ${body.events.join(', ')}`);
      return inserted;
    });
    return { ...subscriptionView(row, now), secret };
  }

  async list(principal: Principal, clientId: string, includeUnsubscribed: boolean) {
    assertMayRead(principal, clientId);
    const rows = await webhookStore.list(this.dataSource.manager, clientId, includeUnsubscribed);
    const now = this.clock.now();
    return { items: rows.map((row) => subscriptionView(row, now)) };
  }

  async get(principal: Principal, clientId: string, subscriptionId: string) {
    assertMayRead(principal, clientId);
    const row = await webhookStore.subscription(this.dataSource.manager, clientId, subscriptionId);
    if (!row) throw subscriptionNotFound();
    return subscriptionView(row, this.clock.now());
  }

  /** A new URL (under the same URL rule), event kinds, or a pause / resume. */
  async update(principal: Principal, clientId: string, subscriptionId: string, body: UpdateWebhookRequest) {
    assertOwner(principal, clientId);
    if (body.url !== undefined) assertWebhookUrl(body.url, this.urlPolicy);
    const now = this.clock.now();
    const row = await inTransaction(this.dataSource, async (manager) => {
      const current = await webhookStore.subscription(manager, clientId, subscriptionId, 'update');
      if (!current) throw subscriptionNotFound();
      assertSubscribed(current);
      const updated = await webhookStore.update(manager, subscriptionId, body, now);
      const changes = [
        body.url !== undefined && body.url !== current.url ? 'địa chỉ mới' : null,
        body.events !== undefined ? `sự kiện ${body.events.join(', ')}` : null,
        body.active === false && current.active ? 'tạm dừng' : null,
        body.active === true && !current.active ? 'tiếp tục' : null,
      ].filter((c) => c !== null);
      await this.audit(
        manager,
        updated,
        'webhook.update',
        `Sửa webhook: ${changes.join('; ') || 'không đổi'}`,
      );
      return updated;
    });
    return subscriptionView(row, now);
  }

  /**
   * Unsubscribes: nothing is sent any more, the pending deliveries are cancelled (kept in the log), both secrets
   * are erased. Unsubscribing again answers the same.
   */
  async unsubscribe(principal: Principal, clientId: string, subscriptionId: string) {
    assertOwner(principal, clientId);
    const now = this.clock.now();
    const row = await inTransaction(this.dataSource, async (manager) => {
      const current = await webhookStore.subscription(manager, clientId, subscriptionId, 'update');
      if (!current) throw subscriptionNotFound();
      if (current.unsubscribed_at) return current;
      const { row: unsubscribed, cancelled } = await webhookStore.unsubscribe(
        manager,
        subscriptionId,
        now,
        actorRef(principal),
      );
      await this.audit(
        manager,
        unsubscribed,
        'webhook.unsubscribe',
        `Hủy đăng ký webhook; hủy ${cancelled} lần gửi đang chờ`,
      );
      return unsubscribed;
    });
    return subscriptionView(row, now);
  }

  /**
   * Rotates the signing secret under an Idempotency-Key kept with the rotation: a retry whose answer was lost
   * must not rotate again (that would retire the secret the receiver still holds), so the same key answers the
   * same secret while no later rotation replaced it. The subscription's row lock orders concurrent rotations.
   */
  async rotateSecret(
    principal: Principal,
    clientId: string,
    subscriptionId: string,
    body: RotateWebhookSecretRequest,
    key: string,
  ): Promise<RotationAnswer> {
    assertOwner(principal, clientId);
    const overlapSeconds = body.overlapSeconds ?? SECRET_OVERLAP_SECONDS;
    const requestHash = requestFingerprint(
      `POST /api/v1/api-clients/${clientId}/webhooks/${subscriptionId}/secret-rotations`,
      { overlapSeconds },
    );
    return inTransaction(this.dataSource, async (manager) => {
      const current = await webhookStore.subscription(manager, clientId, subscriptionId, 'update');
      if (!current) throw subscriptionNotFound();
      const earlier = await webhookStore.rotation(manager, subscriptionId, key);
      if (earlier) return this.replayRotation(manager, current, earlier, requestHash);
      assertSubscribed(current);
      const now = this.clock.now();
      const secrets = rotateSecrets(
        signingSecretsOf(await webhookStore.lockedSecrets(manager, subscriptionId), now),
        newSecret(),
        now.getTime(),
        overlapSeconds,
      );
      const number = current.rotations + 1;
      const previous = secrets.previous && {
        secret: secrets.previous.secret,
        expiresAt: new Date(secrets.previous.expiresAtMs),
      };
      const rotated = await webhookStore.rotate(manager, {
        subscriptionId,
        number,
        key,
        requestHash,
        at: now,
        by: actorRef(principal),
        overlapSeconds,
        secret: secrets.current,
        previous,
      });
      await this.audit(
        manager,
        rotated,
        'webhook.rotate-secret',
        `Đổi khóa ký webhook (lần ${number}); khóa cũ ` +
          (previous ? `còn ký đến ${previous.expiresAt.toISOString()}` : 'hết hiệu lực ngay'),
      );
      return {
        view: {
          subscriptionId,
          rotation: number,
          secret: secrets.current,
          rotatedAt: now.toISOString(),
          previousSecretExpiresAt: previous?.expiresAt.toISOString() ?? null,
        },
        replayed: false,
      };
    });
  }

  private async replayRotation(
    manager: EntityManager,
    current: SubscriptionRow,
    earlier: RotationRow,
    requestHash: string,
  ): Promise<RotationAnswer> {
    if (earlier.request_hash !== requestHash) {
      throw new ConflictError(
        {
          vi: 'Idempotency-Key này đã được dùng cho một lần đổi khóa khác',
          en: 'This Idempotency-Key was already used for a different rotation',
        },
        'idempotency.key-reused',
        'header.idempotency-key',
      );
    }
    if (earlier.number !== current.rotations || current.unsubscribed_at) {
      throw new ConflictError(
        {
          vi: 'Khóa của lần đổi này đã bị thay bởi một lần đổi sau (hoặc webhook đã hủy): không thể trả lại',
          en: 'The secret of this rotation was replaced by a later one (or the webhook unsubscribed): it cannot be shown again',
        },
        'webhook.rotation-superseded',
        'header.idempotency-key',
      );
    }
    const secrets = await webhookStore.lockedSecrets(manager, current.id);
    return {
      view: {
        subscriptionId: current.id,
        rotation: earlier.number,
        secret: secrets.secret,
        rotatedAt: earlier.rotated_at.toISOString(),
        previousSecretExpiresAt: secrets.previous_secret_expires_at?.toISOString() ?? null,
      },
      replayed: true,
    };
  }

  private audit(manager: EntityManager, row: SubscriptionRow, action: string, what: string): Promise<void> {
    return this.outbox.audit(manager, {
      action,
      resourceType: 'webhook-subscription',
      resourceId: row.id,
      provinceCode: row.province_code,
      summary: `${what} (webhook ${row.id} của hệ thống ${row.client_id})`,
    });
  }
}
