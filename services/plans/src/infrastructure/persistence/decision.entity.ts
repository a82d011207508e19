import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { vndTransformer } from '@kc/persistence';
import type { FundingSource } from '../../domain/annual-plan';
import type { DecisionKind } from '../../domain/assignment';

@Entity('assignment_decision')
export class AssignmentDecisionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'plan_id' }) planId: string;
  @Column('text') number: string;
  @Column('date', { name: 'signed_on' }) signedOn: string;
  @Column('text') kind: DecisionKind;
  @Column('text', { name: 'decided_by' }) decidedBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('decision_allocation')
export class DecisionAllocationEntity {
  @PrimaryColumn('uuid', { name: 'decision_id' }) decisionId: string;
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId: string;
  @PrimaryColumn('text', { name: 'funding_source' }) fundingSource: FundingSource;
  @Column('text', { name: 'province_code' }) provinceCode: string;
  @Column('bigint', { name: 'amount_vnd', transformer: vndTransformer }) amountVnd: number;
  @Column('bigint', { name: 'previous_vnd', transformer: vndTransformer }) previousVnd: number;
}

@Entity('plan_ceiling_change')
export class PlanCeilingChangeEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'plan_id' }) planId: string;
  @Column('text', { name: 'funding_source' }) fundingSource: FundingSource;
  @Column('bigint', { name: 'previous_vnd', nullable: true, transformer: vndTransformer })
  previousVnd: number | null;
  @Column('bigint', { name: 'ceiling_vnd', transformer: vndTransformer }) ceilingVnd: number;
  @Column('text', { name: 'decision_number', nullable: true }) decisionNumber: string | null;
  @Column('date', { name: 'signed_on', nullable: true }) signedOn: string | null;
  @Column('text', { name: 'changed_by' }) changedBy: string;
  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz' }) changedAt: Date;
}
