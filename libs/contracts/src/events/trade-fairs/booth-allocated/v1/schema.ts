import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { provinceCode, vnd } from '../../../../primitives';

export const boothAllocatedV1 = defineEvent({
  type: 'trade-fairs.booth.allocated',
  version: 1,
  topic: 'trade-fairs.fair.events',
  summary: 'A registration confirmed its hold: the booths are allocated to the facility.',
  payload: z.strictObject({
    fairId: z.uuid(),
    registrationId: z.uuid(),
    facilityTaxCode: z.string().min(10).max(14),
    provinceCode,
    boothCodes: z.array(z.string().min(1).max(20)).min(1),
    /** Total booth rent of the allocation. */
    rentVnd: vnd,
  }),
});
