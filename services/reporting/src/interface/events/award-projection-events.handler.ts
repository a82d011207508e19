import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  artisanTitleConferredV1,
  awardEntrySubmittedV1,
  awardRoundResultPublishedV1,
  type EventEnvelope,
  type PayloadOf,
} from '@kc/contracts';
import { EventContext, OnEvent } from '@kc/messaging';
import { AwardProjectionsService } from '../../application/award-projections.service';

type Event<D> = EventEnvelope<PayloadOf<D>>;

/** Award entries, results and artisan titles for the conference figures; each once per event id. */
@Controller()
export class AwardProjectionEventsHandler {
  constructor(private readonly awards: AwardProjectionsService) {}

  @OnEvent(awardEntrySubmittedV1)
  entrySubmitted(@Payload() envelope: Event<typeof awardEntrySubmittedV1>, @Ctx() ctx: EventContext) {
    return this.awards.entrySubmitted(ctx.manager, envelope);
  }

  @OnEvent(awardRoundResultPublishedV1)
  resultPublished(@Payload() envelope: Event<typeof awardRoundResultPublishedV1>, @Ctx() ctx: EventContext) {
    return this.awards.resultPublished(ctx.manager, envelope);
  }

  @OnEvent(artisanTitleConferredV1)
  titleConferred(@Payload() envelope: Event<typeof artisanTitleConferredV1>, @Ctx() ctx: EventContext) {
    return this.awards.titleConferred(ctx.manager, envelope);
  }
}
