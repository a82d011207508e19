import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Permit, STAFF, currentPrincipal } from '@kc/auth';
import {
  advanceRulesQuery,
  disbursementRequest,
  type AdvanceRulesQuery,
  type DisbursementRequest,
} from '@kc/contracts';
import { validBody, validQuery } from '@kc/http';
import { DisbursementsService } from '../../application/disbursements.service';
import { todayInVietnam } from '../../domain/progress-report';

/** Advances, payments and refunds of a project (by its plan's owner), and the advance rules they follow. */
@Controller('api/v1')
export class DisbursementsController {
  constructor(private readonly disbursements: DisbursementsService) {}

  @Post('projects/:id/disbursements')
  @Permit({ roles: STAFF, scope: 'projects:write' })
  record(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(validBody(disbursementRequest)) body: DisbursementRequest,
  ) {
    return this.disbursements.record(currentPrincipal(), id, body);
  }

  @Get('projects/:id/disbursements')
  @Permit({ roles: STAFF, scope: 'projects:read' })
  list(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.disbursements.list(currentPrincipal(), id);
  }

  @Get('advance-rules')
  @Permit({ roles: STAFF, scope: 'projects:read' })
  rules(@Query(validQuery(advanceRulesQuery)) query: AdvanceRulesQuery) {
    return this.disbursements.rules(query.asOf ?? todayInVietnam(new Date()));
  }
}
