import { Controller } from '@nestjs/common';
import { currentPrincipal } from '@kc/auth';
import { awardJuryRoutes as routes, type RouteAnswer, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { JuriesService } from '../../application/juries.service';

@Controller()
export class JuriesController {
  constructor(private readonly juries: JuriesService) {}

  @Route(routes.setCouncil)
  setCouncil(
    @Input() { params, body }: RouteInput<typeof routes.setCouncil>,
  ): RouteAnswer<typeof routes.setCouncil> {
    return this.juries.setCouncil(currentPrincipal(), params.id, body);
  }

  @Route(routes.council)
  council(@Input() { params }: RouteInput<typeof routes.council>): RouteAnswer<typeof routes.council> {
    return this.juries.council(currentPrincipal(), params.id);
  }

  @Route(routes.panels)
  panels(@Input() { params }: RouteInput<typeof routes.panels>): RouteAnswer<typeof routes.panels> {
    return this.juries.panels(currentPrincipal(), params.id);
  }

  @Route(routes.recuse)
  recuse(@Input() { params, body }: RouteInput<typeof routes.recuse>): RouteAnswer<typeof routes.recuse> {
    return this.juries.recuse(currentPrincipal(), params.id, params.entryId, body);
  }

  @Route(routes.substitute)
  substitute(
    @Input() { params, body }: RouteInput<typeof routes.substitute>,
  ): RouteAnswer<typeof routes.substitute> {
    return this.juries.substitute(currentPrincipal(), params.id, params.entryId, body);
  }
}
