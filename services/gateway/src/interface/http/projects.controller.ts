import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CENTRAL, Permit, STAFF } from '@kc/auth';
import {
  acceptProjectRequest,
  adjustProjectRequest,
  baseAppraisalRequest,
  contractProjectRequest,
  createProjectRequest,
  doubleFundingExemptionRequest,
  liquidateProjectRequest,
  listProjectsQuery,
  ministryAppraisalRequest,
  registerProjectRequest,
  settleProjectRequest,
  listExemptionsQuery,
} from '@kc/contracts';
import { validBody, validParams, validQuery } from '@kc/http';
import { ApiUuidParam, ApiZodBody, ApiZodQuery, idParams } from './openapi';
import { Relay } from './relay';

const WRITE = { roles: STAFF, scope: 'projects:write' } as const;
const READ = { roles: STAFF, scope: 'projects:read' } as const;

/**
 * Projects (đề án) and their lifecycle. Which role may take each step (the project's province, the plan
 * owner, the agency) is decided by the projects service's state machine; the edge admits staff and validates.
 */
@ApiTags('Đề án / Projects')
@Controller('api/v1')
export class ProjectsController {
  constructor(private readonly relay: Relay) {}

  @Post('projects')
  @ApiOperation({ summary: 'Tạo đề án (dự thảo) / Create a project as a draft under an annual plan' })
  @ApiZodBody(createProjectRequest)
  @Permit(WRITE)
  create(@Body(validBody(createProjectRequest)) _body: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('projects', req, res);
  }

  @Get('projects')
  @ApiOperation({
    summary:
      'Danh sách, tìm kiếm đề án (không phân biệt dấu) / List and search projects (diacritic-insensitive)',
  })
  @ApiZodQuery(listProjectsQuery)
  @Permit(READ)
  list(@Query(validQuery(listProjectsQuery)) _query: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('projects', req, res);
  }

  @Get('projects/:id')
  @ApiOperation({
    summary:
      'Chi tiết đề án, lịch sử thẩm định và điều chỉnh / A project with its appraisals and adjustments',
  })
  @ApiUuidParam()
  @Permit(READ)
  get(@Param(validParams(idParams)) _params: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('projects', req, res);
  }

  @Post('projects/:id/register')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đăng ký đề án / Register a draft (checks double funding)' })
  @ApiUuidParam()
  @Permit(WRITE)
  register(
    @Param(validParams(idParams)) _params: unknown,
    @Body(validBody(registerProjectRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('projects', req, res);
  }

  @Post('projects/:id/base-appraisal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Thẩm định cấp cơ sở / Base-level appraisal by the provincial department' })
  @ApiUuidParam()
  @ApiZodBody(baseAppraisalRequest)
  @Permit(WRITE)
  baseAppraise(
    @Param(validParams(idParams)) _params: unknown,
    @Body(validBody(baseAppraisalRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('projects', req, res);
  }

  @Post('projects/:id/ministry-appraisal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Thẩm định cấp Bộ / Ministry-level appraisal by the plan owner' })
  @ApiUuidParam()
  @ApiZodBody(ministryAppraisalRequest)
  @Permit(WRITE)
  ministryAppraise(
    @Param(validParams(idParams)) _params: unknown,
    @Body(validBody(ministryAppraisalRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('projects', req, res);
  }

  @Post('projects/:id/contract')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ký hợp đồng / giao nhiệm vụ / Contract or assign the project (≤ allocated)' })
  @ApiUuidParam()
  @ApiZodBody(contractProjectRequest)
  @Permit(WRITE)
  contract(
    @Param(validParams(idParams)) _params: unknown,
    @Body(validBody(contractProjectRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('projects', req, res);
  }

  @Post('projects/:id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Nghiệm thu đề án / Accept the project' })
  @ApiUuidParam()
  @ApiZodBody(acceptProjectRequest)
  @Permit(WRITE)
  accept(
    @Param(validParams(idParams)) _params: unknown,
    @Body(validBody(acceptProjectRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('projects', req, res);
  }

  @Post('projects/:id/liquidate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Thanh lý hợp đồng / Liquidate the contract' })
  @ApiUuidParam()
  @ApiZodBody(liquidateProjectRequest)
  @Permit(WRITE)
  liquidate(
    @Param(validParams(idParams)) _params: unknown,
    @Body(validBody(liquidateProjectRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('projects', req, res);
  }

  @Post('projects/:id/settle')
  @HttpCode(200)
  @ApiOperation({ summary: 'Quyết toán đề án / Settle the project (late after 22 January of the next year)' })
  @ApiUuidParam()
  @ApiZodBody(settleProjectRequest)
  @Permit(WRITE)
  settle(
    @Param(validParams(idParams)) _params: unknown,
    @Body(validBody(settleProjectRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('projects', req, res);
  }

  @Post('projects/:id/adjustments')
  @ApiOperation({ summary: 'Điều chỉnh đề án / Adjust a project at the approval level its kind requires' })
  @ApiUuidParam()
  @ApiZodBody(adjustProjectRequest)
  @Permit(WRITE)
  adjust(
    @Param(validParams(idParams)) _params: unknown,
    @Body(validBody(adjustProjectRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('projects', req, res);
  }

  @Get('double-funding-exemptions')
  @ApiOperation({
    summary: 'Các ngoại lệ hỗ trợ trùng đã ghi nhận / Recorded double-funding exemptions (newest first)',
  })
  @ApiZodQuery(listExemptionsQuery)
  @Permit(READ)
  listExemptions(
    @Query(validQuery(listExemptionsQuery)) _query: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('projects', req, res);
  }

  @Post('double-funding-exemptions')
  @ApiOperation({
    summary: 'Ghi nhận ngoại lệ hỗ trợ trùng / Record a justified double-funding exemption (agency)',
  })
  @ApiZodBody(doubleFundingExemptionRequest)
  @Permit({ roles: CENTRAL, scope: 'projects:write' })
  recordExemption(
    @Body(validBody(doubleFundingExemptionRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('projects', req, res);
  }
}
