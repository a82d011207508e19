import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { isoDate, provinceCode, year } from '../../../../primitives';

/** Counts only (entries per level, province, group and year): nothing about the facility or its scores. */
export const awardEntrySubmittedV1 = defineEvent({
  type: 'awards.entry.submitted',
  version: 1,
  topic: 'awards.entry.events',
  summary: 'A product was entered in an award round (its round, level, year, province and product group).',
  payload: z.strictObject({
    entryId: z.uuid(),
    roundId: z.uuid(),
    level: z.enum(['commune', 'provincial', 'regional', 'national']),
    roundYear: year,
    /** The facility's provincial unit, in force on the day of entry. */
    provinceCode,
    productGroup: z.enum(['handicraft', 'agro-food', 'machinery', 'other']),
    submittedOn: isoDate,
  }),
});
