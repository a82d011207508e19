import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type {
  assignmentDecidedV1,
  disbursementRecordedV1,
  EventEnvelope,
  PayloadOf,
  planCeilingSetV1,
  progressReportedV1,
  projectAdjustedV1,
  projectAppraisedV1,
  projectContractedV1,
  projectRegisteredV2,
  projectSettledV1,
  projectStatusChangedV1,
  projectStoppedV1,
} from '@kc/contracts';
import { EventContext } from '@kc/messaging';
import { ProjectProjectionsService } from '../../application/project-projections.service';

type Event<D> = EventEnvelope<PayloadOf<D>>;

/** The project lifecycle and the plan decisions that feed the project figures and the watchlist. */
@Controller()
export class ProjectEventsController {
  constructor(private readonly projects: ProjectProjectionsService) {}

  @EventPattern('projects.project.registered')
  registered(@Payload() envelope: Event<typeof projectRegisteredV2>, @Ctx() ctx: EventContext) {
    return this.projects.projectRegistered(ctx.manager, envelope);
  }

  @EventPattern('projects.project.status-changed')
  statusChanged(@Payload() envelope: Event<typeof projectStatusChangedV1>, @Ctx() ctx: EventContext) {
    return this.projects.statusChanged(ctx.manager, envelope);
  }

  @EventPattern('projects.project.appraised')
  appraised(@Payload() envelope: Event<typeof projectAppraisedV1>, @Ctx() ctx: EventContext) {
    return this.projects.appraised(ctx.manager, envelope);
  }

  @EventPattern('projects.project.contracted')
  contracted(@Payload() envelope: Event<typeof projectContractedV1>, @Ctx() ctx: EventContext) {
    return this.projects.contracted(ctx.manager, envelope);
  }

  @EventPattern('projects.progress.reported')
  progressReported(@Payload() envelope: Event<typeof progressReportedV1>, @Ctx() ctx: EventContext) {
    return this.projects.progressReported(ctx.manager, envelope);
  }

  @EventPattern('projects.disbursement.recorded')
  disbursementRecorded(@Payload() envelope: Event<typeof disbursementRecordedV1>, @Ctx() ctx: EventContext) {
    return this.projects.disbursementRecorded(ctx.manager, envelope);
  }

  @EventPattern('projects.project.settled')
  settled(@Payload() envelope: Event<typeof projectSettledV1>, @Ctx() ctx: EventContext) {
    return this.projects.settled(ctx.manager, envelope);
  }

  @EventPattern('projects.project.stopped')
  stopped(@Payload() envelope: Event<typeof projectStoppedV1>, @Ctx() ctx: EventContext) {
    return this.projects.stopped(ctx.manager, envelope);
  }

  @EventPattern('projects.project.adjusted')
  adjusted(@Payload() envelope: Event<typeof projectAdjustedV1>, @Ctx() ctx: EventContext) {
    return this.projects.adjusted(ctx.manager, envelope);
  }

  @EventPattern('plans.assignment.decided')
  assignmentDecided(@Payload() envelope: Event<typeof assignmentDecidedV1>, @Ctx() ctx: EventContext) {
    return this.projects.assignmentDecided(ctx.manager, envelope);
  }

  @EventPattern('plans.plan.ceiling-set')
  ceilingSet(@Payload() envelope: Event<typeof planCeilingSetV1>, @Ctx() ctx: EventContext) {
    return this.projects.planCeilingSet(ctx.manager, envelope);
  }
}
