import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { isoDate, vnd, year } from '../../../../primitives';

export const planCeilingSetV1 = defineEvent({
  type: 'plans.plan.ceiling-set',
  version: 1,
  topic: 'plans.plan.events',
  summary:
    "A plan's budget ceiling for one funding source was set (at creation or by a budget adjustment decision).",
  payload: z.strictObject({
    planId: z.uuid(),
    planYear: year,
    /** KCQG: national khuyến công funds; KCDP: local (provincial) funds. */
    fundingSource: z.enum(['KCQG', 'KCDP']),
    ceilingVnd: vnd,
    /** The decision that set it; null for the ceiling given when the plan was created. */
    decisionNumber: z.string().min(1).max(60).nullable(),
    signedOn: isoDate.nullable(),
  }),
});
