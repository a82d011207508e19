import { Controller } from '@nestjs/common';
import {
  referenceRoutes as routes,
  type ActivityContentsView,
  type ProvinceDetailView,
  type ProvincesView,
  type RegionsView,
  type RouteInput,
} from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { ReferenceService } from '../../application/reference.service';

/** Served by the gateway itself: the reference data is a library, not a service. */
@Controller()
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @Route(routes.provinces)
  provinces(@Input() { query }: RouteInput<typeof routes.provinces>): ProvincesView {
    return this.reference.provinces(query.asOf);
  }

  @Route(routes.province)
  province(@Input() { params, query }: RouteInput<typeof routes.province>): ProvinceDetailView {
    return this.reference.province(params.code, query.asOf);
  }

  @Route(routes.regions)
  regions(@Input() { query }: RouteInput<typeof routes.regions>): RegionsView {
    return this.reference.regions(query.asOf);
  }

  @Route(routes.activityContents)
  activityContents(@Input() _input: RouteInput<typeof routes.activityContents>): ActivityContentsView {
    return this.reference.activityContents();
  }
}
