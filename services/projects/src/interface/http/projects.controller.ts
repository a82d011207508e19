import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CENTRAL, Permit, STAFF, currentPrincipal } from '@kc/auth';
import {
  approveProjectRequest,
  listProjectsQuery,
  registerProjectRequest,
  type ApproveProjectRequest,
  type ListProjectsQuery,
  type RegisterProjectRequest,
} from '@kc/contracts';
import { validBody, validQuery } from '@kc/http';
import { ProjectsService } from '../../application/projects.service';

@Controller('api/v1/projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Post()
  @Permit({ roles: STAFF, scope: 'projects:write' })
  register(@Body(validBody(registerProjectRequest)) body: RegisterProjectRequest) {
    return this.projects.register(currentPrincipal(), body);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Permit({ roles: CENTRAL, scope: 'projects:write' })
  approve(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(validBody(approveProjectRequest)) body: ApproveProjectRequest,
  ) {
    return this.projects.approve(currentPrincipal(), id, body);
  }

  @Get()
  @Permit({ roles: STAFF, scope: 'projects:read' })
  list(@Query(validQuery(listProjectsQuery)) query: ListProjectsQuery) {
    return this.projects.list(currentPrincipal(), query);
  }

  @Get(':id')
  @Permit({ roles: STAFF, scope: 'projects:read' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.projects.get(currentPrincipal(), id);
  }
}
