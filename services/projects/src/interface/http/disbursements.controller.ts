import { Controller } from '@nestjs/common';
import { currentPrincipal } from '@kc/auth';
import { projectFinanceRoutes as routes, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { vietnamDate } from '@kc/reference-data';
import { DisbursementsService } from '../../application/disbursements.service';

/** Advances, payments and refunds of a project (by its plan's owner), and the advance rules they follow. */
@Controller()
export class DisbursementsController {
  constructor(private readonly disbursements: DisbursementsService) {}

  @Route(routes.disburse)
  record(@Input() { params, body }: RouteInput<typeof routes.disburse>) {
    return this.disbursements.record(currentPrincipal(), params.id, body);
  }

  @Route(routes.listDisbursements)
  list(@Input() { params }: RouteInput<typeof routes.listDisbursements>) {
    return this.disbursements.list(currentPrincipal(), params.id);
  }

  @Route(routes.advanceRules)
  rules(@Input() { query }: RouteInput<typeof routes.advanceRules>) {
    return this.disbursements.rules(query.asOf ?? vietnamDate(new Date()));
  }
}
