import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { isoDate, provinceCode, year } from '../../../../primitives';
import { adjustmentKinds, approvalLevels } from '../../vocabulary';

export const projectAdjustedV1 = defineEvent({
  type: 'projects.project.adjusted',
  version: 1,
  topic: 'projects.project.events',
  summary:
    'A project was adjusted (extension, stop, content, location, beneficiaries, partners, timing…) at the approval level its kind requires.',
  payload: z.strictObject({
    projectId: z.uuid(),
    planId: z.uuid(),
    planYear: year,
    provinceCode,
    adjustmentId: z.uuid(),
    kind: z.enum(adjustmentKinds),
    level: z.enum(approvalLevels),
    decisionNumber: z.string().min(1).max(100).nullable(),
    decidedOn: isoDate.nullable(),
    reason: z.string().min(1).max(2000),
    /** The changed fields before and after, by field name (JSON values). */
    before: z.record(z.string(), z.unknown()),
    after: z.record(z.string(), z.unknown()),
  }),
});
