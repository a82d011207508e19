import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Permit, STAFF } from '@kc/auth';
import { registerClusterRequest, listClustersQuery } from '@kc/contracts';
import { validBody, validParams, validQuery } from '@kc/http';
import { ApiUuidParam, ApiZodBody, ApiZodQuery, idParams } from './openapi';
import { Relay } from './relay';

@ApiTags('Cụm công nghiệp / Industrial clusters')
@Controller('api/v1/clusters')
export class ClustersController {
  constructor(private readonly relay: Relay) {}

  @Post()
  @ApiOperation({ summary: 'Đăng ký cụm công nghiệp / Register an industrial cluster (CCN)' })
  @ApiZodBody(registerClusterRequest)
  @Permit({ roles: STAFF, scope: 'clusters:write' })
  create(@Body(validBody(registerClusterRequest)) _body: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('clusters', req, res);
  }

  @Get()
  @ApiOperation({ summary: 'Danh sách cụm công nghiệp / List clusters' })
  @ApiZodQuery(listClustersQuery)
  @Permit({ roles: STAFF, scope: 'clusters:read' })
  list(@Query(validQuery(listClustersQuery)) _query: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('clusters', req, res);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Chi tiết cụm công nghiệp / Get a cluster' })
  @ApiUuidParam()
  @Permit({ roles: STAFF, scope: 'clusters:read' })
  get(@Param(validParams(idParams)) _params: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('clusters', req, res);
  }
}
