import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Permit, STAFF } from '@kc/auth';
import { createPlanRequest, listPlansQuery } from '@kc/contracts';
import { validBody, validParams, validQuery } from '@kc/http';
import { ApiIdempotencyKey, ApiUuidParam, ApiZodBody, ApiZodQuery, idParams } from './openapi';
import { Relay } from './relay';

@ApiTags('Kế hoạch / Plans')
@Controller('api/v1/plans')
export class PlansController {
  constructor(private readonly relay: Relay) {}

  @Post()
  @ApiOperation({ summary: 'Tạo kế hoạch khuyến công năm / Create an annual plan (national or provincial)' })
  @ApiZodBody(createPlanRequest)
  @ApiIdempotencyKey()
  @Permit({ roles: STAFF, scope: 'plans:write' })
  create(@Body(validBody(createPlanRequest)) _body: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('plans', req, res);
  }

  @Get()
  @ApiOperation({ summary: 'Danh sách kế hoạch / List plans' })
  @ApiZodQuery(listPlansQuery)
  @Permit({ roles: STAFF, scope: 'plans:read' })
  list(@Query(validQuery(listPlansQuery)) _query: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('plans', req, res);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Chi tiết kế hoạch / Get a plan' })
  @ApiUuidParam()
  @Permit({ roles: STAFF, scope: 'plans:read' })
  get(@Param(validParams(idParams)) _params: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('plans', req, res);
  }
}
