import { Controller } from '@nestjs/common';
import { currentPrincipal } from '@kc/auth';
import { awardRoundRoutes as routes, type RouteAnswer, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { AwardRoundsService } from '../../application/award-rounds.service';

@Controller()
export class AwardRoundsController {
  constructor(private readonly rounds: AwardRoundsService) {}

  @Route(routes.open)
  open(@Input() { body }: RouteInput<typeof routes.open>): RouteAnswer<typeof routes.open> {
    return this.rounds.open(currentPrincipal(), body);
  }

  @Route(routes.list)
  list(@Input() { query }: RouteInput<typeof routes.list>): RouteAnswer<typeof routes.list> {
    return this.rounds.list(currentPrincipal(), query);
  }

  @Route(routes.get)
  get(@Input() { params }: RouteInput<typeof routes.get>): RouteAnswer<typeof routes.get> {
    return this.rounds.get(currentPrincipal(), params.id);
  }

  @Route(routes.startScoring)
  startScoring(
    @Input() { params }: RouteInput<typeof routes.startScoring>,
  ): RouteAnswer<typeof routes.startScoring> {
    return this.rounds.startScoring(currentPrincipal(), params.id);
  }
}
