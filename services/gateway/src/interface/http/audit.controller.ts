import { Controller } from '@nestjs/common';
import { auditRoutes as routes, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { AuditTrail } from '../../application/audit/audit-trail';
import { documented } from './route-table.controller';

@Controller()
export class AuditController {
  constructor(private readonly trail: AuditTrail) {}

  @Route(routes.list)
  @documented(routes.list)
  list(@Input() { query }: RouteInput<typeof routes.list>) {
    return this.trail.query(query);
  }
}
