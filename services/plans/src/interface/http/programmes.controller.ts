import { Controller } from '@nestjs/common';
import { currentPrincipal } from '@kc/auth';
import { programmeRoutes as routes, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { ProgrammesService } from '../../application/programmes.service';

@Controller()
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  /** A province's own programme: its department for its own province, or the agency for any. */
  @Route(routes.create)
  create(@Input() { body }: RouteInput<typeof routes.create>) {
    return this.programmes.create(currentPrincipal(), body);
  }

  @Route(routes.list)
  list(@Input() { query }: RouteInput<typeof routes.list>) {
    return this.programmes.list(currentPrincipal(), query);
  }

  @Route(routes.get)
  get(@Input() { params }: RouteInput<typeof routes.get>) {
    return this.programmes.get(currentPrincipal(), params.id);
  }
}
