import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  projectAppraisedV1,
  projectRegisteredV2,
  projectStatusChangedV1,
  projectStoppedV1,
  type EventEnvelope,
  type PayloadOf,
} from '@kc/contracts';
import type { EventContext } from '@kc/messaging';
import { ProjectReplicaService } from '../../application/project-replica.service';

/** The projects events that keep `project_ref` (writes go through the inbox transaction of each event). */
@Controller()
export class ProjectEventsHandler {
  constructor(private readonly replica: ProjectReplicaService) {}

  /** v1 of `registered` lacks the facts plans checks (cost, norm, schedule): only v2 feeds the replica. */
  @EventPattern(projectRegisteredV2.type)
  async onRegistered(@Payload() event: EventEnvelope, @Ctx() ctx: EventContext) {
    if (event.version !== projectRegisteredV2.version) return;
    await this.replica.registered(ctx.manager, event.payload as PayloadOf<typeof projectRegisteredV2>);
  }

  @EventPattern(projectStatusChangedV1.type)
  async onStatusChanged(
    @Payload() event: EventEnvelope<PayloadOf<typeof projectStatusChangedV1>>,
    @Ctx() ctx: EventContext,
  ) {
    await this.replica.statusChanged(ctx.manager, event.payload);
  }

  @EventPattern(projectAppraisedV1.type)
  async onAppraised(
    @Payload() event: EventEnvelope<PayloadOf<typeof projectAppraisedV1>>,
    @Ctx() ctx: EventContext,
  ) {
    await this.replica.appraised(ctx.manager, event.payload);
  }

  @EventPattern(projectStoppedV1.type)
  async onStopped(
    @Payload() event: EventEnvelope<PayloadOf<typeof projectStoppedV1>>,
    @Ctx() ctx: EventContext,
  ) {
    await this.replica.stopped(ctx.manager, event.payload);
  }
}
