import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Permit, STAFF, currentPrincipal } from '@kc/auth';
import {
  createPlanRequest,
  listPlansQuery,
  type CreatePlanRequest,
  type ListPlansQuery,
} from '@kc/contracts';
import { validBody, validQuery } from '@kc/http';
import { PlansService } from '../../application/plans.service';

@Controller('api/v1/plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Post()
  @Permit({ roles: STAFF, scope: 'plans:write' })
  create(@Body(validBody(createPlanRequest)) body: CreatePlanRequest) {
    return this.plans.create(currentPrincipal(), body);
  }

  @Get()
  @Permit({ roles: STAFF, scope: 'plans:read' })
  list(@Query(validQuery(listPlansQuery)) query: ListPlansQuery) {
    return this.plans.list(currentPrincipal(), query);
  }

  @Get(':id')
  @Permit({ roles: STAFF, scope: 'plans:read' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.plans.get(currentPrincipal(), id);
  }
}
