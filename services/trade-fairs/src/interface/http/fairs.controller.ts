import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ALL_ROLES, CENTRAL, Permit, currentPrincipal } from '@kc/auth';
import {
  createFairRequest,
  listFairsQuery,
  type CreateFairRequest,
  type ListFairsQuery,
} from '@kc/contracts';
import { validBody, validQuery } from '@kc/http';
import { FairsService } from '../../application/fairs.service';

/** Fairs are public information: every role reads them, whatever its province. */
@Controller('api/v1/fairs')
export class FairsController {
  constructor(private readonly fairs: FairsService) {}

  @Post()
  @Permit({ roles: CENTRAL, scope: 'fairs:write' })
  create(@Body(validBody(createFairRequest)) body: CreateFairRequest) {
    return this.fairs.create(currentPrincipal(), body);
  }

  @Get()
  @Permit({ roles: ALL_ROLES, scope: 'fairs:read' })
  list(@Query(validQuery(listFairsQuery)) query: ListFairsQuery) {
    return this.fairs.list(query);
  }

  @Get(':id')
  @Permit({ roles: ALL_ROLES, scope: 'fairs:read' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.fairs.get(id);
  }
}
