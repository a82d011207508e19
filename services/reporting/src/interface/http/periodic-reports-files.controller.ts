import { Controller, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  periodicReportRoutes as routes,
  XLSX_MEDIA_TYPE,
  type RouteAnswer,
  type RouteInput,
} from '@kc/contracts';
import { currentPrincipal } from '@kc/auth';
import { Input, Route } from '@kc/http';
import { ReportHistoryService } from '../../application/periodic-reports/report-history.service';
import { ReportImportService } from '../../application/periodic-reports/report-import.service';

/** Internal HTTP for the gateway: the Excel template and import of a report, and past periods' history. */
@Controller()
export class PeriodicReportsFilesController {
  constructor(
    private readonly files: ReportImportService,
    private readonly history: ReportHistoryService,
  ) {}

  @Route(routes.formTemplate)
  async template(
    @Input() { params, query }: RouteInput<typeof routes.formTemplate>,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.files.template(currentPrincipal(), params.formId, params.version, query.reportId);
    res.setHeader('content-type', XLSX_MEDIA_TYPE);
    res.setHeader(
      'content-disposition',
      `attachment; filename="${params.formId}-v${params.version}${query.reportId ? `-${query.reportId}` : ''}.xlsx"`,
    );
    res.send(file);
  }

  @Route(routes.historyImports)
  historyImports(
    @Input() { body }: RouteInput<typeof routes.historyImports>,
  ): RouteAnswer<typeof routes.historyImports> {
    return this.history.import(currentPrincipal(), body);
  }

  @Route(routes.import)
  import(@Input() { params, body }: RouteInput<typeof routes.import>): RouteAnswer<typeof routes.import> {
    return this.files.import(currentPrincipal(), params.id, body);
  }
}
