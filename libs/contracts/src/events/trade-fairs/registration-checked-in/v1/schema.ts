import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { provinceCode } from '../../../../primitives';

/** The facility arrived at the fair and took its booths: the payment dossier's proof of participation. */
export const registrationCheckedInV1 = defineEvent({
  type: 'trade-fairs.registration.checked-in',
  version: 1,
  topic: 'trade-fairs.fair.events',
  summary: 'An allocated registration checked in at the fair, on one of its days; its booths are occupied.',
  payload: z.strictObject({
    fairId: z.uuid(),
    registrationId: z.uuid(),
    facilityTaxCode: z.string().min(10).max(14),
    provinceCode,
    boothCodes: z.array(z.string().min(1).max(20)).min(1),
    checkedInAt: z.iso.datetime({ offset: true }),
  }),
});
