import { z } from 'zod';
import { provinceCode } from '../primitives';
import { unitAsOf } from './unit-filter';

/** GET /api/v1/audit — filters by actor, provincial unit, resource and time range; newest first. */
export const auditQuery = z
  .strictObject({
    /** The actor id as recorded: a username (`sct.40`), `client:<id>`, or `platform`. */
    actor: z.string().trim().min(1).max(200).optional(),
    /** The external OIDC client (its `azp`) people acted through. */
    via: z.string().trim().min(1).max(200).optional(),
    provinceCode: provinceCode.optional(),
    unitAsOf,
    resourceType: z.string().trim().min(1).max(50).optional(),
    resourceId: z.string().trim().min(1).max(100).optional(),
    action: z.string().trim().min(1).max(100).optional(),
    /**
     * `action` (default): what people and API clients did. `bookkeeping`: what services did on their own in
     * reaction to those changes (projections, copies of other services' facts). `all`: both.
     */
    kind: z.enum(['action', 'bookkeeping', 'all']).default('action'),
    /** ISO date-times with an offset; `from` inclusive, `to` exclusive. */
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    path: ['to'],
    message: 'must be after from',
  });
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditActorView = z.object({
  kind: z.enum(['user', 'client', 'system']),
  /** A username, an API client's id, or (a system) the service or `platform`. */
  id: z.string(),
  /** The role the actor acted in, as recorded; null for a system. */
  role: z.string().nullable(),
  provinceCode: provinceCode.nullable(),
  /** The external OIDC client a person acted through, if any. */
  via: z.string().nullable(),
});
export type AuditActorView = z.infer<typeof auditActorView>;

/** One entry of the audit trail. */
export const auditRecordView = z.object({
  id: z.uuid(),
  /** The audit event's id (the entry's own id for the gateway's changes). */
  eventId: z.uuid(),
  occurredAt: z.iso.datetime(),
  /** The service that recorded the change. */
  producer: z.string(),
  kind: z.enum(['action', 'bookkeeping']),
  /** Who made the change: a person, an API client, or (for bookkeeping) the service that applied it. */
  actor: auditActorView,
  /** For bookkeeping: the person or client whose change set it off. */
  triggeredBy: auditActorView.nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string(),
  provinceCode: provinceCode.nullable(),
  summary: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  correlationId: z.string(),
  /** The event whose handling made this change (bookkeeping), else null. */
  causedByEvent: z.string().nullable(),
});
export type AuditRecordView = z.infer<typeof auditRecordView>;
