import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { isoDate, provinceCode, vnd, year } from '../../../../primitives';
import { fundingSources } from '../../vocabulary';

export const projectStoppedV1 = defineEvent({
  type: 'projects.project.stopped',
  version: 1,
  topic: 'projects.project.events',
  summary:
    'A project was stopped by decision; the unspent part of its allocation (allocated − paid) goes back to its plan.',
  payload: z.strictObject({
    projectId: z.uuid(),
    planId: z.uuid(),
    planYear: year,
    provinceCode,
    fundingSource: z.enum(fundingSources),
    decisionNumber: z.string().min(1).max(100),
    stoppedOn: isoDate,
    reason: z.string().min(1).max(2000),
    allocatedVnd: vnd,
    paidVnd: vnd,
    unspentVnd: vnd,
  }),
});
