import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ALL_ROLES, Permit } from '@kc/auth';
import { conferenceQuery, conferenceRegions, regionalConferenceParams } from '@kc/contracts';
import { validParams, validQuery } from '@kc/http';
import { ApiZodQuery } from './openapi';
import { Relay } from './relay';

@ApiTags('Hội nghị / Conferences')
@Controller('api/v1/conferences')
export class ConferencesController {
  constructor(private readonly relay: Relay) {}

  @Get('national')
  @ApiOperation({
    summary: 'Số liệu hội nghị khuyến công toàn quốc / National conference figures',
    description:
      "Per provincial unit (today's 34, or the units of that year with grouping=historical) and in total: plans, " +
      'projects by status, projects in the plan and completed (accepted, liquidated or settled) with the ' +
      'completion rate (stopped excluded), requested, appraised, allocated, contracted, advanced, paid and ' +
      'settled support and counterpart funds (VND), clusters registered as of now, fairs, award rounds; and ' +
      'the same project figures per activity content (byContent).',
  })
  @ApiZodQuery(conferenceQuery)
  @Permit({ roles: ALL_ROLES, scope: 'reports:read' })
  national(@Query(validQuery(conferenceQuery)) _query: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('reporting', req, res);
  }

  @Get('regional/:region')
  @ApiOperation({
    summary: 'Số liệu hội nghị khuyến công khu vực / Regional conference figures',
    description: "The national figures limited to one region's units (the national plan is in no region).",
  })
  @ApiParam({ name: 'region', enum: conferenceRegions })
  @ApiZodQuery(conferenceQuery)
  @Permit({ roles: ALL_ROLES, scope: 'reports:read' })
  regional(
    @Param(validParams(regionalConferenceParams)) _params: unknown,
    @Query(validQuery(conferenceQuery)) _query: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('reporting', req, res);
  }
}
