import { z } from 'zod';
import { defineEvent } from '../../../event-definition';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** The entries themselves are published at GET /api/v1/fairs/:id/lottery; the digest pins them. */
export const lotteryDrawnV1 = defineEvent({
  type: 'trade-fairs.lottery.drawn',
  version: 1,
  topic: 'trade-fairs.fair.events',
  summary:
    "A lottery fair's requests were drawn with a published seed; booths were held in draw order, the rest wait-listed in draw order.",
  payload: z.strictObject({
    fairId: z.uuid(),
    seed: z.string().min(8).max(200),
    algorithm: z.string().min(1).max(2000),
    awardPriority: z.boolean(),
    entries: z.number().int().min(0),
    held: z.number().int().min(0),
    waitlisted: z.number().int().min(0),
    /** hex(SHA-256) of the lines `<rank> <registrationId> <ticket>\n` in rank order. */
    drawDigest: sha256Hex,
    drawnAt: z.iso.datetime({ offset: true }),
  }),
});
