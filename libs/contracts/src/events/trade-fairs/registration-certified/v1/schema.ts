import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { provinceCode, vnd } from '../../../../primitives';

/**
 * The facility's provincial department certified its participation: only certified allocations count as
 * supported booths, and the support amount (the fair's subsidy policy applied to the rent) is fixed here.
 */
export const registrationCertifiedV1 = defineEvent({
  type: 'trade-fairs.registration.certified',
  version: 1,
  topic: 'trade-fairs.fair.events',
  summary: 'A provincial department certified an allocated registration; its booths now count as supported.',
  payload: z.strictObject({
    fairId: z.uuid(),
    registrationId: z.uuid(),
    facilityTaxCode: z.string().min(10).max(14),
    provinceCode,
    boothCodes: z.array(z.string().min(1).max(20)).min(1),
    rentVnd: vnd,
    /** The state support for these booths under the fair's subsidy policy (never above the rent). */
    supportVnd: vnd,
  }),
});
