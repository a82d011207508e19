import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { provinceCode } from '../../../../primitives';

export const registrationCancelledV1 = defineEvent({
  type: 'trade-fairs.registration.cancelled',
  version: 1,
  topic: 'trade-fairs.fair.events',
  summary:
    'A registration was cancelled with a reason; the booths it held or had been allocated are free again.',
  payload: z.strictObject({
    fairId: z.uuid(),
    registrationId: z.uuid(),
    facilityTaxCode: z.string().min(10).max(14),
    provinceCode,
    previousState: z.enum(['held', 'allocated', 'waitlisted']),
    freedBoothCodes: z.array(z.string().min(1).max(20)),
    reason: z.string().min(1).max(1000),
  }),
});
