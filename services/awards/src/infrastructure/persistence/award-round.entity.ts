import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { AwardLevel, RegionCode } from '../../domain/award-round';

@Entity('award_round')
export class AwardRoundEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('int') year: number;
  @Column('text') level: AwardLevel;
  @Column('text', { name: 'province_code', nullable: true }) provinceCode: string | null;
  @Column('text', { name: 'region_code', nullable: true }) regionCode: RegionCode | null;
  /** `date` columns come back as YYYY-MM-DD strings, with no time zone to shift them. */
  @Column('date', { name: 'closes_on', nullable: true }) closesOn: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
