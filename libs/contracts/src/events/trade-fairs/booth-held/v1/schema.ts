import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { provinceCode } from '../../../../primitives';

export const boothHeldV1 = defineEvent({
  type: 'trade-fairs.booth.held',
  version: 1,
  topic: 'trade-fairs.fair.events',
  summary:
    'Booths were held for a registration until a deadline to confirm — on registering, or on promotion from the waiting list.',
  payload: z.strictObject({
    fairId: z.uuid(),
    registrationId: z.uuid(),
    facilityTaxCode: z.string().min(10).max(14),
    provinceCode,
    boothCodes: z.array(z.string().min(1).max(20)).min(1),
    expiresAt: z.iso.datetime({ offset: true }),
    /** The province's quota or `pool`, the common pool. */
    chargedTo: z.string().min(1).max(10),
    promotedFromWaitlist: z.boolean(),
  }),
});
