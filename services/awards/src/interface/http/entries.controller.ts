import { Controller } from '@nestjs/common';
import { currentPrincipal } from '@kc/auth';
import { awardEntryRoutes as routes, type RouteAnswer, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { EntriesService } from '../../application/entries.service';

@Controller()
export class EntriesController {
  constructor(private readonly entries: EntriesService) {}

  @Route(routes.submit)
  submit(@Input() { params, body }: RouteInput<typeof routes.submit>): RouteAnswer<typeof routes.submit> {
    return this.entries.submit(currentPrincipal(), params.id, body);
  }

  @Route(routes.list)
  list(@Input() { params, query }: RouteInput<typeof routes.list>): RouteAnswer<typeof routes.list> {
    return this.entries.list(currentPrincipal(), params.id, query);
  }

  @Route(routes.shortlist)
  shortlist(
    @Input() { params, body }: RouteInput<typeof routes.shortlist>,
  ): RouteAnswer<typeof routes.shortlist> {
    return this.entries.shortlist(currentPrincipal(), params.id, params.provinceCode, body);
  }
}
