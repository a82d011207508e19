import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Permit, STAFF, currentPrincipal } from '@kc/auth';
import {
  listClustersQuery,
  registerClusterRequest,
  type ListClustersQuery,
  type RegisterClusterRequest,
} from '@kc/contracts';
import { validBody, validQuery } from '@kc/http';
import { ClustersService } from '../../application/clusters.service';

@Controller('api/v1/clusters')
export class ClustersController {
  constructor(private readonly clusters: ClustersService) {}

  @Post()
  @Permit({ roles: STAFF, scope: 'clusters:write' })
  register(@Body(validBody(registerClusterRequest)) body: RegisterClusterRequest) {
    return this.clusters.register(currentPrincipal(), body);
  }

  @Get()
  @Permit({ roles: STAFF, scope: 'clusters:read' })
  list(@Query(validQuery(listClustersQuery)) query: ListClustersQuery) {
    return this.clusters.list(currentPrincipal(), query);
  }

  @Get(':id')
  @Permit({ roles: STAFF, scope: 'clusters:read' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.clusters.get(currentPrincipal(), id);
  }
}
