import { Controller } from '@nestjs/common';
import { watchlistRoutes as routes, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { WatchlistService } from '../../application/watchlist.service';

/** Internal HTTP: the gateway serves this path. The agency sees every province, an officer their own. */
@Controller()
export class WatchlistController {
  constructor(private readonly watchlist: WatchlistService) {}

  @Route(routes.list)
  list(@Input() { query }: RouteInput<typeof routes.list>) {
    return this.watchlist.list(query);
  }
}
