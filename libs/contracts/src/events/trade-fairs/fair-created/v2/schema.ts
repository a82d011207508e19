import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { isoDate, provinceCode, year } from '../../../../primitives';

/**
 * v2: the `international` scale (a new value is a new version) and the fair's organiser, award ceremony,
 * subsidy policy and allocation method.
 */
export const fairCreatedV2 = defineEvent({
  type: 'trade-fairs.fair.created',
  version: 2,
  topic: 'trade-fairs.fair.events',
  summary:
    'A trade fair was created with its host province, dates, booth inventory, organiser, award ceremony, subsidy policy and allocation method.',
  payload: z.strictObject({
    fairId: z.uuid(),
    name: z.string().min(1).max(300),
    year,
    scale: z.enum(['provincial', 'regional', 'national', 'international']),
    regionCode: z.enum(['north', 'central', 'south']).nullable(),
    provinceCode,
    startDate: isoDate,
    endDate: isoDate,
    boothCount: z.number().int().min(1).max(100_000),
    organiser: z.string().min(1).max(300).nullable(),
    awardCeremony: z
      .strictObject({
        name: z.string().min(1).max(300),
        level: z.enum(['commune', 'provincial', 'regional', 'national']).nullable(),
        date: isoDate.nullable(),
      })
      .nullable(),
    subsidyPolicy: z
      .strictObject({ code: z.string().min(1).max(60), version: z.number().int().min(1) })
      .nullable(),
    allocationMethod: z.enum(['first-come', 'lottery']),
    awardPriority: z.boolean(),
  }),
});
