import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal, WebhookDeliveryView } from '@kc/contracts';
import { ConflictError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { inTransaction } from '@kc/persistence';
import { mayRedrive, type WebhookDeliveryStatus } from '../../domain/periodic-reports';
import {
  webhookStore,
  type DeliveryRow,
  type SubscriptionRow,
} from '../../infrastructure/persistence/periodic-reports/webhook-store';
import { PeriodicReportsClock } from './periodic-reports-clock';
import { assertMayRead, assertOwner, deliveryNotFound, subscriptionNotFound } from './webhook-access';
import { actorRef, assertSubscribed } from './webhooks.service';

const deliveryView = (r: DeliveryRow): WebhookDeliveryView => ({
  id: r.id,
  eventId: r.event_id,
  kind: r.kind as WebhookDeliveryView['kind'],
  status: r.status,
  attempts: r.attempts.map((a) => ({ ...a, at: new Date(a.at).toISOString() })),
  nextAttemptAt: r.next_attempt_at?.toISOString() ?? null,
  deliveredAt: r.delivered_at?.toISOString() ?? null,
  cancelledAt: r.cancelled_at?.toISOString() ?? null,
  redrives: r.redrives,
  redrivenAt: r.redriven_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
});

const notRedrivable = (status: WebhookDeliveryStatus) =>
  status === 'delivered'
    ? new ConflictError(
        {
          vi: 'Lần gửi này đã được nhận: mỗi sự kiện chỉ được gửi thành công một lần',
          en: 'This delivery was received: an event is delivered once',
        },
        'webhook.already-delivered',
        'deliveryId',
      )
    : status === 'pending'
      ? new ConflictError(
          {
            vi: 'Lần gửi này vẫn đang được thử lại: chỉ gửi lại được lần gửi đã bỏ cuộc',
            en: 'This delivery is still being tried: only a given-up delivery is redriven',
          },
          'webhook.still-pending',
          'deliveryId',
        )
      : new ConflictError(
          {
            vi: 'Lần gửi này đã bị hủy khi webhook hủy đăng ký',
            en: 'This delivery was cancelled when the webhook unsubscribed',
          },
          'webhook.unsubscribed',
          'deliveryId',
        );

/**
 * A subscription's delivery log, redriving a given-up delivery, and the test event. The client reads and
 * redrives its own; an administrator of the agency reads and redrives any (to help a province whose system was
 * down longer than the retries last). Only the client sends itself a test event.
 */
@Injectable()
export class WebhookDeliveriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: PeriodicReportsClock,
    private readonly outbox: OutboxWriter,
  ) {}

  async list(
    principal: Principal,
    clientId: string,
    subscriptionId: string,
    query: { status?: WebhookDeliveryStatus; page: number; limit: number },
  ): Promise<{ items: WebhookDeliveryView[]; page: number; limit: number; total: number }> {
    assertMayRead(principal, clientId);
    const manager = this.dataSource.manager;
    if (!(await webhookStore.subscription(manager, clientId, subscriptionId))) throw subscriptionNotFound();
    const { rows, total } = await webhookStore.deliveries(manager, subscriptionId, query);
    return { items: rows.map(deliveryView), page: query.page, limit: query.limit, total };
  }

  /**
   * A given-up delivery becomes due now with a fresh attempt budget. Only a given-up one — which never got a
   * 2xx — moves, so an event id still reaches the receiver once at most; the subscription's row is held
   * against a concurrent unsubscribe.
   */
  async redrive(
    principal: Principal,
    clientId: string,
    subscriptionId: string,
    deliveryId: string,
  ): Promise<WebhookDeliveryView> {
    assertMayRead(principal, clientId);
    return inTransaction(this.dataSource, async (manager) => {
      const subscription = await webhookStore.subscription(manager, clientId, subscriptionId, 'share');
      if (!subscription) throw subscriptionNotFound();
      const before = await webhookStore.delivery(manager, subscriptionId, deliveryId);
      if (!before) throw deliveryNotFound();
      if (!mayRedrive(before.status)) throw notRedrivable(before.status);
      assertSubscribed(subscription);
      const now = this.clock.now();
      if (!(await webhookStore.redrive(manager, subscriptionId, deliveryId, now, actorRef(principal)))) {
        // Its worker's last attempt or another redrive got there first.
        const raced = await webhookStore.delivery(manager, subscriptionId, deliveryId);
        throw notRedrivable(raced!.status);
      }
      await this.audit(
        manager,
        subscription,
        deliveryId,
        'webhook.redrive',
        `Gửi lại sự kiện ${before.event_id} (${before.kind}) sau ${before.attempts.length} lần thử`,
      );
      return deliveryView((await webhookStore.delivery(manager, subscriptionId, deliveryId))!);
    });
  }

  /** A signed `webhook.ping` event, due now, logged like any delivery: to check an endpoint and its secret. */
  async ping(principal: Principal, clientId: string, subscriptionId: string): Promise<WebhookDeliveryView> {
    assertOwner(principal, clientId);
    return inTransaction(this.dataSource, async (manager) => {
      const subscription = await webhookStore.subscription(manager, clientId, subscriptionId, 'share');
      if (!subscription) throw subscriptionNotFound();
      assertSubscribed(subscription);
      const now = this.clock.now();
      const id = randomUUID();
      const eventId = randomUUID();
      await webhookStore.insertPing(manager, {
        id,
        subscriptionId,
        eventId,
        at: now,
        body: JSON.stringify({
          id: eventId,
          type: 'webhook.ping',
          occurredAt: now.toISOString(),
          data: {
            subscriptionId,
            clientId,
            message: {
              vi: 'Sự kiện thử của webhook khuyến công',
              en: 'A test event of the khuyến công webhook',
            },
          },
        }),
      });
      await this.audit(manager, subscription, id, 'webhook.ping', `Gửi sự kiện thử ${eventId}`);
      return deliveryView((await webhookStore.delivery(manager, subscriptionId, id))!);
    });
  }

  private audit(
    manager: EntityManager,
    subscription: SubscriptionRow,
    deliveryId: string,
    action: string,
    what: string,
  ): Promise<void> {
    return this.outbox.audit(manager, {
      action,
      resourceType: 'webhook-delivery',
      resourceId: deliveryId,
      provinceCode: subscription.province_code,
      summary: `${what} (webhook ${subscription.id} của hệ thống ${subscription.client_id})`,
    });
  }
}
