import { Controller } from '@nestjs/common';
import { notificationRoutes as routes, type RouteAnswer, type RouteInput } from '@kc/contracts';
import { currentPrincipal } from '@kc/auth';
import { Input, Route } from '@kc/http';
import { NotificationsService } from '../../application/periodic-reports/notifications.service';

/** The caller's notification list (returns, approvals, reminders, overdue notices). */
@Controller()
export class PeriodicReportsNotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Route(routes.list)
  list(@Input() { query }: RouteInput<typeof routes.list>): RouteAnswer<typeof routes.list> {
    return this.notifications.list(currentPrincipal(), query);
  }

  @Route(routes.markRead)
  markRead(@Input() { params }: RouteInput<typeof routes.markRead>): RouteAnswer<typeof routes.markRead> {
    return this.notifications.markRead(currentPrincipal(), params.id);
  }
}
