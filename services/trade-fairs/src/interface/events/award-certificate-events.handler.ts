import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  awardCertificateIssuedV1,
  awardCertificateWithdrawnV1,
  type EventEnvelope,
  type PayloadOf,
} from '@kc/contracts';
import { OnEvent, type EventContext } from '@kc/messaging';
import { AwardCertificateCopyService } from '../../application/award-certificate-copy.service';

/** The awards certificate events that keep `award_certificate_ref` (writes only through `ctx.manager`). */
@Controller()
export class AwardCertificateEventsHandler {
  constructor(private readonly copy: AwardCertificateCopyService) {}

  @OnEvent(awardCertificateIssuedV1)
  onIssued(
    @Payload() event: EventEnvelope<PayloadOf<typeof awardCertificateIssuedV1>>,
    @Ctx() ctx: EventContext,
  ) {
    return this.copy.issued(ctx.manager, event);
  }

  @OnEvent(awardCertificateWithdrawnV1)
  onWithdrawn(
    @Payload() event: EventEnvelope<PayloadOf<typeof awardCertificateWithdrawnV1>>,
    @Ctx() ctx: EventContext,
  ) {
    return this.copy.withdrawn(ctx.manager, event);
  }
}
