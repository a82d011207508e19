import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type {
  awardRoundOpenedV1,
  boothAllocatedV1,
  clusterRegisteredV1,
  EventEnvelope,
  fairCreatedV2,
  PayloadOf,
  planCreatedV1,
  registrationCancelledV1,
  registrationCertifiedV1,
} from '@kc/contracts';
import { EventContext } from '@kc/messaging';
import { ProjectionsService } from '../../application/projections.service';

type Event<D> = EventEnvelope<PayloadOf<D>>;

/**
 * The events that feed a projection (the others on the same topics are skipped); each runs once per event id,
 * in the inbox transaction.
 */
@Controller()
export class ProjectionEventsController {
  constructor(private readonly projections: ProjectionsService) {}

  @EventPattern('plans.plan.created')
  planCreated(@Payload() envelope: Event<typeof planCreatedV1>, @Ctx() ctx: EventContext) {
    return this.projections.planCreated(ctx.manager, envelope);
  }

  @EventPattern('clusters.cluster.registered')
  clusterRegistered(@Payload() envelope: Event<typeof clusterRegisteredV1>, @Ctx() ctx: EventContext) {
    return this.projections.clusterRegistered(ctx.manager, envelope);
  }

  @EventPattern('trade-fairs.fair.created')
  fairCreated(@Payload() envelope: Event<typeof fairCreatedV2>, @Ctx() ctx: EventContext) {
    return this.projections.fairCreated(ctx.manager, envelope);
  }

  @EventPattern('trade-fairs.booth.allocated')
  boothAllocated(@Payload() envelope: Event<typeof boothAllocatedV1>, @Ctx() ctx: EventContext) {
    return this.projections.boothAllocated(ctx.manager, envelope);
  }

  @EventPattern('trade-fairs.registration.certified')
  registrationCertified(
    @Payload() envelope: Event<typeof registrationCertifiedV1>,
    @Ctx() ctx: EventContext,
  ) {
    return this.projections.registrationCertified(ctx.manager, envelope);
  }

  @EventPattern('trade-fairs.registration.cancelled')
  registrationCancelled(
    @Payload() envelope: Event<typeof registrationCancelledV1>,
    @Ctx() ctx: EventContext,
  ) {
    return this.projections.registrationCancelled(ctx.manager, envelope);
  }

  @EventPattern('awards.round.opened')
  awardRoundOpened(@Payload() envelope: Event<typeof awardRoundOpenedV1>, @Ctx() ctx: EventContext) {
    return this.projections.awardRoundOpened(ctx.manager, envelope);
  }
}
