import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { isoDate, provinceCode, vnd, year } from '../../../../primitives';
import { disbursementKinds } from '../../vocabulary';

export const disbursementRecordedV1 = defineEvent({
  type: 'projects.disbursement.recorded',
  version: 1,
  topic: 'projects.project.events',
  summary:
    'Money moved on a project (advance, payment or refund); carries the running totals so consumers need no sums.',
  payload: z.strictObject({
    projectId: z.uuid(),
    planId: z.uuid(),
    planYear: year,
    provinceCode,
    disbursementId: z.uuid(),
    kind: z.enum(disbursementKinds),
    amountVnd: vnd,
    on: isoDate,
    reference: z.string().min(1).max(200).nullable(),
    /** Advances outstanding after this movement. */
    advancedVnd: vnd,
    /** All disbursed after this movement (advances included, refunds deducted). */
    paidVnd: vnd,
  }),
});
