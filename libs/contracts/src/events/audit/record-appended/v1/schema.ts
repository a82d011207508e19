import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { provinceCode } from '../../../../primitives';

/**
 * One entry of the audit trail: a state change made by a request or an event handler. Who acted and the
 * correlation id are the envelope's `actor` and `correlationId`; this payload says what and from where.
 */
export const auditRecordAppendedV1 = defineEvent({
  type: 'audit.record.appended',
  version: 1,
  topic: 'audit.record.events',
  summary: 'A state change was made: who (envelope actor), what, on which resource, from where.',
  payload: z.strictObject({
    /** `<verb>` such as `plan.create`, `project.approve`, `projection.update`. */
    action: z.string().min(1).max(100),
    resourceType: z.string().min(1).max(50),
    resourceId: z.string().min(1).max(100),
    provinceCode: provinceCode.nullable(),
    summary: z.string().max(1000),
    ip: z.string().max(100).nullable(),
    userAgent: z.string().max(500).nullable(),
    /** The event that caused this change, for changes made by event handlers. */
    causedByEvent: z.string().max(100).nullable(),
  }),
});
