import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  disbursementRecordedV1,
  projectAdjustedV1,
  projectAppraisedV1,
  projectContractedV1,
  projectRegisteredV2,
  projectSettledV1,
  projectStatusChangedV1,
  projectStoppedV1,
  type EventEnvelope,
  type PayloadOf,
} from '@kc/contracts';
import { OnEvent, type EventContext } from '@kc/messaging';
import { SupportProjectionService } from '../../application/support/support-projection.service';

/**
 * The projects events that keep the clusters service's copy of the projects (support received by clusters);
 * each runs in its event's inbox transaction, and a malformed event is parked in the dead-letter topic by the
 * platform's consumer.
 */
@Controller()
export class ProjectEventsHandler {
  constructor(private readonly projection: SupportProjectionService) {}

  @OnEvent(projectRegisteredV2)
  async onRegistered(
    @Payload() event: EventEnvelope<PayloadOf<typeof projectRegisteredV2>>,
    @Ctx() ctx: EventContext,
  ) {
    await this.projection.registered(ctx.manager, event);
  }

  @OnEvent(projectStatusChangedV1)
  async onStatusChanged(
    @Payload() event: EventEnvelope<PayloadOf<typeof projectStatusChangedV1>>,
    @Ctx() ctx: EventContext,
  ) {
    await this.projection.statusChanged(ctx.manager, event);
  }

  @OnEvent(projectAppraisedV1)
  async onAppraised(
    @Payload() event: EventEnvelope<PayloadOf<typeof projectAppraisedV1>>,
    @Ctx() ctx: EventContext,
  ) {
    await this.projection.appraised(ctx.manager, event);
  }

  @OnEvent(projectContractedV1)
  async onContracted(
    @Payload() event: EventEnvelope<PayloadOf<typeof projectContractedV1>>,
    @Ctx() ctx: EventContext,
  ) {
    await this.projection.contracted(ctx.manager, event);
  }

  @OnEvent(disbursementRecordedV1)
  async onDisbursementRecorded(
    @Payload() event: EventEnvelope<PayloadOf<typeof disbursementRecordedV1>>,
    @Ctx() ctx: EventContext,
  ) {
    await this.projection.disbursementRecorded(ctx.manager, event);
  }

  @OnEvent(projectSettledV1)
  async onSettled(
    @Payload() event: EventEnvelope<PayloadOf<typeof projectSettledV1>>,
    @Ctx() ctx: EventContext,
  ) {
    await this.projection.settled(ctx.manager, event);
  }

  @OnEvent(projectStoppedV1)
  async onStopped(
    @Payload() event: EventEnvelope<PayloadOf<typeof projectStoppedV1>>,
    @Ctx() ctx: EventContext,
  ) {
    await this.projection.stopped(ctx.manager, event);
  }

  @OnEvent(projectAdjustedV1)
  async onAdjusted(
    @Payload() event: EventEnvelope<PayloadOf<typeof projectAdjustedV1>>,
    @Ctx() ctx: EventContext,
  ) {
    await this.projection.adjusted(ctx.manager, event);
  }
}
