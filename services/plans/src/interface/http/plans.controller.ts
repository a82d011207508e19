import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
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
  create(@Body(validBody(createPlanRequest)) body: CreatePlanRequest) {
    return this.plans.create(body);
  }

  @Get()
  list(@Query(validQuery(listPlansQuery)) query: ListPlansQuery) {
    return this.plans.list(query);
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.plans.get(id);
  }
}
