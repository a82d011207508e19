import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { isoDate, provinceCode, year } from '../../../../primitives';

export const registrationSubmittedV1 = defineEvent({
  type: 'plans.registration.submitted',
  version: 1,
  topic: 'plans.plan.events',
  summary:
    "A provincial department submitted its list of base-appraised projects for a plan; late when after the plan's deadline.",
  payload: z.strictObject({
    registrationId: z.uuid(),
    planId: z.uuid(),
    planYear: year,
    provinceCode,
    reportNumber: z.string().min(1).max(60),
    submittedAt: z.iso.datetime({ offset: true }),
    /** The day the province sent the report (lateness is judged on it); absent in events before it was kept. */
    sentOn: isoDate.optional(),
    /** The plan's registration deadline (last day, Vietnamese time). */
    deadline: isoDate,
    late: z.boolean(),
    projectIds: z.array(z.uuid()).min(1),
  }),
});
