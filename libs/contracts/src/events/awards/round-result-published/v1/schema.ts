import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { isoDate, provinceCode, year } from '../../../../primitives';

const productGroup = z.enum(['handicraft', 'agro-food', 'machinery', 'other']);
const count = z.number().int().min(0);

/**
 * Counts of entries and passes, never a score: the scores are in the public result document, whose SHA-256 this
 * names, under pseudonyms.
 */
export const awardRoundResultPublishedV1 = defineEvent({
  type: 'awards.round.result-published',
  version: 1,
  topic: 'awards.round.events',
  summary: 'A round’s results were published: entries and passes per product group and per province.',
  payload: z.strictObject({
    roundId: z.uuid(),
    level: z.enum(['commune', 'provincial', 'regional', 'national']),
    year,
    provinceCode: provinceCode.nullable(),
    regionCode: z.enum(['north', 'central', 'south']).nullable(),
    /** The commune (district before 07/2025) of a commune-level round. */
    localUnitCode: z.string().nullable(),
    announcedOn: isoDate,
    resultSha256: z.string().regex(/^[0-9a-f]{64}$/),
    groups: z.array(z.strictObject({ productGroup, entries: count, passed: count })),
    /** Per entrant's provincial unit (in force on the day of entry) and group. */
    provinces: z.array(z.strictObject({ provinceCode, productGroup, entries: count, passed: count })),
  }),
});
