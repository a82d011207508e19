import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Permit, STAFF, currentPrincipal } from '@kc/auth';
import { projectHistoryImportRequest, type ProjectHistoryImportRequest } from '@kc/contracts';
import { validBody } from '@kc/http';
import { ProjectHistoryService } from '../../application/project-history.service';

/** Projects' past from a legacy system (the plan's owner migrating its records). */
@Controller('api/v1/projects')
export class HistoryImportsController {
  constructor(private readonly history: ProjectHistoryService) {}

  @Post('history-imports')
  @HttpCode(200)
  @Permit({ roles: STAFF, scope: 'projects:write' })
  import(@Body(validBody(projectHistoryImportRequest)) body: ProjectHistoryImportRequest) {
    return this.history.import(currentPrincipal(), body);
  }
}
