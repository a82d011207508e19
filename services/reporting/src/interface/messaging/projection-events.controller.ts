import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type {
  awardRoundOpenedV1,
  clusterRegisteredV1,
  EventEnvelope,
  fairCreatedV1,
  PayloadOf,
  planCreatedV1,
  projectApprovedV1,
  projectRegisteredV1,
} from '@kc/contracts';
import { EventContext } from '@kc/messaging';
import { ProjectionsService } from '../../application/projections.service';

type Event<D> = EventEnvelope<PayloadOf<D>>;

/** Every event of the catalog feeds a projection; each runs once per event id, in the inbox transaction. */
@Controller()
export class ProjectionEventsController {
  constructor(private readonly projections: ProjectionsService) {}

  @EventPattern('plans.plan.created')
  planCreated(@Payload() envelope: Event<typeof planCreatedV1>, @Ctx() ctx: EventContext) {
    return this.projections.planCreated(ctx.manager, envelope);
  }

  @EventPattern('projects.project.registered')
  projectRegistered(@Payload() envelope: Event<typeof projectRegisteredV1>, @Ctx() ctx: EventContext) {
    return this.projections.projectRegistered(ctx.manager, envelope);
  }

  @EventPattern('projects.project.approved')
  projectApproved(@Payload() envelope: Event<typeof projectApprovedV1>, @Ctx() ctx: EventContext) {
    return this.projections.projectApproved(ctx.manager, envelope);
  }

  @EventPattern('clusters.cluster.registered')
  clusterRegistered(@Payload() envelope: Event<typeof clusterRegisteredV1>, @Ctx() ctx: EventContext) {
    return this.projections.clusterRegistered(ctx.manager, envelope);
  }

  @EventPattern('trade-fairs.fair.created')
  fairCreated(@Payload() envelope: Event<typeof fairCreatedV1>, @Ctx() ctx: EventContext) {
    return this.projections.fairCreated(ctx.manager, envelope);
  }

  @EventPattern('awards.round.opened')
  awardRoundOpened(@Payload() envelope: Event<typeof awardRoundOpenedV1>, @Ctx() ctx: EventContext) {
    return this.projections.awardRoundOpened(ctx.manager, envelope);
  }
}
