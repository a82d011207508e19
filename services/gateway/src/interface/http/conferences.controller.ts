import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ALL_ROLES, Permit } from '@kc/auth';
import {
  conferenceFigures,
  conferenceFiguresQuery,
  conferenceQuery,
  conferenceRegions,
  regionalConferenceParams,
  type ConferenceFiguresGlossary,
} from '@kc/contracts';
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
      "Per provincial unit (today's 34, or the units of that year with grouping=historical) and in total: " +
      'provincial plans, projects by status, projects in the plan and completed with the completion rate, ' +
      'the money of the year (VND), clusters, fairs hosted, provincial award rounds and booths; in the totals ' +
      'also the national plans, the plans of all levels and the regional and national award rounds; and the ' +
      'project figures per activity content (byContent). Every figure is defined once, with its Vietnamese ' +
      'and English label, in the glossary of the response (also GET /api/v1/conferences/figures).',
  })
  @ApiZodQuery(conferenceQuery)
  @Permit({ roles: ALL_ROLES, scope: 'reports:read' })
  national(@Query(validQuery(conferenceQuery)) _query: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('reporting', req, res);
  }

  @Get('figures')
  @ApiOperation({
    summary: 'Định nghĩa số liệu hội nghị / What each conference figure counts',
    description: 'Key, Vietnamese and English label and definition of every figure of the conference views.',
  })
  @Permit({ roles: ALL_ROLES, scope: 'reports:read' })
  figures(@Query(validQuery(conferenceFiguresQuery)) _query: unknown): ConferenceFiguresGlossary {
    return { items: [...conferenceFigures] };
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
