import { Controller } from '@nestjs/common';
import { currentPrincipal } from '@kc/auth';
import { projectRoutes as routes, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { AdjustmentsService } from '../../application/adjustments.service';
import { ProjectLifecycleService } from '../../application/project-lifecycle.service';
import { ProjectsService } from '../../application/projects.service';

/** Which role may take each step is the lifecycle's rule (domain/lifecycle.ts); routes admit all staff. */
@Controller()
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly lifecycle: ProjectLifecycleService,
    private readonly adjustments: AdjustmentsService,
  ) {}

  @Route(routes.create)
  create(@Input() { body }: RouteInput<typeof routes.create>) {
    return this.projects.create(currentPrincipal(), body);
  }

  @Route(routes.list)
  list(@Input() { query }: RouteInput<typeof routes.list>) {
    return this.projects.list(currentPrincipal(), query);
  }

  @Route(routes.get)
  get(@Input() { params }: RouteInput<typeof routes.get>) {
    return this.projects.get(currentPrincipal(), params.id);
  }

  @Route(routes.register)
  register(@Input() { params }: RouteInput<typeof routes.register>) {
    return this.projects.register(currentPrincipal(), params.id);
  }

  @Route(routes.baseAppraise)
  baseAppraise(@Input() { params, body }: RouteInput<typeof routes.baseAppraise>) {
    return this.lifecycle.baseAppraise(currentPrincipal(), params.id, body);
  }

  @Route(routes.ministryAppraise)
  ministryAppraise(@Input() { params, body }: RouteInput<typeof routes.ministryAppraise>) {
    return this.lifecycle.ministryAppraise(currentPrincipal(), params.id, body);
  }

  @Route(routes.contract)
  contract(@Input() { params, body }: RouteInput<typeof routes.contract>) {
    return this.lifecycle.contract(currentPrincipal(), params.id, body);
  }

  @Route(routes.accept)
  accept(@Input() { params, body }: RouteInput<typeof routes.accept>) {
    return this.lifecycle.accept(currentPrincipal(), params.id, body);
  }

  @Route(routes.liquidate)
  liquidate(@Input() { params, body }: RouteInput<typeof routes.liquidate>) {
    return this.lifecycle.liquidate(currentPrincipal(), params.id, body);
  }

  @Route(routes.settle)
  settle(@Input() { params, body }: RouteInput<typeof routes.settle>) {
    return this.lifecycle.settle(currentPrincipal(), params.id, body);
  }

  @Route(routes.adjust)
  adjust(@Input() { params, body }: RouteInput<typeof routes.adjust>) {
    return this.adjustments.adjust(currentPrincipal(), params.id, body);
  }

  @Route(routes.listExemptions)
  listExemptions(@Input() { query }: RouteInput<typeof routes.listExemptions>) {
    return this.projects.listExemptions(query);
  }

  @Route(routes.recordExemption)
  recordExemption(@Input() { body }: RouteInput<typeof routes.recordExemption>) {
    return this.projects.recordExemption(currentPrincipal(), body);
  }
}
