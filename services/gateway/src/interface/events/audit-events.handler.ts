import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { auditRecordAppendedV1, type EventEnvelope, type PayloadOf } from '@kc/contracts';
import { OnEvent, type EventContext } from '@kc/messaging';
import { AuditTrail } from '../../application/audit/audit-trail';

/** Every service's audit events land in the gateway's trail, once each (the inbox row shares ctx.manager). */
@Controller()
export class AuditEventsHandler {
  constructor(private readonly trail: AuditTrail) {}

  @OnEvent(auditRecordAppendedV1)
  async onAuditRecord(
    @Payload() envelope: EventEnvelope<PayloadOf<typeof auditRecordAppendedV1>>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.trail.append(ctx.manager, envelope);
  }
}
