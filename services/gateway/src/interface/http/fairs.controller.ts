import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ALL_ROLES, CENTRAL, Permit } from '@kc/auth';
import { createFairRequest, listFairsQuery } from '@kc/contracts';
import { validBody, validParams, validQuery } from '@kc/http';
import { ApiUuidParam, ApiZodBody, ApiZodQuery, idParams } from './openapi';
import { Relay } from './relay';

@ApiTags('Hội chợ / Trade fairs')
@Controller('api/v1/fairs')
export class FairsController {
  constructor(private readonly relay: Relay) {}

  @Post()
  @ApiOperation({ summary: 'Tạo hội chợ triển lãm / Create a trade fair' })
  @ApiZodBody(createFairRequest)
  @Permit({ roles: CENTRAL, scope: 'fairs:write' })
  create(@Body(validBody(createFairRequest)) _body: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('trade-fairs', req, res);
  }

  @Get()
  @ApiOperation({ summary: 'Danh sách hội chợ / List trade fairs' })
  @ApiZodQuery(listFairsQuery)
  @Permit({ roles: ALL_ROLES, scope: 'fairs:read' })
  list(@Query(validQuery(listFairsQuery)) _query: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('trade-fairs', req, res);
  }

  @Get(':id/figures')
  @ApiOperation({
    summary: 'Số liệu hội chợ / Booths allocated and supported, support in VND, by province (reporting)',
  })
  @ApiUuidParam()
  @Permit({ roles: ALL_ROLES, scope: 'reports:read' })
  figures(@Param(validParams(idParams)) _params: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('reporting', req, res);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Chi tiết hội chợ / Get a trade fair' })
  @ApiUuidParam()
  @Permit({ roles: ALL_ROLES, scope: 'fairs:read' })
  get(@Param(validParams(idParams)) _params: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('trade-fairs', req, res);
  }
}
