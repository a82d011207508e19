import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { provinceCode } from '../../../../primitives';

export const holdExpiredV1 = defineEvent({
  type: 'trade-fairs.hold.expired',
  version: 1,
  topic: 'trade-fairs.fair.events',
  summary: 'A booth hold was not confirmed in time: its booths are free again.',
  payload: z.strictObject({
    fairId: z.uuid(),
    registrationId: z.uuid(),
    facilityTaxCode: z.string().min(10).max(14),
    provinceCode,
    freedBoothCodes: z.array(z.string().min(1).max(20)).min(1),
    expiredAt: z.iso.datetime({ offset: true }),
  }),
});
