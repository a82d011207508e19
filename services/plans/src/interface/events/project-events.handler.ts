import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  projectAppraisedV1,
  projectRegisteredV2,
  projectStatusChangedV1,
  projectStoppedV1,
  type EventEnvelope,
  type PayloadOf,
} from '@kc/contracts';
import { OnEvent, type EventContext } from '@kc/messaging';
import { ProjectReplicaService } from '../../application/project-replica.service';

/** The projects events that keep `project_ref` (writes go through the inbox transaction of each event). */
@Controller()
export class ProjectEventsHandler {
  constructor(private readonly replica: ProjectReplicaService) {}

  /** v1 of `registered` lacks the facts plans checks (cost, norm, schedule): only v2 feeds the replica. */
  @OnEvent(projectRegisteredV2)
  async onRegistered(
    @Payload() event: EventEnvelope<PayloadOf<typeof projectRegisteredV2>>,
    @Ctx() ctx: EventContext,
  ) {
    await this.replica.registered(ctx.manager, event.payload);
  }

  @OnEvent(projectStatusChangedV1)
  async onStatusChanged(
    @Payload() event: EventEnvelope<PayloadOf<typeof projectStatusChangedV1>>,
    @Ctx() ctx: EventContext,
  ) {
    await this.replica.statusChanged(ctx.manager, event.payload);
  }

  @OnEvent(projectAppraisedV1)
  async onAppraised(
    @Payload() event: EventEnvelope<PayloadOf<typeof projectAppraisedV1>>,
    @Ctx() ctx: EventContext,
  ) {
    await this.replica.appraised(ctx.manager, event.payload);
  }

  @OnEvent(projectStoppedV1)
  async onStopped(
    @Payload() event: EventEnvelope<PayloadOf<typeof projectStoppedV1>>,
    @Ctx() ctx: EventContext,
  ) {
    await this.replica.stopped(ctx.manager, event.payload);
  }
}
