import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Permit, STAFF } from '@kc/auth';
import { watchlistQuery } from '@kc/contracts';
import { validQuery } from '@kc/http';
import { ApiZodQuery } from './openapi';
import { Relay } from './relay';

@ApiTags('Cảnh báo sớm / Watchlist')
@Controller('api/v1/watchlist')
export class WatchlistController {
  constructor(private readonly relay: Relay) {}

  @Get()
  @ApiOperation({
    summary: 'Danh sách đề án cần theo dõi / Projects at risk',
    description:
      'Projects in a plan and not yet settled that break a rule today, each with its reasons (Vietnamese and ' +
      'English): a missing monthly report (due on the 25th), a late report, progress more than 20 points ' +
      "behind the schedule's elapsed share, no advance after 30 September of the plan year, the settlement " +
      'deadline (22 January of the next year) within 30 days or passed. Province officers see their own unit.',
  })
  @ApiZodQuery(watchlistQuery)
  @Permit({ roles: STAFF, scope: 'reports:read' })
  list(@Query(validQuery(watchlistQuery)) _query: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('reporting', req, res);
  }
}
