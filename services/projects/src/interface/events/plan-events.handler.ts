import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  assignmentDecidedV1,
  planCreatedV1,
  registrationSubmittedV1,
  type EventEnvelope,
  type PayloadOf,
} from '@kc/contracts';
import type { EventContext } from '@kc/messaging';
import { PlanEventsService } from '../../application/plan-events.service';

/** Plans events that move projects (writes only through the inbox transaction of `ctx.manager`). */
@Controller()
export class PlanEventsHandler {
  constructor(private readonly planEvents: PlanEventsService) {}

  @EventPattern(planCreatedV1.type)
  onPlanCreated(@Payload() event: EventEnvelope<PayloadOf<typeof planCreatedV1>>, @Ctx() ctx: EventContext) {
    return this.planEvents.planCreated(ctx.manager, event.payload);
  }

  @EventPattern(registrationSubmittedV1.type)
  onRegistrationSubmitted(
    @Payload() event: EventEnvelope<PayloadOf<typeof registrationSubmittedV1>>,
    @Ctx() ctx: EventContext,
  ) {
    return this.planEvents.registrationSubmitted(ctx.manager, event);
  }

  @EventPattern(assignmentDecidedV1.type)
  onAssignmentDecided(
    @Payload() event: EventEnvelope<PayloadOf<typeof assignmentDecidedV1>>,
    @Ctx() ctx: EventContext,
  ) {
    return this.planEvents.assignmentDecided(ctx.manager, event);
  }
}
