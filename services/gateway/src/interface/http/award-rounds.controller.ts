import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Permit, STAFF } from '@kc/auth';
import { openAwardRoundRequest, listAwardRoundsQuery } from '@kc/contracts';
import { validBody, validParams, validQuery } from '@kc/http';
import { ApiUuidParam, ApiZodBody, ApiZodQuery, idParams } from './openapi';
import { Relay } from './relay';

@ApiTags('Bình chọn sản phẩm / Award rounds')
@Controller('api/v1/award-rounds')
export class AwardRoundsController {
  constructor(private readonly relay: Relay) {}

  @Post()
  @ApiOperation({ summary: 'Mở đợt bình chọn sản phẩm CNNT tiêu biểu / Open an award round' })
  @ApiZodBody(openAwardRoundRequest)
  @Permit({ roles: STAFF, scope: 'awards:write' })
  create(@Body(validBody(openAwardRoundRequest)) _body: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('awards', req, res);
  }

  @Get()
  @ApiOperation({ summary: 'Danh sách đợt bình chọn / List award rounds' })
  @ApiZodQuery(listAwardRoundsQuery)
  @Permit({ roles: [...STAFF, 'juror'], scope: 'awards:read' })
  list(@Query(validQuery(listAwardRoundsQuery)) _query: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('awards', req, res);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Chi tiết đợt bình chọn / Get an award round' })
  @ApiUuidParam()
  @Permit({ roles: [...STAFF, 'juror'], scope: 'awards:read' })
  get(@Param(validParams(idParams)) _params: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('awards', req, res);
  }
}
