import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { provinceCode } from '../../../../primitives';

export const registrationWaitlistedV1 = defineEvent({
  type: 'trade-fairs.registration.waitlisted',
  version: 1,
  topic: 'trade-fairs.fair.events',
  summary: 'No booth was free for a registration: it joined the waiting list with a stable position.',
  payload: z.strictObject({
    fairId: z.uuid(),
    registrationId: z.uuid(),
    facilityTaxCode: z.string().min(10).max(14),
    provinceCode,
    boothCount: z.number().int().min(1),
    boothKind: z.enum(['standard', 'double', 'corner']),
    position: z.number().int().min(1),
  }),
});
