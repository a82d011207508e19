import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Permit, STAFF } from '@kc/auth';
import { createProgrammeRequest, listProgrammesQuery } from '@kc/contracts';
import { validBody, validParams, validQuery } from '@kc/http';
import { ApiUuidParam, ApiZodBody, ApiZodQuery, idParams } from './openapi';
import { Relay } from './relay';

@ApiTags('Chương trình khuyến công / Programmes')
@Controller('api/v1/programmes')
export class ProgrammesController {
  constructor(private readonly relay: Relay) {}

  @Post()
  @ApiOperation({
    summary:
      'Tạo chương trình khuyến công địa phương / A province’s own programme (its department, or the agency)',
  })
  @ApiZodBody(createProgrammeRequest)
  @Permit({ roles: STAFF, scope: 'plans:write' })
  create(@Body(validBody(createProgrammeRequest)) _body: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('plans', req, res);
  }

  @Get()
  @ApiOperation({
    summary: 'Chương trình, nhóm nội dung và mục tiêu / Programmes with content groups and targets',
  })
  @ApiZodQuery(listProgrammesQuery)
  @Permit({ roles: STAFF, scope: 'plans:read' })
  list(@Query(validQuery(listProgrammesQuery)) _query: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('plans', req, res);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Chi tiết chương trình / Get a programme' })
  @ApiUuidParam()
  @Permit({ roles: STAFF, scope: 'plans:read' })
  get(@Param(validParams(idParams)) _params: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('plans', req, res);
  }
}
