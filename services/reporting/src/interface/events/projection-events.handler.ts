import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  awardCertificateIssuedV1,
  awardCertificateWithdrawnV1,
  awardRoundOpenedV1,
  boothAllocatedV1,
  fairCreatedV1,
  fairCreatedV2,
  planCreatedV1,
  registrationCancelledV1,
  registrationCancelledV2,
  registrationCertifiedV1,
  type EventEnvelope,
  type PayloadOf,
} from '@kc/contracts';
import { EventContext, OnEvent } from '@kc/messaging';
import { ProjectionsService } from '../../application/projections.service';

type Event<D> = EventEnvelope<PayloadOf<D>>;

/**
 * The events that feed a projection (the others on the same topics are skipped); each runs once per event id,
 * in the inbox transaction.
 */
@Controller()
export class ProjectionEventsHandler {
  constructor(private readonly projections: ProjectionsService) {}

  @OnEvent(planCreatedV1)
  planCreated(@Payload() envelope: Event<typeof planCreatedV1>, @Ctx() ctx: EventContext) {
    return this.projections.planCreated(ctx.manager, envelope);
  }

  /** Both versions: v1's facts are the part of v2 the projection keeps. */
  @OnEvent(fairCreatedV1, fairCreatedV2)
  fairCreated(
    @Payload() envelope: Event<typeof fairCreatedV1 | typeof fairCreatedV2>,
    @Ctx() ctx: EventContext,
  ) {
    return this.projections.fairCreated(ctx.manager, envelope);
  }

  @OnEvent(boothAllocatedV1)
  boothAllocated(@Payload() envelope: Event<typeof boothAllocatedV1>, @Ctx() ctx: EventContext) {
    return this.projections.boothAllocated(ctx.manager, envelope);
  }

  @OnEvent(registrationCertifiedV1)
  registrationCertified(
    @Payload() envelope: Event<typeof registrationCertifiedV1>,
    @Ctx() ctx: EventContext,
  ) {
    return this.projections.registrationCertified(ctx.manager, envelope);
  }

  /** Both versions: the projection reads only what v1 already said (the state it left, the booths it freed). */
  @OnEvent(registrationCancelledV1, registrationCancelledV2)
  registrationCancelled(
    @Payload() envelope: Event<typeof registrationCancelledV1 | typeof registrationCancelledV2>,
    @Ctx() ctx: EventContext,
  ) {
    return this.projections.registrationCancelled(ctx.manager, envelope);
  }

  @OnEvent(awardRoundOpenedV1)
  awardRoundOpened(@Payload() envelope: Event<typeof awardRoundOpenedV1>, @Ctx() ctx: EventContext) {
    return this.projections.awardRoundOpened(ctx.manager, envelope);
  }

  @OnEvent(awardCertificateIssuedV1)
  certificateIssued(@Payload() envelope: Event<typeof awardCertificateIssuedV1>, @Ctx() ctx: EventContext) {
    return this.projections.certificateIssued(ctx.manager, envelope);
  }

  @OnEvent(awardCertificateWithdrawnV1)
  certificateWithdrawn(
    @Payload() envelope: Event<typeof awardCertificateWithdrawnV1>,
    @Ctx() ctx: EventContext,
  ) {
    return this.projections.certificateWithdrawn(ctx.manager, envelope);
  }
}
