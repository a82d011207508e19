import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  assignmentDecidedV1,
  disbursementRecordedV1,
  planCeilingSetV1,
  progressReportedV1,
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
import { EventContext, OnEvent } from '@kc/messaging';
import { ProjectProjectionsService } from '../../application/project-projections.service';

type Event<D> = EventEnvelope<PayloadOf<D>>;

/** The project lifecycle and the plan decisions that feed the project figures and the watchlist. */
@Controller()
export class ProjectEventsHandler {
  constructor(private readonly projects: ProjectProjectionsService) {}

  @OnEvent(projectRegisteredV2)
  registered(@Payload() envelope: Event<typeof projectRegisteredV2>, @Ctx() ctx: EventContext) {
    return this.projects.projectRegistered(ctx.manager, envelope);
  }

  @OnEvent(projectStatusChangedV1)
  statusChanged(@Payload() envelope: Event<typeof projectStatusChangedV1>, @Ctx() ctx: EventContext) {
    return this.projects.statusChanged(ctx.manager, envelope);
  }

  @OnEvent(projectAppraisedV1)
  appraised(@Payload() envelope: Event<typeof projectAppraisedV1>, @Ctx() ctx: EventContext) {
    return this.projects.appraised(ctx.manager, envelope);
  }

  @OnEvent(projectContractedV1)
  contracted(@Payload() envelope: Event<typeof projectContractedV1>, @Ctx() ctx: EventContext) {
    return this.projects.contracted(ctx.manager, envelope);
  }

  @OnEvent(progressReportedV1)
  progressReported(@Payload() envelope: Event<typeof progressReportedV1>, @Ctx() ctx: EventContext) {
    return this.projects.progressReported(ctx.manager, envelope);
  }

  @OnEvent(disbursementRecordedV1)
  disbursementRecorded(@Payload() envelope: Event<typeof disbursementRecordedV1>, @Ctx() ctx: EventContext) {
    return this.projects.disbursementRecorded(ctx.manager, envelope);
  }

  @OnEvent(projectSettledV1)
  settled(@Payload() envelope: Event<typeof projectSettledV1>, @Ctx() ctx: EventContext) {
    return this.projects.settled(ctx.manager, envelope);
  }

  @OnEvent(projectStoppedV1)
  stopped(@Payload() envelope: Event<typeof projectStoppedV1>, @Ctx() ctx: EventContext) {
    return this.projects.stopped(ctx.manager, envelope);
  }

  @OnEvent(projectAdjustedV1)
  adjusted(@Payload() envelope: Event<typeof projectAdjustedV1>, @Ctx() ctx: EventContext) {
    return this.projects.adjusted(ctx.manager, envelope);
  }

  @OnEvent(assignmentDecidedV1)
  assignmentDecided(@Payload() envelope: Event<typeof assignmentDecidedV1>, @Ctx() ctx: EventContext) {
    return this.projects.assignmentDecided(ctx.manager, envelope);
  }

  @OnEvent(planCeilingSetV1)
  ceilingSet(@Payload() envelope: Event<typeof planCeilingSetV1>, @Ctx() ctx: EventContext) {
    return this.projects.planCeilingSet(ctx.manager, envelope);
  }
}
