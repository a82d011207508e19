import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { isoDate, provinceCode, vnd, year } from '../../../../primitives';

export const projectAppraisedV1 = defineEvent({
  type: 'projects.project.appraised',
  version: 1,
  topic: 'projects.project.events',
  summary:
    'A project was appraised (base level by its provincial department, ministry level by the plan owner), passed or failed.',
  payload: z.strictObject({
    projectId: z.uuid(),
    planId: z.uuid(),
    planYear: year,
    provinceCode,
    appraisalId: z.uuid(),
    level: z.enum(['base', 'ministry']),
    result: z.enum(['passed', 'failed']),
    /** The support the ministry-level appraisal accepts (≤ requested); null for a base appraisal or a failure. */
    appraisedSupportVnd: vnd.nullable(),
    reviewer: z.string().min(1).max(200),
    appraisedOn: isoDate,
  }),
});
