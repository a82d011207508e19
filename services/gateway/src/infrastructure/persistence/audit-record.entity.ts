import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person's or client's change, or a service keeping its copies of others' facts up to date. */
export type AuditRecordKind = 'action' | 'bookkeeping';

/** One row of the append-only audit trail (the database refuses UPDATE, DELETE and TRUNCATE). */
@Entity('audit_record')
export class AuditRecordEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'event_id' }) eventId: string;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt: Date;
  @Column('text') producer: string;
  @Column('text', { name: 'actor_kind' }) actorKind: 'user' | 'client' | 'system';
  @Column('text', { name: 'actor_id' }) actorId: string;
  @Column('text', { name: 'actor_role', nullable: true }) actorRole: string | null;
  @Column('text', { name: 'actor_province', nullable: true }) actorProvince: string | null;
  @Column('text', { name: 'actor_via', nullable: true }) actorVia: string | null;
  @Column('text') action: string;
  @Column('text', { name: 'resource_type' }) resourceType: string;
  @Column('text', { name: 'resource_id' }) resourceId: string;
  @Column('text', { name: 'province_code', nullable: true }) provinceCode: string | null;
  @Column('text') summary: string;
  @Column('text', { nullable: true }) ip: string | null;
  @Column('text', { name: 'user_agent', nullable: true }) userAgent: string | null;
  @Column('text', { name: 'correlation_id' }) correlationId: string;
  @Column('text', { name: 'caused_by_event', nullable: true }) causedByEvent: string | null;
  /** Computed by the database from caused_by_event (see migration 1763900000795). */
  @Column({ type: 'text', insert: false, update: false }) kind?: AuditRecordKind;
}
