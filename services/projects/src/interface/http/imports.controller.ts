import { Controller, Res } from '@nestjs/common';
import type { Response } from 'express';
import { currentPrincipal } from '@kc/auth';
import { projectFinanceRoutes as routes, type RouteInput, XLSX_MEDIA_TYPE } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { ProjectExportService } from '../../application/project-export.service';
import { ProjectImportService } from '../../application/project-import.service';

/**
 * Spreadsheets of projects: a province's registration sheet in (with its template), any filtered list out.
 * Registered before the projects controller, whose `:id` route would otherwise take `export.xlsx`.
 */
@Controller()
export class ImportsController {
  constructor(
    private readonly imports: ProjectImportService,
    private readonly exports: ProjectExportService,
  ) {}

  @Route(routes.import)
  import(@Input() { body }: RouteInput<typeof routes.import>) {
    return this.imports.import(currentPrincipal(), body);
  }

  @Route(routes.importTemplate)
  async template(@Res() res: Response): Promise<void> {
    res.setHeader('content-type', XLSX_MEDIA_TYPE);
    res.setHeader('content-disposition', 'attachment; filename="mau-dang-ky-de-an.xlsx"');
    res.send(await this.imports.template(currentPrincipal()));
  }

  @Route(routes.export)
  async export(@Input() { query }: RouteInput<typeof routes.export>, @Res() res: Response) {
    const file = await this.exports.workbook(currentPrincipal(), query);
    res.setHeader('content-type', XLSX_MEDIA_TYPE);
    res.setHeader('content-disposition', 'attachment; filename="danh-sach-de-an.xlsx"');
    res.send(file);
  }
}
