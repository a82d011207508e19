import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Permit, STAFF, currentPrincipal } from '@kc/auth';
import {
  createProgrammeRequest,
  listProgrammesQuery,
  type CreateProgrammeRequest,
  type ListProgrammesQuery,
} from '@kc/contracts';
import { validBody, validQuery } from '@kc/http';
import { ProgrammesService } from '../../application/programmes.service';

@Controller('api/v1/programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  /** A province's own programme: its department for its own province, or the agency for any. */
  @Post()
  @Permit({ roles: STAFF, scope: 'plans:write' })
  create(@Body(validBody(createProgrammeRequest)) body: CreateProgrammeRequest) {
    return this.programmes.create(currentPrincipal(), body);
  }

  @Get()
  @Permit({ roles: STAFF, scope: 'plans:read' })
  list(@Query(validQuery(listProgrammesQuery)) query: ListProgrammesQuery) {
    return this.programmes.list(currentPrincipal(), query);
  }

  @Get(':id')
  @Permit({ roles: STAFF, scope: 'plans:read' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.programmes.get(currentPrincipal(), id);
  }
}
