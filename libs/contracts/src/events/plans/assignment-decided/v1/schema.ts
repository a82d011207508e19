import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { isoDate, provinceCode, vnd, year } from '../../../../primitives';

export const assignmentDecidedV1 = defineEvent({
  type: 'plans.assignment.decided',
  version: 1,
  topic: 'plans.plan.events',
  summary:
    'A plan-assignment decision (Quyết định giao kế hoạch) allocated support to projects; amounts are totals after the decision.',
  payload: z.strictObject({
    decisionId: z.uuid(),
    planId: z.uuid(),
    planYear: year,
    number: z.string().min(1).max(60),
    signedOn: isoDate,
    kind: z.enum(['initial', 'adjustment']),
    allocations: z
      .array(
        z.strictObject({
          projectId: z.uuid(),
          provinceCode,
          fundingSource: z.enum(['KCQG', 'KCDP']),
          /** The project's allocation from this source after the decision. */
          amountVnd: vnd,
          /** Its allocation from this source before the decision (0 when new to the plan). */
          previousVnd: vnd,
        }),
      )
      .min(1),
  }),
});
