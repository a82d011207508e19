import { Controller } from '@nestjs/common';
import { currentPrincipal } from '@kc/auth';
import { planRoutes as routes, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { DecisionsService } from '../../application/decisions.service';
import { PlansService } from '../../application/plans.service';
import { RegistrationsService } from '../../application/registrations.service';

@Controller()
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly registrations: RegistrationsService,
    private readonly decisions: DecisionsService,
  ) {}

  @Route(routes.create)
  create(@Input() { body }: RouteInput<typeof routes.create>) {
    return this.plans.create(currentPrincipal(), body);
  }

  @Route(routes.list)
  list(@Input() { query }: RouteInput<typeof routes.list>) {
    return this.plans.list(currentPrincipal(), query);
  }

  @Route(routes.get)
  get(@Input() { params }: RouteInput<typeof routes.get>) {
    return this.plans.get(currentPrincipal(), params.id);
  }

  /** Plan owner only (checked in the use case): the agency for the national plan, the SCT for its own. */
  @Route(routes.setCeiling)
  setCeiling(@Input() { params, body }: RouteInput<typeof routes.setCeiling>) {
    return this.plans.setCeiling(currentPrincipal(), params.id, body);
  }

  @Route(routes.register)
  register(@Input() { params, body }: RouteInput<typeof routes.register>) {
    return this.registrations.submit(currentPrincipal(), params.id, body);
  }

  @Route(routes.listRegistrations)
  listRegistrations(@Input() { params }: RouteInput<typeof routes.listRegistrations>) {
    return this.registrations.list(currentPrincipal(), params.id);
  }

  @Route(routes.registrationCoverage)
  registrationCoverage(@Input() { params }: RouteInput<typeof routes.registrationCoverage>) {
    return this.registrations.coverage(currentPrincipal(), params.id);
  }

  @Route(routes.decide)
  decide(@Input() { params, body }: RouteInput<typeof routes.decide>) {
    return this.decisions.decide(currentPrincipal(), params.id, body);
  }

  @Route(routes.listDecisions)
  listDecisions(@Input() { params }: RouteInput<typeof routes.listDecisions>) {
    return this.decisions.list(currentPrincipal(), params.id);
  }
}
