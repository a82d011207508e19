import { Controller } from '@nestjs/common';
import { currentPrincipal } from '@kc/auth';
import { clusterRoutes as routes, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { ClustersService } from '../../application/clusters.service';

@Controller()
export class ClustersController {
  constructor(private readonly clusters: ClustersService) {}

  @Route(routes.register)
  register(@Input() { body }: RouteInput<typeof routes.register>) {
    return this.clusters.register(currentPrincipal(), body);
  }

  @Route(routes.list)
  list(@Input() { query }: RouteInput<typeof routes.list>) {
    return this.clusters.list(currentPrincipal(), query);
  }

  @Route(routes.get)
  get(@Input() { params }: RouteInput<typeof routes.get>) {
    return this.clusters.get(currentPrincipal(), params.id);
  }
}
