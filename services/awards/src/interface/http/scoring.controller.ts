import { Controller } from '@nestjs/common';
import { currentPrincipal } from '@kc/auth';
import { awardScoringRoutes as routes, type RouteAnswer, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { ScoringService } from '../../application/scoring.service';

@Controller()
export class ScoringController {
  constructor(private readonly scoring: ScoringService) {}

  @Route(routes.assignments)
  assignments(
    @Input() { params, query }: RouteInput<typeof routes.assignments>,
  ): RouteAnswer<typeof routes.assignments> {
    return this.scoring.assignments(currentPrincipal(), params.id, query);
  }

  @Route(routes.sheet)
  sheet(@Input() { params }: RouteInput<typeof routes.sheet>): RouteAnswer<typeof routes.sheet> {
    return this.scoring.sheet(currentPrincipal(), params.id, params.entryId);
  }

  @Route(routes.putSheet)
  putSheet(
    @Input() { params, body }: RouteInput<typeof routes.putSheet>,
  ): RouteAnswer<typeof routes.putSheet> {
    return this.scoring.putSheet(currentPrincipal(), params.id, params.entryId, body);
  }

  @Route(routes.progress)
  progress(@Input() { params }: RouteInput<typeof routes.progress>): RouteAnswer<typeof routes.progress> {
    return this.scoring.progress(currentPrincipal(), params.id);
  }
}
