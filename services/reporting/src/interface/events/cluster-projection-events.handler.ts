import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  clusterRecordedV1,
  clusterRegisteredV1,
  clusterReportApprovedV1,
  type EventEnvelope,
  type PayloadOf,
} from '@kc/contracts';
import { EventContext, OnEvent } from '@kc/messaging';
import { ClusterProjectionsService } from '../../application/cluster-projections.service';

type Event<D> = EventEnvelope<PayloadOf<D>>;

/**
 * The cluster registry (clusters.cluster.events) and the approved periodic reports (clusters.report.events) for
 * the conference figures; each once per event id, in the inbox transaction.
 */
@Controller()
export class ClusterProjectionEventsHandler {
  constructor(private readonly clusters: ClusterProjectionsService) {}

  @OnEvent(clusterRegisteredV1)
  clusterRegistered(@Payload() envelope: Event<typeof clusterRegisteredV1>, @Ctx() ctx: EventContext) {
    return this.clusters.clusterRegistered(ctx.manager, envelope);
  }

  @OnEvent(clusterRecordedV1)
  clusterRecorded(@Payload() envelope: Event<typeof clusterRecordedV1>, @Ctx() ctx: EventContext) {
    return this.clusters.clusterRecorded(ctx.manager, envelope);
  }

  @OnEvent(clusterReportApprovedV1)
  reportApproved(@Payload() envelope: Event<typeof clusterReportApprovedV1>, @Ctx() ctx: EventContext) {
    return this.clusters.reportApproved(ctx.manager, envelope);
  }
}
