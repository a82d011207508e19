import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { vndTransformer } from '@kc/persistence';
import type { FundingSource } from '../../domain/annual-plan';

/** Replica of the projects plans decides about, kept from the projects events. */
@Entity('project_ref')
export class ProjectRefEntity {
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId: string;
  @Column('text') code: string;
  @Column('uuid', { name: 'plan_id' }) planId: string;
  @Column('int', { name: 'plan_year' }) planYear: number;
  @Column('text', { name: 'province_code' }) provinceCode: string;
  @Column('text', { name: 'funding_source' }) fundingSource: FundingSource;
  @Column('text') status: string;
  @Column('bigint', { name: 'total_cost_vnd', transformer: vndTransformer }) totalCostVnd: number;
  @Column('bigint', { name: 'requested_support_vnd', transformer: vndTransformer })
  requestedSupportVnd: number;
  @Column('bigint', { name: 'appraised_support_vnd', nullable: true, transformer: vndTransformer })
  appraisedSupportVnd: number | null;
  @Column('text', { name: 'norm_code', nullable: true }) normCode: string | null;
  @Column('int', { name: 'norm_units', nullable: true }) normUnits: number | null;
  @Column('date', { name: 'start_date' }) startDate: string;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** The allocation in force for a project from one source. */
@Entity('project_allocation')
export class ProjectAllocationEntity {
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId: string;
  @PrimaryColumn('text', { name: 'funding_source' }) fundingSource: FundingSource;
  @Column('uuid', { name: 'plan_id' }) planId: string;
  @Column('bigint', { name: 'amount_vnd', transformer: vndTransformer }) amountVnd: number;
}
