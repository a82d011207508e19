import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { isoDate, provinceCode, vnd, year } from '../../../../primitives';

export const projectContractedV1 = defineEvent({
  type: 'projects.project.contracted',
  version: 1,
  topic: 'projects.project.events',
  summary: 'A project was contracted (or assigned as a task) for a value never above its allocated support.',
  payload: z.strictObject({
    projectId: z.uuid(),
    planId: z.uuid(),
    planYear: year,
    provinceCode,
    mode: z.enum(['contract', 'task-assignment']),
    number: z.string().min(1).max(100),
    signedOn: isoDate,
    contractValueVnd: vnd,
    allocatedVnd: vnd,
    parties: z.array(z.string().min(1).max(300)).min(1),
  }),
});
