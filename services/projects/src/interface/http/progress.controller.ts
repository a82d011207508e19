import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Permit, STAFF, currentPrincipal } from '@kc/auth';
import { progressReportRequest, type ProgressReportRequest } from '@kc/contracts';
import { validBody } from '@kc/http';
import { ProgressService } from '../../application/progress.service';

/** Monthly progress reports of a project: the agency or the project's provincial department. */
@Controller('api/v1/projects/:id/progress-reports')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Post()
  @Permit({ roles: STAFF, scope: 'projects:write' })
  report(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(validBody(progressReportRequest)) body: ProgressReportRequest,
  ) {
    return this.progress.report(currentPrincipal(), id, body);
  }

  @Get()
  @Permit({ roles: STAFF, scope: 'projects:read' })
  list(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.progress.list(currentPrincipal(), id);
  }
}
