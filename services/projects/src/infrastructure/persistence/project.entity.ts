import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ProjectStatus } from '@kc/contracts';
import { vndTransformer } from '@kc/persistence';
import type { PlanLevel } from '../../domain/lifecycle';

const money = (name: string, nullable = false) => ({ name, nullable, transformer: vndTransformer }) as const;

/** A project (đề án). `date` columns come back as YYYY-MM-DD strings, with no time zone to shift them. */
@Entity('project')
export class ProjectEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') code: string;
  @Column('uuid', { name: 'plan_id' }) planId: string;
  @Column('int', { name: 'plan_year' }) planYear: number;
  @Column('text', { name: 'plan_level' }) planLevel: PlanLevel;
  @Column('text', { name: 'funding_source' }) fundingSource: 'KCQG' | 'KCDP';
  @Column('text') title: string;
  /** Folded title (no diacritics, lower case, đ→d) for the diacritic-blind search. */
  @Column('text', { name: 'title_search' }) titleSearch: string;
  @Column('text') kind: 'ordinary' | 'flagship' | 'group';
  @Column('int', { name: 'activity_contents', array: true }) activityContents: number[];
  @Column('text', { name: 'implementing_unit' }) implementingUnit: string;
  @Column('text', { name: 'unit_search' }) unitSearch: string;
  @Column('text', { array: true }) partners: string[];
  @Column('text', { name: 'province_code' }) provinceCode: string;
  @Column('text', { nullable: true }) commune: string | null;
  @Column('date', { name: 'start_date' }) startDate: string;
  @Column('date', { name: 'end_date' }) endDate: string;
  @Column('bigint', money('kcqg_vnd')) kcqgVnd: number;
  @Column('bigint', money('kcdp_vnd')) kcdpVnd: number;
  @Column('bigint', money('counterpart_vnd')) counterpartVnd: number;
  @Column('bigint', money('other_vnd')) otherVnd: number;
  @Column('bigint', money('requested_support_vnd')) requestedSupportVnd: number;
  @Column('text', { name: 'norm_code', nullable: true }) normCode: string | null;
  @Column('int', { name: 'norm_units', nullable: true }) normUnits: number | null;
  @Column('text', { name: 'procurement_mode' }) procurementMode: 'bidding' | 'selection';
  @Column('text', { name: 'advance_category' }) advanceCategory:
    | 'cluster-infrastructure'
    | 'training-events-media'
    | 'model-machinery'
    | 'enterprise-founding';
  @Column('text') status: ProjectStatus;
  @Column('bigint', money('appraised_support_vnd', true)) appraisedSupportVnd: number | null;
  @Column('bigint', money('allocated_support_vnd')) allocatedSupportVnd: number;
  @Column('text', { name: 'contract_mode', nullable: true }) contractMode:
    | 'contract'
    | 'task-assignment'
    | null;
  @Column('text', { name: 'contract_number', nullable: true }) contractNumber: string | null;
  @Column('date', { name: 'contract_signed_on', nullable: true }) contractSignedOn: string | null;
  @Column('text', { name: 'contract_parties', array: true, nullable: true }) contractParties: string[] | null;
  @Column('bigint', money('contract_value_vnd', true)) contractValueVnd: number | null;
  /** Advances outstanding. */
  @Column('bigint', money('advanced_vnd')) advancedVnd: number;
  /** All disbursed, advances included, refunds deducted. */
  @Column('bigint', money('paid_vnd')) paidVnd: number;
  @Column('text', { name: 'last_progress_month', nullable: true }) lastProgressMonth: string | null;
  @Column('int', { name: 'last_progress_percent', nullable: true }) lastProgressPercent: number | null;
  @Column('date', { name: 'accepted_on', nullable: true }) acceptedOn: string | null;
  @Column('text', { name: 'acceptance_result', nullable: true }) acceptanceResult: string | null;
  @Column('date', { name: 'liquidated_on', nullable: true }) liquidatedOn: string | null;
  @Column('bigint', money('final_value_vnd', true)) finalValueVnd: number | null;
  @Column('bigint', money('settled_vnd', true)) settledVnd: number | null;
  @Column('date', { name: 'settled_on', nullable: true }) settledOn: string | null;
  @Column('boolean', { name: 'settlement_late', nullable: true }) settlementLate: boolean | null;
  @Column('date', { name: 'stopped_on', nullable: true }) stoppedOn: string | null;
  @Column('int') version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
