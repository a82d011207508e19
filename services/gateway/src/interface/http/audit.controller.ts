import { Controller } from '@nestjs/common';
import { auditRoutes as routes, type AuditRecordView, type Page, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { AuditTrail } from '../../application/audit/audit-trail';

@Controller()
export class AuditController {
  constructor(private readonly trail: AuditTrail) {}

  @Route(routes.list)
  list(@Input() { query }: RouteInput<typeof routes.list>): Promise<Page<AuditRecordView>> {
    return this.trail.query(query);
  }
}
