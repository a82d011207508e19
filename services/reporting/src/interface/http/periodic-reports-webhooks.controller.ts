import { Controller } from '@nestjs/common';
import { webhookRoutes as routes, type RouteAnswer, type RouteInput } from '@kc/contracts';
import { currentPrincipal } from '@kc/auth';
import { Input, Route } from '@kc/http';
import { WebhooksService } from '../../application/periodic-reports/webhooks.service';

/** API clients' webhook subscriptions and their delivery log. */
@Controller()
export class PeriodicReportsWebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Route(routes.create)
  create(@Input() { params, body }: RouteInput<typeof routes.create>): RouteAnswer<typeof routes.create> {
    return this.webhooks.create(currentPrincipal(), params.clientId, body);
  }

  @Route(routes.list)
  list(@Input() { params }: RouteInput<typeof routes.list>): RouteAnswer<typeof routes.list> {
    return this.webhooks.list(currentPrincipal(), params.clientId);
  }

  @Route(routes.deliveries)
  deliveries(
    @Input() { params, query }: RouteInput<typeof routes.deliveries>,
  ): RouteAnswer<typeof routes.deliveries> {
    return this.webhooks.deliveries(
      currentPrincipal(),
      params.clientId,
      params.subscriptionId,
      query.page,
      query.limit,
    );
  }
}
