import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  createFairRequest,
  listFairsQuery,
  type CreateFairRequest,
  type ListFairsQuery,
} from '@kc/contracts';
import { validBody, validQuery } from '@kc/http';
import { FairsService } from '../../application/fairs.service';

@Controller('api/v1/fairs')
export class FairsController {
  constructor(private readonly fairs: FairsService) {}

  @Post()
  create(@Body(validBody(createFairRequest)) body: CreateFairRequest) {
    return this.fairs.create(body);
  }

  @Get()
  list(@Query(validQuery(listFairsQuery)) query: ListFairsQuery) {
    return this.fairs.list(query);
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.fairs.get(id);
  }
}
