import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { Permit, STAFF } from '@kc/auth';
import { listProgrammesQuery, type ListProgrammesQuery } from '@kc/contracts';
import { validQuery } from '@kc/http';
import { ProgrammesService } from '../../application/programmes.service';

@Controller('api/v1/programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Get()
  @Permit({ roles: STAFF, scope: 'plans:read' })
  list(@Query(validQuery(listProgrammesQuery)) query: ListProgrammesQuery) {
    return this.programmes.list(query);
  }

  @Get(':id')
  @Permit({ roles: STAFF, scope: 'plans:read' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.programmes.get(id);
  }
}
