import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Permit, STAFF, currentPrincipal } from '@kc/auth';
import {
  exportProjectsQuery,
  projectImportRequest,
  type ExportProjectsQuery,
  type ProjectImportRequest,
} from '@kc/contracts';
import { validBody, validQuery } from '@kc/http';
import { ProjectExportService } from '../../application/project-export.service';
import { XLSX_CONTENT_TYPE } from '../../application/project-import-workbook';
import { ProjectImportService } from '../../application/project-import.service';

/**
 * Spreadsheets of projects: a province's registration sheet in (with its template), any filtered list out.
 * Registered before the projects controller, whose `:id` route would otherwise take `export.xlsx`.
 */
@Controller('api/v1/projects')
export class ImportsController {
  constructor(
    private readonly imports: ProjectImportService,
    private readonly exports: ProjectExportService,
  ) {}

  @Post('imports')
  @HttpCode(200)
  @Permit({ roles: STAFF, scope: 'projects:write' })
  import(@Body(validBody(projectImportRequest)) body: ProjectImportRequest) {
    return this.imports.import(currentPrincipal(), body);
  }

  @Get('import-template.xlsx')
  @Permit({ roles: STAFF, scope: 'projects:read' })
  async template(@Res() res: Response): Promise<void> {
    res.setHeader('content-type', XLSX_CONTENT_TYPE);
    res.setHeader('content-disposition', 'attachment; filename="mau-dang-ky-de-an.xlsx"');
    res.send(await this.imports.template(currentPrincipal()));
  }

  @Get('export.xlsx')
  @Permit({ roles: STAFF, scope: 'projects:read' })
  async export(@Query(validQuery(exportProjectsQuery)) query: ExportProjectsQuery, @Res() res: Response) {
    const file = await this.exports.workbook(currentPrincipal(), query);
    res.setHeader('content-type', XLSX_CONTENT_TYPE);
    res.setHeader('content-disposition', 'attachment; filename="danh-sach-de-an.xlsx"');
    res.send(file);
  }
}
