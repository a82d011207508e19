import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
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
  register(@Body(validBody(registerClusterRequest)) body: RegisterClusterRequest) {
    return this.clusters.register(body);
  }

  @Get()
  list(@Query(validQuery(listClustersQuery)) query: ListClustersQuery) {
    return this.clusters.list(query);
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.clusters.get(id);
  }
}
