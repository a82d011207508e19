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
