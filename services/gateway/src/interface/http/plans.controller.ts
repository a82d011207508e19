import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Permit, STAFF } from '@kc/auth';
import {
  createPlanRequest,
  decideAssignmentRequest,
  listPlansQuery,
  setCeilingRequest,
  submitRegistrationRequest,
} from '@kc/contracts';
import { validBody, validParams, validQuery } from '@kc/http';
import { ApiUuidParam, ApiZodBody, ApiZodQuery, idParams } from './openapi';
import { Relay } from './relay';

@ApiTags('Kế hoạch / Plans')
@Controller('api/v1/plans')
export class PlansController {
  constructor(private readonly relay: Relay) {}

  @Post()
  @ApiOperation({ summary: 'Tạo kế hoạch khuyến công năm / Create an annual plan (national or provincial)' })
  @ApiZodBody(createPlanRequest)
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

  @Post(':id/ceilings')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Điều chỉnh trần ngân sách theo nguồn / Set the ceiling of one funding source (plan owner; never below what is allocated)',
  })
  @ApiUuidParam()
  @ApiZodBody(setCeilingRequest)
  @Permit({ roles: STAFF, scope: 'plans:write' })
  setCeiling(
    @Param(validParams(idParams)) _params: unknown,
    @Body(validBody(setCeilingRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('plans', req, res);
  }

  @Post(':id/registrations')
  @ApiOperation({
    summary:
      'Báo cáo đăng ký đề án của Sở Công Thương / Submit a province’s registration report (late ones are flagged)',
  })
  @ApiUuidParam()
  @ApiZodBody(submitRegistrationRequest)
  @Permit({ roles: STAFF, scope: 'plans:write' })
  register(
    @Param(validParams(idParams)) _params: unknown,
    @Body(validBody(submitRegistrationRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('plans', req, res);
  }

  @Get(':id/registrations')
  @ApiOperation({ summary: 'Các báo cáo đăng ký của kế hoạch / A plan’s registration reports' })
  @ApiUuidParam()
  @Permit({ roles: STAFF, scope: 'plans:read' })
  listRegistrations(
    @Param(validParams(idParams)) _params: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('plans', req, res);
  }

  @Get(':id/registration-coverage')
  @ApiOperation({
    summary:
      'Đơn vị đã gửi / chưa gửi báo cáo đăng ký / Which units have sent their registration report (on time, late) and which not',
  })
  @ApiUuidParam()
  @Permit({ roles: STAFF, scope: 'plans:read' })
  registrationCoverage(
    @Param(validParams(idParams)) _params: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('plans', req, res);
  }

  @Post(':id/decisions')
  @ApiOperation({
    summary:
      'Quyết định giao kế hoạch / Plan-assignment decision (plan owner; all or nothing, Σ allocated ≤ ceiling)',
  })
  @ApiUuidParam()
  @ApiZodBody(decideAssignmentRequest)
  @Permit({ roles: STAFF, scope: 'plans:write' })
  decide(
    @Param(validParams(idParams)) _params: unknown,
    @Body(validBody(decideAssignmentRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('plans', req, res);
  }

  @Get(':id/decisions')
  @ApiOperation({ summary: 'Các quyết định giao kế hoạch / A plan’s assignment decisions' })
  @ApiUuidParam()
  @Permit({ roles: STAFF, scope: 'plans:read' })
  listDecisions(@Param(validParams(idParams)) _params: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('plans', req, res);
  }
}
