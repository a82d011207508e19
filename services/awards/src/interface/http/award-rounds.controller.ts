import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Permit, STAFF, currentPrincipal } from '@kc/auth';
import {
  listAwardRoundsQuery,
  openAwardRoundRequest,
  type ListAwardRoundsQuery,
  type OpenAwardRoundRequest,
} from '@kc/contracts';
import { validBody, validQuery } from '@kc/http';
import { AwardRoundsService } from '../../application/award-rounds.service';

@Controller('api/v1/award-rounds')
export class AwardRoundsController {
  constructor(private readonly rounds: AwardRoundsService) {}

  @Post()
  @Permit({ roles: STAFF, scope: 'awards:write' })
  open(@Body(validBody(openAwardRoundRequest)) body: OpenAwardRoundRequest) {
    return this.rounds.open(currentPrincipal(), body);
  }

  @Get()
  @Permit({ roles: [...STAFF, 'juror'], scope: 'awards:read' })
  list(@Query(validQuery(listAwardRoundsQuery)) query: ListAwardRoundsQuery) {
    return this.rounds.list(currentPrincipal(), query);
  }

  @Get(':id')
  @Permit({ roles: [...STAFF, 'juror'], scope: 'awards:read' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.rounds.get(currentPrincipal(), id);
  }
}
