import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Permit, STAFF, currentPrincipal } from '@kc/auth';
import {
  createPlanRequest,
  decideAssignmentRequest,
  listPlansQuery,
  setCeilingRequest,
  submitRegistrationRequest,
  type CreatePlanRequest,
  type DecideAssignmentRequest,
  type ListPlansQuery,
  type SetCeilingRequest,
  type SubmitRegistrationRequest,
} from '@kc/contracts';
import { validBody, validQuery } from '@kc/http';
import { DecisionsService } from '../../application/decisions.service';
import { PlansService } from '../../application/plans.service';
import { RegistrationsService } from '../../application/registrations.service';

@Controller('api/v1/plans')
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly registrations: RegistrationsService,
    private readonly decisions: DecisionsService,
  ) {}

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

  /** Plan owner only (checked in the use case): the agency for the national plan, the SCT for its own. */
  @Post(':id/ceilings')
  @HttpCode(200)
  @Permit({ roles: STAFF, scope: 'plans:write' })
  setCeiling(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(validBody(setCeilingRequest)) body: SetCeilingRequest,
  ) {
    return this.plans.setCeiling(currentPrincipal(), id, body);
  }

  @Post(':id/registrations')
  @Permit({ roles: STAFF, scope: 'plans:write' })
  register(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(validBody(submitRegistrationRequest)) body: SubmitRegistrationRequest,
  ) {
    return this.registrations.submit(currentPrincipal(), id, body);
  }

  @Get(':id/registrations')
  @Permit({ roles: STAFF, scope: 'plans:read' })
  listRegistrations(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.registrations.list(currentPrincipal(), id);
  }

  @Get(':id/registration-coverage')
  @Permit({ roles: STAFF, scope: 'plans:read' })
  registrationCoverage(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.registrations.coverage(currentPrincipal(), id);
  }

  @Post(':id/decisions')
  @Permit({ roles: STAFF, scope: 'plans:write' })
  decide(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(validBody(decideAssignmentRequest)) body: DecideAssignmentRequest,
  ) {
    return this.decisions.decide(currentPrincipal(), id, body);
  }

  @Get(':id/decisions')
  @Permit({ roles: STAFF, scope: 'plans:read' })
  listDecisions(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.decisions.list(currentPrincipal(), id);
  }
}
