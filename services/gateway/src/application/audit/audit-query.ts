import { z } from 'zod';
import { provinceCode, unitAsOf } from '@kc/contracts';

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

export interface AuditActorView {
  kind: 'user' | 'client' | 'system';
  id: string;
  role: string | null;
  provinceCode: string | null;
  /** The external OIDC client a person acted through, if any. */
  via: string | null;
}

export interface AuditRecordView {
  id: string;
  eventId: string;
  occurredAt: string;
  producer: string;
  kind: 'action' | 'bookkeeping';
  /** Who made the change: a person, an API client, or (for bookkeeping) the service that applied it. */
  actor: AuditActorView;
  /** For bookkeeping: the person or client whose change set it off. */
  triggeredBy: AuditActorView | null;
  action: string;
  resourceType: string;
  resourceId: string;
  provinceCode: string | null;
  summary: string;
  ip: string | null;
  userAgent: string | null;
  correlationId: string;
  causedByEvent: string | null;
}
