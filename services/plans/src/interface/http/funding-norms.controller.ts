import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { Permit, STAFF, currentPrincipal } from '@kc/auth';
import {
  checkFundingNormRequest,
  createFundingNormRequest,
  listFundingNormsQuery,
  type CheckFundingNormRequest,
  type CreateFundingNormRequest,
  type ListFundingNormsQuery,
} from '@kc/contracts';
import { validBody, validQuery } from '@kc/http';
import { FundingNormsService } from '../../application/funding-norms.service';

@Controller('api/v1/funding-norms')
export class FundingNormsController {
  constructor(private readonly norms: FundingNormsService) {}

  @Get()
  @Permit({ roles: STAFF, scope: 'plans:read' })
  list(@Query(validQuery(listFundingNormsQuery)) query: ListFundingNormsQuery) {
    return this.norms.list(currentPrincipal(), query);
  }

  /** A national version by the agency; a province's own version by its department or the agency. */
  @Post()
  @Permit({ roles: STAFF, scope: 'plans:write' })
  create(@Body(validBody(createFundingNormRequest)) body: CreateFundingNormRequest) {
    return this.norms.create(currentPrincipal(), body);
  }

  /** A question, not a change: answered with 200 whether or not the support is within the norm. */
  @Post('check')
  @HttpCode(200)
  @Permit({ roles: STAFF, scope: 'plans:read' })
  check(@Body(validBody(checkFundingNormRequest)) body: CheckFundingNormRequest) {
    return this.norms.check(currentPrincipal(), body);
  }
}
