import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Permit, STAFF } from '@kc/auth';
import { checkFundingNormRequest, createFundingNormRequest, listFundingNormsQuery } from '@kc/contracts';
import { validBody, validQuery } from '@kc/http';
import { ApiZodBody, ApiZodQuery } from './openapi';
import { Relay } from './relay';

@ApiTags('Định mức hỗ trợ / Funding norms')
@Controller('api/v1/funding-norms')
export class FundingNormsController {
  constructor(private readonly relay: Relay) {}

  @Get()
  @ApiOperation({
    summary:
      'Định mức đang có hiệu lực (quốc gia và của tỉnh) / National and a province’s funding norms in force on a date',
  })
  @ApiZodQuery(listFundingNormsQuery)
  @Permit({ roles: STAFF, scope: 'plans:read' })
  list(@Query(validQuery(listFundingNormsQuery)) _query: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('plans', req, res);
  }

  @Post()
  @ApiOperation({
    summary:
      'Ban hành phiên bản định mức mới / A new version of a funding norm (national: the agency; a province’s own: its department or the agency)',
  })
  @ApiZodBody(createFundingNormRequest)
  @Permit({ roles: STAFF, scope: 'plans:write' })
  create(
    @Body(validBody(createFundingNormRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('plans', req, res);
  }

  @Post('check')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Kiểm tra mức hỗ trợ theo định mức / Check a support amount against the norm in force (the province’s own first)',
  })
  @ApiZodBody(checkFundingNormRequest)
  @Permit({ roles: STAFF, scope: 'plans:read' })
  check(@Body(validBody(checkFundingNormRequest)) _body: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('plans', req, res);
  }
}
