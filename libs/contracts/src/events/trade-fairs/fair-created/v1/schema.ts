import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { isoDate, provinceCode, year } from '../../../../primitives';

export const fairCreatedV1 = defineEvent({
  type: 'trade-fairs.fair.created',
  version: 1,
  topic: 'trade-fairs.fair.events',
  summary: 'A trade fair was created with its host province, dates and booth inventory.',
  payload: z.strictObject({
    fairId: z.uuid(),
    name: z.string().min(1).max(300),
    year,
    scale: z.enum(['provincial', 'regional', 'national']),
    regionCode: z.enum(['north', 'central', 'south']).nullable(),
    provinceCode,
    startDate: isoDate,
    endDate: isoDate,
    boothCount: z.number().int().min(1).max(100_000),
  }),
});
