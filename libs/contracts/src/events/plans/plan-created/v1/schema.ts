import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { provinceCode, vnd, year } from '../../../../primitives';

export const planCreatedV1 = defineEvent({
  type: 'plans.plan.created',
  version: 1,
  topic: 'plans.plan.events',
  summary: 'An annual khuyến công plan (national or provincial) was created with its budget ceiling.',
  payload: z.strictObject({
    planId: z.uuid(),
    name: z.string().min(1).max(300),
    year,
    level: z.enum(['national', 'provincial']),
    provinceCode: provinceCode.nullable(),
    budgetVnd: vnd,
  }),
});
