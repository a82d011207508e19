import { Controller } from '@nestjs/common';
import { currentPrincipal } from '@kc/auth';
import { clusterSupportRoutes as routes, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { ClusterSupportService } from '../../application/support/cluster-support.service';

/** Support received by a cluster: the content-7 projects linked to it, with their money. */
@Controller()
export class ClusterSupportController {
  constructor(private readonly support: ClusterSupportService) {}

  @Route(routes.list)
  list(@Input() { params }: RouteInput<typeof routes.list>) {
    return this.support.list(currentPrincipal(), params.id);
  }

  @Route(routes.link)
  link(@Input() { params, body }: RouteInput<typeof routes.link>) {
    return this.support.link(currentPrincipal(), params.id, body);
  }

  @Route(routes.unlink)
  unlink(@Input() { params }: RouteInput<typeof routes.unlink>) {
    return this.support.unlink(currentPrincipal(), params.id, params.projectId);
  }
}
