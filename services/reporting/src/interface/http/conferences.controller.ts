import { Controller, Get, Param, Query } from '@nestjs/common';
import { ALL_ROLES, Permit } from '@kc/auth';
import {
  conferenceQuery,
  regionalConferenceParams,
  type ConferenceQuery,
  type RegionalConferenceParams,
} from '@kc/contracts';
import { validParams, validQuery } from '@kc/http';
import { ConferenceService } from '../../application/conference.service';

/** Internal HTTP: the gateway serves these paths to the public. Published figures: every role reads them. */
@Permit({ roles: ALL_ROLES, scope: 'reports:read' })
@Controller('api/v1/conferences')
export class ConferencesController {
  constructor(private readonly conferences: ConferenceService) {}

  @Get('national')
  national(@Query(validQuery(conferenceQuery)) query: ConferenceQuery) {
    return this.conferences.national(query);
  }

  @Get('regional/:region')
  regional(
    @Param(validParams(regionalConferenceParams)) params: RegionalConferenceParams,
    @Query(validQuery(conferenceQuery)) query: ConferenceQuery,
  ) {
    return this.conferences.regional(params.region, query);
  }
}
