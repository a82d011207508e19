import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CENTRAL, Permit, STAFF } from '@kc/auth';
import { approveProjectRequest, listProjectsQuery, registerProjectRequest } from '@kc/contracts';
import { validBody, validParams, validQuery } from '@kc/http';
import { ApiIdempotencyKey, ApiUuidParam, ApiZodBody, ApiZodQuery, idParams } from './openapi';
import { Relay } from './relay';

@ApiTags('Đề án / Projects')
@Controller('api/v1/projects')
export class ProjectsController {
  constructor(private readonly relay: Relay) {}

  @Post()
  @ApiOperation({ summary: 'Đăng ký đề án / Register a project under an annual plan' })
  @ApiZodBody(registerProjectRequest)
  @ApiIdempotencyKey()
  @Permit({ roles: STAFF, scope: 'projects:write' })
  register(
    @Body(validBody(registerProjectRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('projects', req, res);
  }

  @Post(':id/approve')
  @ApiOperation({ summary: 'Phê duyệt đề án / Approve a project with its support' })
  @ApiUuidParam()
  @ApiZodBody(approveProjectRequest)
  @ApiIdempotencyKey()
  @Permit({ roles: CENTRAL, scope: 'projects:write' })
  approve(
    @Param(validParams(idParams)) _params: unknown,
    @Body(validBody(approveProjectRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('projects', req, res);
  }

  @Get()
  @ApiOperation({ summary: 'Danh sách đề án / List projects' })
  @ApiZodQuery(listProjectsQuery)
  @Permit({ roles: STAFF, scope: 'projects:read' })
  list(@Query(validQuery(listProjectsQuery)) _query: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('projects', req, res);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Chi tiết đề án / Get a project' })
  @ApiUuidParam()
  @Permit({ roles: STAFF, scope: 'projects:read' })
  get(@Param(validParams(idParams)) _params: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('projects', req, res);
  }
}
