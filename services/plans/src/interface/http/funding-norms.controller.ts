import { Controller } from '@nestjs/common';
import { currentPrincipal } from '@kc/auth';
import { fundingNormRoutes as routes, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { FundingNormsService } from '../../application/funding-norms.service';

@Controller()
export class FundingNormsController {
  constructor(private readonly norms: FundingNormsService) {}

  @Route(routes.list)
  list(@Input() { query }: RouteInput<typeof routes.list>) {
    return this.norms.list(currentPrincipal(), query);
  }

  /** A national version by the agency; a province's own version by its department or the agency. */
  @Route(routes.create)
  create(@Input() { body }: RouteInput<typeof routes.create>) {
    return this.norms.create(currentPrincipal(), body);
  }

  @Route(routes.check)
  check(@Input() { body }: RouteInput<typeof routes.check>) {
    return this.norms.check(currentPrincipal(), body);
  }
}
