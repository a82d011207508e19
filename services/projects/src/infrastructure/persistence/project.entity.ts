import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { vndTransformer } from '@kc/persistence';
import type { ProjectStatus } from '../../domain/project';

@Entity('project')
export class ProjectEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') code: string;
  @Column('uuid', { name: 'plan_id' }) planId: string;
  @Column('int', { name: 'plan_year' }) planYear: number;
  @Column('text') title: string;
  @Column('text', { name: 'province_code' }) provinceCode: string;
  @Column('int', { name: 'activity_contents', array: true }) activityContents: number[];
  @Column('bigint', { name: 'requested_support_vnd', transformer: vndTransformer })
  requestedSupportVnd: number;
  @Column('bigint', { name: 'approved_support_vnd', nullable: true, transformer: vndTransformer })
  approvedSupportVnd: number | null;
  @Column('text') status: ProjectStatus;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'approved_at', nullable: true }) approvedAt: Date | null;
}
