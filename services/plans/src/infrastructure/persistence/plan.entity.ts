import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { vndTransformer } from '@kc/persistence';

@Entity('annual_plan')
export class PlanEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('int') year: number;
  @Column('text') level: 'national' | 'provincial';
  @Column('text', { name: 'province_code', nullable: true }) provinceCode: string | null;
  @Column('bigint', { name: 'budget_vnd', transformer: vndTransformer }) budgetVnd: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
