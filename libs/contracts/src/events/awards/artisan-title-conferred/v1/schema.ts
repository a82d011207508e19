import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { isoDate, provinceCode, year } from '../../../../primitives';
import { artisanTitles } from '../../../../http/artisan-titles';

/** What the conference figures count (titles per province and year); the artisan's dossier stays in awards. */
export const artisanTitleConferredV1 = defineEvent({
  type: 'awards.artisan.title-conferred',
  version: 1,
  topic: 'awards.artisan.events',
  summary: "The State President conferred a Meritorious or People's Artisan title on a nominee.",
  payload: z.strictObject({
    nominationId: z.uuid(),
    title: z.enum(artisanTitles),
    /** The provincial unit that nominated the artisan, as recorded. */
    provinceCode,
    /** The year of the conferral decision. */
    year,
    conferredOn: isoDate,
  }),
});
