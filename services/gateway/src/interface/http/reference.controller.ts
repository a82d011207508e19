import { Controller } from '@nestjs/common';
import { referenceRoutes as routes, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { ReferenceService } from '../../application/reference.service';
import { documented } from './route-table.controller';

/** Served by the gateway itself: the reference data is a library, not a service. */
@Controller()
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @Route(routes.provinces)
  @documented(routes.provinces)
  provinces(@Input() { query }: RouteInput<typeof routes.provinces>) {
    return this.reference.provinces(query.asOf);
  }

  @Route(routes.province)
  @documented(routes.province)
  province(@Input() { params, query }: RouteInput<typeof routes.province>) {
    return this.reference.province(params.code, query.asOf);
  }

  @Route(routes.regions)
  @documented(routes.regions)
  regions(@Input() { query }: RouteInput<typeof routes.regions>) {
    return this.reference.regions(query.asOf);
  }

  @Route(routes.activityContents)
  @documented(routes.activityContents)
  activityContents(@Input() _input: RouteInput<typeof routes.activityContents>) {
    return this.reference.activityContents();
  }
}
