import { Controller } from '@nestjs/common';
import { currentPrincipal } from '@kc/auth';
import { clusterInspectionRoutes, clusterPetitionRoutes as routes, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { ClusterInspectionsService } from '../../application/inspections/cluster-inspections.service';
import { ClusterPetitionsService } from '../../application/petitions/cluster-petitions.service';

@Controller()
export class ClusterPetitionsController {
  constructor(private readonly petitions: ClusterPetitionsService) {}

  @Route(routes.file)
  file(@Input() { body }: RouteInput<typeof routes.file>) {
    return this.petitions.file(currentPrincipal(), body);
  }

  @Route(routes.list)
  list(@Input() { query }: RouteInput<typeof routes.list>) {
    return this.petitions.list(currentPrincipal(), query);
  }

  @Route(routes.get)
  get(@Input() { params }: RouteInput<typeof routes.get>) {
    return this.petitions.get(currentPrincipal(), params.id);
  }

  @Route(routes.start)
  start(@Input() { params }: RouteInput<typeof routes.start>) {
    return this.petitions.start(currentPrincipal(), params.id);
  }

  @Route(routes.answer)
  answer(@Input() { params, body }: RouteInput<typeof routes.answer>) {
    return this.petitions.answer(currentPrincipal(), params.id, body.answer);
  }

  @Route(routes.close)
  close(@Input() { params, body }: RouteInput<typeof routes.close>) {
    return this.petitions.close(currentPrincipal(), params.id, body.note);
  }
}

const inspections = clusterInspectionRoutes;

@Controller()
export class ClusterInspectionsController {
  constructor(private readonly inspections: ClusterInspectionsService) {}

  @Route(inspections.record)
  record(@Input() { body }: RouteInput<typeof inspections.record>) {
    return this.inspections.record(currentPrincipal(), body);
  }

  @Route(inspections.list)
  list(@Input() { query }: RouteInput<typeof inspections.list>) {
    return this.inspections.list(currentPrincipal(), query);
  }

  @Route(inspections.get)
  get(@Input() { params }: RouteInput<typeof inspections.get>) {
    return this.inspections.get(currentPrincipal(), params.id);
  }

  @Route(inspections.completeAction)
  completeAction(@Input() { params, body }: RouteInput<typeof inspections.completeAction>) {
    return this.inspections.completeAction(currentPrincipal(), params.id, params.actionId, body);
  }
}
