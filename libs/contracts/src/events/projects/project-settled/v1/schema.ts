import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { isoDate, provinceCode, vnd, year } from '../../../../primitives';

export const projectSettledV1 = defineEvent({
  type: 'projects.project.settled',
  version: 1,
  topic: 'projects.project.events',
  summary: 'A project was settled (quyết toán); late when after 22 January of the year after its plan year.',
  payload: z.strictObject({
    projectId: z.uuid(),
    planId: z.uuid(),
    planYear: year,
    provinceCode,
    settledVnd: vnd,
    settledOn: isoDate,
    late: z.boolean(),
  }),
});
