import { Controller } from '@nestjs/common';
import { fairFigureRoutes as routes, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { FairFiguresService } from '../../application/fair-figures.service';

/** Internal HTTP behind the gateway. Published figures, as the conference views: every role reads them. */
@Controller()
export class FairFiguresController {
  constructor(private readonly figures: FairFiguresService) {}

  @Route(routes.get)
  get(@Input() { params }: RouteInput<typeof routes.get>) {
    return this.figures.figures(params.id);
  }
}
