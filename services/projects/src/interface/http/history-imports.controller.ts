import { Controller } from '@nestjs/common';
import { currentPrincipal } from '@kc/auth';
import { projectFinanceRoutes as routes, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { ProjectHistoryService } from '../../application/project-history.service';

/** Projects' past from a legacy system (the plan's owner migrating its records). */
@Controller()
export class HistoryImportsController {
  constructor(private readonly history: ProjectHistoryService) {}

  @Route(routes.importHistory)
  import(@Input() { body }: RouteInput<typeof routes.importHistory>) {
    return this.history.import(currentPrincipal(), body);
  }
}
