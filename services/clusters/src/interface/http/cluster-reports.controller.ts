import { Controller, Res } from '@nestjs/common';
import type { Response } from 'express';
import { currentPrincipal } from '@kc/auth';
import { clusterReportRoutes as routes, type RouteInput, XLSX_MEDIA_TYPE } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { ClusterReportsService } from '../../application/reports/cluster-reports.service';
import { ReportHistoryService } from '../../application/reports/report-history.service';
import { ReportImportService } from '../../application/reports/report-import.service';
import { ReportListingService } from '../../application/reports/report-listing.service';

/** Periodic reports of clusters (Circular 14/2024). `export.xlsx` is bound before `:id`. */
@Controller()
export class ClusterReportsController {
  constructor(
    private readonly reports: ClusterReportsService,
    private readonly listing: ReportListingService,
    private readonly imports: ReportImportService,
    private readonly history: ReportHistoryService,
  ) {}

  @Route(routes.export)
  async export(@Input() { query }: RouteInput<typeof routes.export>, @Res() res: Response) {
    const file = await this.listing.workbook(currentPrincipal(), query);
    res.setHeader('content-type', XLSX_MEDIA_TYPE);
    res.setHeader(
      'content-disposition',
      `attachment; filename="bao-cao-ccn-${query.periodKind}-${query.year}${query.provinceCode ? `-${query.provinceCode}` : ''}.xlsx"`,
    );
    res.send(file);
  }

  /** Past periods' reports from paper or a legacy system, with their true days. */
  @Route(routes.importHistory)
  importHistory(@Input() { body }: RouteInput<typeof routes.importHistory>) {
    return this.history.import(currentPrincipal(), body);
  }

  @Route(routes.open)
  open(@Input() { body }: RouteInput<typeof routes.open>) {
    return this.reports.open(currentPrincipal(), body);
  }

  @Route(routes.list)
  list(@Input() { query }: RouteInput<typeof routes.list>) {
    return this.listing.list(currentPrincipal(), query);
  }

  @Route(routes.get)
  get(@Input() { params }: RouteInput<typeof routes.get>) {
    return this.reports.get(currentPrincipal(), params.id);
  }

  @Route(routes.edit)
  edit(@Input() { params, body }: RouteInput<typeof routes.edit>) {
    return this.reports.edit(currentPrincipal(), params.id, body);
  }

  @Route(routes.submit)
  submit(@Input() { params }: RouteInput<typeof routes.submit>) {
    return this.reports.submit(currentPrincipal(), params.id);
  }

  @Route(routes.return)
  returnForCorrection(@Input() { params, body }: RouteInput<typeof routes.return>) {
    return this.reports.returnForCorrection(currentPrincipal(), params.id, body.reason);
  }

  @Route(routes.approve)
  approve(@Input() { params }: RouteInput<typeof routes.approve>) {
    return this.reports.approve(currentPrincipal(), params.id);
  }

  @Route(routes.requestReopen)
  requestReopen(@Input() { params, body }: RouteInput<typeof routes.requestReopen>) {
    return this.reports.requestReopen(currentPrincipal(), params.id, body.reason);
  }

  @Route(routes.approveReopen)
  approveReopen(@Input() { params }: RouteInput<typeof routes.approveReopen>) {
    return this.reports.approveReopen(currentPrincipal(), params.id, params.requestId);
  }

  @Route(routes.rollUp)
  rollUp(@Input() { query }: RouteInput<typeof routes.rollUp>) {
    return this.reports.rollUp(currentPrincipal(), query);
  }

  @Route(routes.database)
  database(@Input() { query }: RouteInput<typeof routes.database>) {
    return this.listing.database(currentPrincipal(), query);
  }

  @Route(routes.import)
  import(@Input() { body }: RouteInput<typeof routes.import>) {
    return this.imports.import(currentPrincipal(), body);
  }
}
