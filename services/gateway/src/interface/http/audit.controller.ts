import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permit } from '@kc/auth';
import { validQuery } from '@kc/http';
import { auditQuery, type AuditQuery } from '../../application/audit/audit-query';
import { AuditTrail } from '../../application/audit/audit-trail';
import { ApiZodQuery } from './openapi';

@ApiTags('Nhật ký kiểm toán / Audit trail')
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly trail: AuditTrail) {}

  @Get()
  @Permit({ roles: ['central-admin'], scope: 'audit:read' })
  @ApiOperation({
    summary: 'Nhật ký thay đổi / Who changed what, when and from where (newest first)',
    description:
      'Every state change of every service and of the gateway (logins, password changes, API clients). ' +
      'Filters: actor (username or client:<id>), via (the external OIDC client people acted through), provinceCode, resourceType, resourceId, action, from/to ' +
      '(ISO date-times; from inclusive, to exclusive); page/limit (limit ≤ 200). kind: `action` (default) — ' +
      'what people and API clients did; `bookkeeping` — what a service did on its own in reaction to an event ' +
      '(a projection or a copy of another service’s facts kept current; actor = that service, triggeredBy = ' +
      'the person or client whose change set it off); `all`.',
  })
  @ApiZodQuery(auditQuery)
  list(@Query(validQuery(auditQuery)) query: AuditQuery) {
    return this.trail.query(query);
  }
}
