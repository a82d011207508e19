import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  assignmentDecidedV1,
  planCreatedV1,
  registrationSubmittedV1,
  type EventEnvelope,
  type PayloadOf,
} from '@kc/contracts';
import { OnEvent, type EventContext } from '@kc/messaging';
import { PlanEventsService } from '../../application/plan-events.service';

/** Plans events that move projects (writes only through the inbox transaction of `ctx.manager`). */
@Controller()
export class PlanEventsHandler {
  constructor(private readonly planEvents: PlanEventsService) {}

  @OnEvent(planCreatedV1)
  onPlanCreated(@Payload() event: EventEnvelope<PayloadOf<typeof planCreatedV1>>, @Ctx() ctx: EventContext) {
    return this.planEvents.planCreated(ctx.manager, event.payload);
  }

  @OnEvent(registrationSubmittedV1)
  onRegistrationSubmitted(
    @Payload() event: EventEnvelope<PayloadOf<typeof registrationSubmittedV1>>,
    @Ctx() ctx: EventContext,
  ) {
    return this.planEvents.registrationSubmitted(ctx.manager, event);
  }

  @OnEvent(assignmentDecidedV1)
  onAssignmentDecided(
    @Payload() event: EventEnvelope<PayloadOf<typeof assignmentDecidedV1>>,
    @Ctx() ctx: EventContext,
  ) {
    return this.planEvents.assignmentDecided(ctx.manager, event);
  }
}
