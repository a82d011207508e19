import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { provinceCode, year } from '../../../../primitives';

export const awardRoundOpenedV1 = defineEvent({
  type: 'awards.round.opened',
  version: 1,
  topic: 'awards.round.events',
  summary: 'A product award round was opened at provincial, regional or national level.',
  payload: z.strictObject({
    roundId: z.uuid(),
    name: z.string().min(1).max(300),
    year,
    level: z.enum(['provincial', 'regional', 'national']),
    provinceCode: provinceCode.nullable(),
    regionCode: z.enum(['north', 'central', 'south']).nullable(),
  }),
});
