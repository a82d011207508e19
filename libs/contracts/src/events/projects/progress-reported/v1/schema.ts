import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { provinceCode, vnd, year } from '../../../../primitives';
import { yearMonth } from '../../vocabulary';

export const progressReportedV1 = defineEvent({
  type: 'projects.progress.reported',
  version: 1,
  topic: 'projects.project.events',
  summary: 'A monthly progress report of a project was received (late when after the 25th, Vietnamese time).',
  payload: z.strictObject({
    projectId: z.uuid(),
    planId: z.uuid(),
    planYear: year,
    provinceCode,
    reportId: z.uuid(),
    month: yearMonth,
    percentDone: z.number().int().min(0).max(100),
    spentVnd: vnd,
    receivedAt: z.iso.datetime({ offset: true }),
    late: z.boolean(),
  }),
});
