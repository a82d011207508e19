import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { provinceCode } from '../../../../primitives';

export const registrationRequestedV1 = defineEvent({
  type: 'trade-fairs.registration.requested',
  version: 1,
  topic: 'trade-fairs.fair.events',
  summary:
    "A booth request was collected for a lottery fair's draw at the close of its window; it holds nothing yet.",
  payload: z.strictObject({
    fairId: z.uuid(),
    registrationId: z.uuid(),
    facilityTaxCode: z.string().min(10).max(14),
    provinceCode,
    boothCount: z.number().int().min(1).max(20),
    boothKind: z.enum(['standard', 'double', 'corner']),
    /** A product holds an award certificate valid on the fair's opening day. */
    awardCertified: z.boolean(),
  }),
});
