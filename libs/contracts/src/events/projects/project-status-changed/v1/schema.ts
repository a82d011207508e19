import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { provinceCode, year } from '../../../../primitives';
import { projectActions, projectStatuses } from '../../vocabulary';

export const projectStatusChangedV1 = defineEvent({
  type: 'projects.project.status-changed',
  version: 1,
  topic: 'projects.project.events',
  summary: 'A project moved along its lifecycle (emitted for every transition, creation included).',
  payload: z.strictObject({
    projectId: z.uuid(),
    planId: z.uuid(),
    planYear: year,
    provinceCode,
    /** null only for `create` (a new draft). */
    from: z.enum(projectStatuses).nullable(),
    to: z.enum(projectStatuses),
    action: z.enum(projectActions),
    at: z.iso.datetime({ offset: true }),
  }),
});
