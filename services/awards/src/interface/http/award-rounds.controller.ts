import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
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
  open(@Body(validBody(openAwardRoundRequest)) body: OpenAwardRoundRequest) {
    return this.rounds.open(body);
  }

  @Get()
  list(@Query(validQuery(listAwardRoundsQuery)) query: ListAwardRoundsQuery) {
    return this.rounds.list(query);
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.rounds.get(id);
  }
}
