import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Permit, STAFF } from '@kc/auth';
import {
  advanceRulesQuery,
  disbursementRequest,
  exportProjectsQuery,
  progressReportRequest,
  projectHistoryImportRequest,
  projectImportRequest,
} from '@kc/contracts';
import { validBody, validParams, validQuery } from '@kc/http';
import { ApiUuidParam, ApiZodBody, ApiZodQuery, idParams } from './openapi';
import { Relay } from './relay';

const WRITE = { roles: STAFF, scope: 'projects:write' } as const;
const READ = { roles: STAFF, scope: 'projects:read' } as const;

/**
 * Progress reports, money (advances, payments, refunds) and spreadsheets of projects (projects service).
 * Registered before the projects controller: its `projects/:id` would otherwise take `export.xlsx`.
 */
@ApiTags('Đề án: tiến độ, giải ngân, Excel / Projects: progress, money, spreadsheets')
@Controller('api/v1')
export class ProjectFinanceController {
  constructor(private readonly relay: Relay) {}

  @Post('projects/imports')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Nhập danh sách đề án từ Excel / Import a registration sheet (.xlsx): dry run, all-or-nothing or valid rows',
  })
  @ApiZodBody(projectImportRequest)
  @Permit(WRITE)
  import(@Body(validBody(projectImportRequest)) _body: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('projects', req, res);
  }

  @Post('projects/history-imports')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Nhập hồ sơ đề án đã thực hiện từ hệ thống cũ / Import projects' past from a legacy system: each record " +
      'created once (by its legacy id), then its appraisals, contract, reports, money, extension, acceptance, ' +
      "liquidation and settlement as far as the plans service's steps allow (plan owner only)",
  })
  @ApiZodBody(projectHistoryImportRequest)
  @Permit(WRITE)
  importHistory(
    @Body(validBody(projectHistoryImportRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('projects', req, res);
  }

  @Get('projects/import-template.xlsx')
  @ApiOperation({ summary: 'Mẫu danh sách đề án (.xlsx) / The registration sheet template' })
  @Permit(READ)
  template(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.relay.file('projects', req, res);
  }

  @Get('projects/export.xlsx')
  @ApiOperation({ summary: 'Xuất danh sách đề án (.xlsx) / Export the filtered project list' })
  @ApiZodQuery(exportProjectsQuery)
  @Permit(READ)
  export(
    @Query(validQuery(exportProjectsQuery)) _query: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.relay.file('projects', req, res);
  }

  @Post('projects/:id/progress-reports')
  @ApiOperation({ summary: 'Báo cáo tiến độ tháng / Report monthly progress (due by the 25th)' })
  @ApiUuidParam()
  @ApiZodBody(progressReportRequest)
  @Permit(WRITE)
  report(
    @Param(validParams(idParams)) _params: unknown,
    @Body(validBody(progressReportRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('projects', req, res);
  }

  @Get('projects/:id/progress-reports')
  @ApiOperation({ summary: 'Các báo cáo tiến độ / Monthly progress reports of a project' })
  @ApiUuidParam()
  @Permit(READ)
  reports(@Param(validParams(idParams)) _params: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('projects', req, res);
  }

  @Post('projects/:id/disbursements')
  @ApiOperation({ summary: 'Tạm ứng, thanh toán, hoàn trả / Record an advance, payment or refund' })
  @ApiUuidParam()
  @ApiZodBody(disbursementRequest)
  @Permit(WRITE)
  disburse(
    @Param(validParams(idParams)) _params: unknown,
    @Body(validBody(disbursementRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('projects', req, res);
  }

  @Get('projects/:id/disbursements')
  @ApiOperation({ summary: 'Giải ngân của đề án / Disbursements of a project with its totals' })
  @ApiUuidParam()
  @Permit(READ)
  disbursements(@Param(validParams(idParams)) _params: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('projects', req, res);
  }

  @Get('advance-rules')
  @ApiOperation({ summary: 'Quy định tạm ứng / Advance rules in force, with their legal basis' })
  @ApiZodQuery(advanceRulesQuery)
  @Permit(READ)
  advanceRules(
    @Query(validQuery(advanceRulesQuery)) _query: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('projects', req, res);
  }
}
