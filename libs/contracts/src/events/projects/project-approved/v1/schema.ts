import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { provinceCode, vnd, year } from '../../../../primitives';

export const projectApprovedV1 = defineEvent({
  type: 'projects.project.approved',
  version: 1,
  topic: 'projects.project.events',
  summary: 'A project was approved with the support it will receive (never more than it requested).',
  payload: z.strictObject({
    projectId: z.uuid(),
    planId: z.uuid(),
    planYear: year,
    provinceCode,
    approvedSupportVnd: vnd,
  }),
});
