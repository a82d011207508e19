import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { auditRecordAppendedV1, type EventEnvelope, type PayloadOf } from '@kc/contracts';
import { OnEvent, type EventContext } from '@kc/messaging';
import { AuditTrail } from '../../application/audit/audit-trail';
import { ChangeSignals } from '../../infrastructure/edge-cache/change-signals';

/**
 * Every service's audit events land in the gateway's trail, once each (the inbox row shares ctx.manager). Every
 * committed change of a service writes one, so each is also the signal that the answers the edge keeps of that
 * service are out of date.
 */
@Controller()
export class AuditEventsHandler {
  constructor(
    private readonly trail: AuditTrail,
    private readonly changes: ChangeSignals,
  ) {}

  @OnEvent(auditRecordAppendedV1)
  async onAuditRecord(
    @Payload() envelope: EventEnvelope<PayloadOf<typeof auditRecordAppendedV1>>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    this.changes.committed(envelope.producer);
    await this.trail.append(ctx.manager, envelope);
  }
}
