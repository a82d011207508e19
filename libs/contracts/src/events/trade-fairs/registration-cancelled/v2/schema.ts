import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { provinceCode } from '../../../../primitives';

/** v2: a lottery request (`requested`) can be withdrawn, and the cancellation says whether it was certified. */
export const registrationCancelledV2 = defineEvent({
  type: 'trade-fairs.registration.cancelled',
  version: 2,
  topic: 'trade-fairs.fair.events',
  summary:
    'A registration was cancelled with a reason; the booths it held or had been allocated are free again, and a certification it had no longer counts.',
  payload: z.strictObject({
    fairId: z.uuid(),
    registrationId: z.uuid(),
    facilityTaxCode: z.string().min(10).max(14),
    provinceCode,
    previousState: z.enum(['requested', 'held', 'allocated', 'waitlisted']),
    freedBoothCodes: z.array(z.string().min(1).max(20)),
    reason: z.string().min(1).max(1000),
    /** The province had certified it: its support is withdrawn with it. */
    wasCertified: z.boolean(),
  }),
});
