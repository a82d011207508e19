import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { activityContentCode, provinceCode, vnd, year } from '../../../../primitives';

export const projectRegisteredV1 = defineEvent({
  type: 'projects.project.registered',
  version: 1,
  topic: 'projects.project.events',
  summary: 'A project (đề án) was registered under an annual plan with its requested support.',
  payload: z.strictObject({
    projectId: z.uuid(),
    code: z.string().min(1).max(50),
    planId: z.uuid(),
    planYear: year,
    title: z.string().min(1).max(500),
    provinceCode,
    activityContents: z.array(activityContentCode).min(1).max(9),
    requestedSupportVnd: vnd,
  }),
});
