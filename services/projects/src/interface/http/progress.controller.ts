import { Controller } from '@nestjs/common';
import { currentPrincipal } from '@kc/auth';
import { projectFinanceRoutes as routes, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { ProgressService } from '../../application/progress.service';

/** Monthly progress reports of a project: the agency or the project's provincial department. */
@Controller()
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Route(routes.reportProgress)
  report(@Input() { params, body }: RouteInput<typeof routes.reportProgress>) {
    return this.progress.report(currentPrincipal(), params.id, body);
  }

  @Route(routes.listProgress)
  list(@Input() { params }: RouteInput<typeof routes.listProgress>) {
    return this.progress.list(currentPrincipal(), params.id);
  }
}
