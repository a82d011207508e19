import { Controller } from '@nestjs/common';
import { currentPrincipal } from '@kc/auth';
import { tradeFairRoutes as routes, type RouteInput, type RouteAnswer } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { LotteryService } from '../../application/lottery.service';

/** The lottery of a lottery fair: drawn once after its window; the draw is public, to be recomputed. */
@Controller()
export class LotteryController {
  constructor(private readonly lottery: LotteryService) {}

  /** Drawn by the fair's organiser (the service checks the binding) or the agency. */
  @Route(routes.drawLottery)
  draw(
    @Input() { params, body }: RouteInput<typeof routes.drawLottery>,
  ): RouteAnswer<typeof routes.drawLottery> {
    return this.lottery.draw(currentPrincipal(), params.id, body);
  }

  @Route(routes.lottery)
  view(@Input() { params }: RouteInput<typeof routes.lottery>): RouteAnswer<typeof routes.lottery> {
    return this.lottery.view(params.id);
  }
}
