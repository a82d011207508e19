import { Controller, Headers, Res } from '@nestjs/common';
import type { Response } from 'express';
import { webhookRoutes as routes, type RouteAnswer, type RouteInput } from '@kc/contracts';
import { currentPrincipal } from '@kc/auth';
import { Input, requiredIdempotencyKey, Route } from '@kc/http';
import { WebhookDeliveriesService } from '../../application/periodic-reports/webhook-deliveries.service';
import { WebhooksService } from '../../application/periodic-reports/webhooks.service';

/** Why this write needs an Idempotency-Key (the service keeps it in the write's transaction). */
const KEY_NEEDED = {
  vi: 'Đổi khóa ký cần có Idempotency-Key (thử lại không được đổi khóa lần nữa)',
  en: 'a secret rotation needs an Idempotency-Key (a retry must not rotate again)',
};

/** API clients' webhook subscriptions, their secrets and their delivery log. */
@Controller()
export class PeriodicReportsWebhooksController {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  @Route(routes.create)
  create(@Input() { params, body }: RouteInput<typeof routes.create>): RouteAnswer<typeof routes.create> {
    return this.webhooks.create(currentPrincipal(), params.clientId, body);
  }

  @Route(routes.list)
  list(@Input() { params, query }: RouteInput<typeof routes.list>): RouteAnswer<typeof routes.list> {
    return this.webhooks.list(currentPrincipal(), params.clientId, query.includeUnsubscribed === 'true');
  }

  @Route(routes.get)
  get(@Input() { params }: RouteInput<typeof routes.get>): RouteAnswer<typeof routes.get> {
    return this.webhooks.get(currentPrincipal(), params.clientId, params.subscriptionId);
  }

  @Route(routes.update)
  update(@Input() { params, body }: RouteInput<typeof routes.update>): RouteAnswer<typeof routes.update> {
    return this.webhooks.update(currentPrincipal(), params.clientId, params.subscriptionId, body);
  }

  @Route(routes.unsubscribe)
  unsubscribe(
    @Input() { params }: RouteInput<typeof routes.unsubscribe>,
  ): RouteAnswer<typeof routes.unsubscribe> {
    return this.webhooks.unsubscribe(currentPrincipal(), params.clientId, params.subscriptionId);
  }

  @Route(routes.rotateSecret)
  async rotateSecret(
    @Input() { params, body }: RouteInput<typeof routes.rotateSecret>,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): RouteAnswer<typeof routes.rotateSecret> {
    const { view, replayed } = await this.webhooks.rotateSecret(
      currentPrincipal(),
      params.clientId,
      params.subscriptionId,
      body,
      requiredIdempotencyKey(key, KEY_NEEDED),
    );
    if (replayed) res.setHeader('idempotent-replayed', 'true');
    return view;
  }

  @Route(routes.ping)
  ping(@Input() { params }: RouteInput<typeof routes.ping>): RouteAnswer<typeof routes.ping> {
    return this.deliveries.ping(currentPrincipal(), params.clientId, params.subscriptionId);
  }

  @Route(routes.deliveries)
  deliveryLog(
    @Input() { params, query }: RouteInput<typeof routes.deliveries>,
  ): RouteAnswer<typeof routes.deliveries> {
    return this.deliveries.list(currentPrincipal(), params.clientId, params.subscriptionId, query);
  }

  @Route(routes.redrive)
  redrive(@Input() { params }: RouteInput<typeof routes.redrive>): RouteAnswer<typeof routes.redrive> {
    return this.deliveries.redrive(
      currentPrincipal(),
      params.clientId,
      params.subscriptionId,
      params.deliveryId,
    );
  }
}
