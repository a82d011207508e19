import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type {
  ArtisanNominationStatus,
  ArtisanStage,
  ArtisanTitle,
  CraftPeriod,
  QualifyingWork,
} from '../../domain/artisan-title';

/** A nomination for an artisan title, with the nominee's dossier as it was put to the councils. */
@Entity('artisan_nomination')
export class ArtisanNominationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') title: ArtisanTitle;
  @Column('text', { name: 'full_name' }) fullName: string;
  @Column('int', { name: 'birth_year' }) birthYear: number;
  @Column('text') craft: string;
  @Column('text', { name: 'province_code' }) provinceCode: string;
  /** The Meritorious Artisan title already held: its decision and date (both or neither). */
  @Column('text', { name: 'prior_title_decision', nullable: true }) priorTitleDecision: string | null;
  @Column('date', { name: 'prior_title_conferred_on', nullable: true }) priorTitleConferredOn: string | null;
  @Column('jsonb', { name: 'craft_periods' }) craftPeriods: CraftPeriod[];
  @Column('jsonb') works: QualifyingWork[];
  @Column('int', { name: 'years_in_craft' }) yearsInCraft: number;
  @Column('text', { name: 'rules_basis' }) rulesBasis: string;
  @Column('date', { name: 'nominated_on' }) nominatedOn: string;
  @Column('text', { name: 'nominated_by' }) nominatedBy: string;
  @Column('text') status: ArtisanNominationStatus;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** One stage's decision; the n-th decision of a nomination is the n-th stage (a CHECK holds the order). */
@Entity('artisan_stage_decision')
export class ArtisanStageDecisionEntity {
  @PrimaryColumn('uuid', { name: 'nomination_id' }) nominationId: string;
  @PrimaryColumn('int') seq: number;
  @Column('text') stage: ArtisanStage;
  @Column('text', { name: 'decision_number' }) decisionNumber: string;
  @Column('date', { name: 'decided_on' }) decidedOn: string;
  @Column('text') outcome: 'passed' | 'failed';
  @Column('text', { name: 'recorded_by' }) recordedBy: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}
