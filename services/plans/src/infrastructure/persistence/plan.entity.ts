import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { vndTransformer } from '@kc/persistence';
import type { FundingSource } from '../../domain/annual-plan';

@Entity('annual_plan')
export class PlanEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('int') year: number;
  @Column('text') level: 'national' | 'provincial';
  @Column('text', { name: 'province_code', nullable: true }) provinceCode: string | null;
  @Column('uuid', { name: 'programme_id', nullable: true }) programmeId: string | null;
  @Column('date', { name: 'registration_deadline' }) registrationDeadline: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** The plan's budget from one funding source and what its decisions have allocated (CHECK allocated ≤ ceiling). */
@Entity('plan_ceiling')
export class PlanCeilingEntity {
  @PrimaryColumn('uuid', { name: 'plan_id' }) planId: string;
  @PrimaryColumn('text', { name: 'funding_source' }) fundingSource: FundingSource;
  @Column('bigint', { name: 'ceiling_vnd', transformer: vndTransformer }) ceilingVnd: number;
  @Column('bigint', { name: 'allocated_vnd', transformer: vndTransformer }) allocatedVnd: number;
}
