import { Controller } from '@nestjs/common';
import { currentPrincipal } from '@kc/auth';
import { tradeFairRoutes as routes, type RouteInput, type RouteAnswer } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { BoothsService } from '../../application/booths.service';

/**
 * A fair's booths, quotas and registration window, read by every role. Booths and the window are set by the
 * agency or the fair's own organiser; the provinces' quotas by the agency alone.
 */
@Controller()
export class BoothsController {
  constructor(private readonly booths: BoothsService) {}

  @Route(routes.addBooths)
  add(@Input() { params, body }: RouteInput<typeof routes.addBooths>): RouteAnswer<typeof routes.addBooths> {
    return this.booths.addBooths(currentPrincipal(), params.id, body);
  }

  @Route(routes.booths)
  list(@Input() { params }: RouteInput<typeof routes.booths>): RouteAnswer<typeof routes.booths> {
    return this.booths.listBooths(params.id);
  }

  @Route(routes.setQuotas)
  setQuotas(
    @Input() { params, body }: RouteInput<typeof routes.setQuotas>,
  ): RouteAnswer<typeof routes.setQuotas> {
    return this.booths.setQuotas(params.id, body);
  }

  @Route(routes.quotas)
  quotas(@Input() { params }: RouteInput<typeof routes.quotas>): RouteAnswer<typeof routes.quotas> {
    return this.booths.listQuotas(params.id);
  }

  @Route(routes.setWindow)
  setWindow(
    @Input() { params, body }: RouteInput<typeof routes.setWindow>,
  ): RouteAnswer<typeof routes.setWindow> {
    return this.booths.setRegistrationWindow(currentPrincipal(), params.id, body);
  }
}
