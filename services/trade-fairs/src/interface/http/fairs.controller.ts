import { Controller } from '@nestjs/common';
import { currentPrincipal } from '@kc/auth';
import { tradeFairRoutes as routes, type RouteInput, type RouteAnswer } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { FairsService } from '../../application/fairs.service';

/** Fairs are public information: every role reads them, whatever its province. */
@Controller()
export class FairsController {
  constructor(private readonly fairs: FairsService) {}

  @Route(routes.create)
  create(@Input() { body }: RouteInput<typeof routes.create>): RouteAnswer<typeof routes.create> {
    return this.fairs.create(currentPrincipal(), body);
  }

  @Route(routes.list)
  list(@Input() { query }: RouteInput<typeof routes.list>): RouteAnswer<typeof routes.list> {
    return this.fairs.list(query);
  }

  @Route(routes.get)
  get(@Input() { params }: RouteInput<typeof routes.get>): RouteAnswer<typeof routes.get> {
    return this.fairs.get(params.id);
  }
}
