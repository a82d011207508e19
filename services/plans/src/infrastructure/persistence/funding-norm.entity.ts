import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { vndTransformer } from '@kc/persistence';

/**
 * One version of a funding norm, national or one province's own; versions of a code never overlap in time
 * within one scope (exclusion constraint) and are numbered per scope.
 */
@Entity('funding_norm')
export class FundingNormEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') code: string;
  @Column('text', { name: 'province_code', nullable: true }) provinceCode: string | null;
  @Column('int') version: number;
  @Column('text', { name: 'name_vi' }) nameVi: string;
  @Column('text', { name: 'name_en' }) nameEn: string;
  @Column('int', { name: 'activity_content' }) activityContent: number;
  @Column('text', { name: 'legal_basis' }) legalBasis: string;
  @Column('date', { name: 'valid_from' }) validFrom: string;
  @Column('date', { name: 'valid_to', nullable: true }) validTo: string | null;
  @Column('int', { name: 'max_percent_bp', nullable: true }) maxPercentBp: number | null;
  @Column('bigint', { name: 'max_vnd_per_unit', nullable: true, transformer: vndTransformer })
  maxVndPerUnit: number | null;
  @Column('text') unit: string;
  @Column('int', { name: 'priority_multiplier_permille' }) priorityMultiplierPermille: number;
  @Column('boolean') verified: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
