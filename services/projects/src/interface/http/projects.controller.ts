import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
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
  register(@Body(validBody(registerProjectRequest)) body: RegisterProjectRequest) {
    return this.projects.register(body);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(validBody(approveProjectRequest)) body: ApproveProjectRequest,
  ) {
    return this.projects.approve(id, body);
  }

  @Get()
  list(@Query(validQuery(listProjectsQuery)) query: ListProjectsQuery) {
    return this.projects.list(query);
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.projects.get(id);
  }
}
