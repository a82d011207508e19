import { Column, Entity, PrimaryColumn } from 'typeorm';
import { vndTransformer } from '@kc/persistence';
import type { DisbursementKind } from '../../domain/advances';

const money = (name: string) => ({ name, transformer: vndTransformer }) as const;

/** One movement of money on a project, with the project's totals right after it. */
@Entity('disbursement')
export class DisbursementEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'project_id' }) projectId: string;
  @Column('text', { name: 'province_code' }) provinceCode: string;
  @Column('text') kind: DisbursementKind;
  @Column('bigint', money('amount_vnd')) amountVnd: number;
  @Column('date', { name: 'on_date' }) on: string;
  @Column('text', { nullable: true }) reference: string | null;
  @Column('text', { name: 'advance_rule_id', nullable: true }) advanceRuleId: string | null;
  @Column('bigint', money('advanced_after_vnd')) advancedAfterVnd: number;
  @Column('bigint', money('paid_after_vnd')) paidAfterVnd: number;
  @Column('text', { name: 'recorded_by' }) recordedBy: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}
