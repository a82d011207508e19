import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { vnd } from '../../../../primitives';

export const boothAddedV1 = defineEvent({
  type: 'trade-fairs.booth.added',
  version: 1,
  topic: 'trade-fairs.fair.events',
  summary:
    "Booths were added to a fair's inventory, with their hall, kind, area, rent and place on the floor plan.",
  payload: z.strictObject({
    fairId: z.uuid(),
    booths: z
      .array(
        z.strictObject({
          code: z.string().min(1).max(20),
          hall: z.string().min(1).max(100),
          zone: z.string().max(100).nullable(),
          kind: z.enum(['standard', 'double', 'corner']),
          areaM2: z.number().positive(),
          rentVnd: vnd,
          layout: z.strictObject({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }),
        }),
      )
      .min(1),
    /** Booths in the fair's inventory after this batch. */
    inventorySize: z.number().int().min(1),
  }),
});
