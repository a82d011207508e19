import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Principal } from '@kc/contracts';

/** A round's publication job: pending until the result commits (see migration 1763900000500). */
@Entity('award_round_publication')
export class AwardRoundPublicationEntity {
  @PrimaryColumn('uuid', { name: 'round_id' }) roundId: string;
  @Column('text') state: 'pending' | 'published' | 'failed';
  @Column('text') normalisation: 'none' | 'juror-z-score';
  @Column('date', { name: 'announced_on' }) announcedOn: string;
  @Column('text', { name: 'calendar_version' }) calendarVersion: string;
  /** Who asked: the audit trail and the events of the background work carry them as the actor. */
  @Column('jsonb', { name: 'requested_by' }) requestedBy: Principal;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt: Date;
  @Column('text', { name: 'correlation_id' }) correlationId: string;
  @Column('int') attempts: number;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt: Date | null;
  @Column('int', { nullable: true }) entries: number | null;
  @Column('int', { nullable: true }) passed: number | null;
}
