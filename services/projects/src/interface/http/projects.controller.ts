import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CENTRAL, Permit, STAFF, currentPrincipal } from '@kc/auth';
import {
  acceptProjectRequest,
  adjustProjectRequest,
  baseAppraisalRequest,
  contractProjectRequest,
  createProjectRequest,
  doubleFundingExemptionRequest,
  liquidateProjectRequest,
  listExemptionsQuery,
  listProjectsQuery,
  ministryAppraisalRequest,
  registerProjectRequest,
  settleProjectRequest,
  type AcceptProjectRequest,
  type AdjustProjectRequest,
  type BaseAppraisalRequest,
  type ContractProjectRequest,
  type CreateProjectRequest,
  type DoubleFundingExemptionRequest,
  type LiquidateProjectRequest,
  type ListExemptionsQuery,
  type ListProjectsQuery,
  type MinistryAppraisalRequest,
  type SettleProjectRequest,
} from '@kc/contracts';
import { validBody, validQuery } from '@kc/http';
import { AdjustmentsService } from '../../application/adjustments.service';
import { ProjectLifecycleService } from '../../application/project-lifecycle.service';
import { ProjectsService } from '../../application/projects.service';

const WRITE = { roles: STAFF, scope: 'projects:write' } as const;
const id = () => new ParseUUIDPipe();

/** Which role may take each step is the lifecycle's rule (domain/lifecycle.ts); routes admit all staff. */
@Controller('api/v1')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly lifecycle: ProjectLifecycleService,
    private readonly adjustments: AdjustmentsService,
  ) {}

  @Post('projects')
  @Permit(WRITE)
  create(@Body(validBody(createProjectRequest)) body: CreateProjectRequest) {
    return this.projects.create(currentPrincipal(), body);
  }

  @Get('projects')
  @Permit({ roles: STAFF, scope: 'projects:read' })
  list(@Query(validQuery(listProjectsQuery)) query: ListProjectsQuery) {
    return this.projects.list(currentPrincipal(), query);
  }

  @Get('projects/:id')
  @Permit({ roles: STAFF, scope: 'projects:read' })
  get(@Param('id', id()) projectId: string) {
    return this.projects.get(currentPrincipal(), projectId);
  }

  @Post('projects/:id/register')
  @HttpCode(200)
  @Permit(WRITE)
  register(@Param('id', id()) projectId: string, @Body(validBody(registerProjectRequest)) _body: object) {
    return this.projects.register(currentPrincipal(), projectId);
  }

  @Post('projects/:id/base-appraisal')
  @HttpCode(200)
  @Permit(WRITE)
  baseAppraise(
    @Param('id', id()) projectId: string,
    @Body(validBody(baseAppraisalRequest)) body: BaseAppraisalRequest,
  ) {
    return this.lifecycle.baseAppraise(currentPrincipal(), projectId, body);
  }

  @Post('projects/:id/ministry-appraisal')
  @HttpCode(200)
  @Permit(WRITE)
  ministryAppraise(
    @Param('id', id()) projectId: string,
    @Body(validBody(ministryAppraisalRequest)) body: MinistryAppraisalRequest,
  ) {
    return this.lifecycle.ministryAppraise(currentPrincipal(), projectId, body);
  }

  @Post('projects/:id/contract')
  @HttpCode(200)
  @Permit(WRITE)
  contract(
    @Param('id', id()) projectId: string,
    @Body(validBody(contractProjectRequest)) body: ContractProjectRequest,
  ) {
    return this.lifecycle.contract(currentPrincipal(), projectId, body);
  }

  @Post('projects/:id/accept')
  @HttpCode(200)
  @Permit(WRITE)
  accept(
    @Param('id', id()) projectId: string,
    @Body(validBody(acceptProjectRequest)) body: AcceptProjectRequest,
  ) {
    return this.lifecycle.accept(currentPrincipal(), projectId, body);
  }

  @Post('projects/:id/liquidate')
  @HttpCode(200)
  @Permit(WRITE)
  liquidate(
    @Param('id', id()) projectId: string,
    @Body(validBody(liquidateProjectRequest)) body: LiquidateProjectRequest,
  ) {
    return this.lifecycle.liquidate(currentPrincipal(), projectId, body);
  }

  @Post('projects/:id/settle')
  @HttpCode(200)
  @Permit(WRITE)
  settle(
    @Param('id', id()) projectId: string,
    @Body(validBody(settleProjectRequest)) body: SettleProjectRequest,
  ) {
    return this.lifecycle.settle(currentPrincipal(), projectId, body);
  }

  @Post('projects/:id/adjustments')
  @Permit(WRITE)
  adjust(
    @Param('id', id()) projectId: string,
    @Body(validBody(adjustProjectRequest)) body: AdjustProjectRequest,
  ) {
    return this.adjustments.adjust(currentPrincipal(), projectId, body);
  }

  @Get('double-funding-exemptions')
  @Permit({ roles: STAFF, scope: 'projects:read' })
  listExemptions(@Query(validQuery(listExemptionsQuery)) query: ListExemptionsQuery) {
    return this.projects.listExemptions(query);
  }

  @Post('double-funding-exemptions')
  @Permit({ roles: CENTRAL, scope: 'projects:write' })
  recordExemption(@Body(validBody(doubleFundingExemptionRequest)) body: DoubleFundingExemptionRequest) {
    return this.projects.recordExemption(currentPrincipal(), body);
  }
}
