import { Controller, Get, Query } from '@nestjs/common';
import { Permit, STAFF } from '@kc/auth';
import { watchlistQuery, type WatchlistQuery } from '@kc/contracts';
import { validQuery } from '@kc/http';
import { WatchlistService } from '../../application/watchlist.service';

/** Internal HTTP: the gateway serves this path. The agency sees every province, an officer their own. */
@Controller('api/v1/watchlist')
export class WatchlistController {
  constructor(private readonly watchlist: WatchlistService) {}

  @Get()
  @Permit({ roles: STAFF, scope: 'reports:read' })
  list(@Query(validQuery(watchlistQuery)) query: WatchlistQuery) {
    return this.watchlist.list(query);
  }
}
