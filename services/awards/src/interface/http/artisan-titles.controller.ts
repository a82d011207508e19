import { Controller } from '@nestjs/common';
import { currentPrincipal } from '@kc/auth';
import { artisanTitleRoutes as routes, type RouteAnswer, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { ArtisanTitlesService } from '../../application/artisan-titles.service';

@Controller()
export class ArtisanTitlesController {
  constructor(private readonly titles: ArtisanTitlesService) {}

  @Route(routes.nominate)
  nominate(@Input() { body }: RouteInput<typeof routes.nominate>): RouteAnswer<typeof routes.nominate> {
    return this.titles.nominate(currentPrincipal(), body);
  }

  @Route(routes.list)
  list(@Input() { query }: RouteInput<typeof routes.list>): RouteAnswer<typeof routes.list> {
    return this.titles.list(currentPrincipal(), query);
  }

  @Route(routes.get)
  get(@Input() { params }: RouteInput<typeof routes.get>): RouteAnswer<typeof routes.get> {
    return this.titles.get(currentPrincipal(), params.id);
  }

  @Route(routes.recordStage)
  recordStage(
    @Input() { params, body }: RouteInput<typeof routes.recordStage>,
  ): RouteAnswer<typeof routes.recordStage> {
    return this.titles.recordStage(currentPrincipal(), params.id, body);
  }
}
