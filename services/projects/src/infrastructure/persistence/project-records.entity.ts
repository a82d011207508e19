import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { AdjustedFields, AdjustmentView, Beneficiary } from '@kc/contracts';
import { vndTransformer } from '@kc/persistence';

@Entity('project_beneficiary')
export class ProjectBeneficiaryEntity {
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId: string;
  @PrimaryColumn('text', { name: 'tax_code' }) taxCode: string;
  @Column('text') name: string;
  @Column('text', { name: 'legal_form' }) legalForm: Beneficiary['legalForm'];
}

export interface AppraisalCriterion {
  name: string;
  passed: boolean;
  remark: string | null;
}

@Entity('appraisal')
export class AppraisalEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'project_id' }) projectId: string;
  @Column('text') level: 'base' | 'ministry';
  @Column('text') reviewer: string;
  @Column('jsonb') criteria: AppraisalCriterion[];
  @Column('text') result: 'passed' | 'failed';
  @Column('bigint', { name: 'appraised_support_vnd', nullable: true, transformer: vndTransformer })
  appraisedSupportVnd: number | null;
  @Column('text', { nullable: true }) remarks: string | null;
  @Column('date', { name: 'appraised_on' }) appraisedOn: string;
  @Column('text', { name: 'recorded_by' }) recordedBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('adjustment')
export class AdjustmentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'project_id' }) projectId: string;
  @Column('text') kind: AdjustmentView['kind'];
  @Column('text') level: 'minister' | 'agency' | 'province';
  @Column('text', { name: 'decision_number', nullable: true }) decisionNumber: string | null;
  @Column('date', { name: 'decided_on', nullable: true }) decidedOn: string | null;
  @Column('text') reason: string;
  @Column('jsonb') before: AdjustedFields;
  @Column('jsonb') after: AdjustedFields;
  @Column('text', { name: 'recorded_by' }) recordedBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('double_funding_exemption')
export class DoubleFundingExemptionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'tax_code' }) taxCode: string;
  @Column('int', { name: 'activity_content' }) activityContent: number;
  /** Postgres daterange text, e.g. `[2026-01-01,2027-01-01)`. */
  @Column('daterange') period: string;
  @Column('text') justification: string;
  @Column('text', { name: 'decision_number', nullable: true }) decisionNumber: string | null;
  @Column('text', { name: 'recorded_by' }) recordedBy: string;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
}
