import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { FairScale, RegionCode } from '../../domain/trade-fair';

@Entity('trade_fair')
export class FairEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('int') year: number;
  @Column('text') scale: FairScale;
  @Column('text', { name: 'region_code', nullable: true }) regionCode: RegionCode | null;
  @Column('text', { name: 'province_code' }) provinceCode: string;
  /** `date` columns come back as YYYY-MM-DD strings, with no time zone to shift them. */
  @Column('date', { name: 'start_date' }) startDate: string;
  @Column('date', { name: 'end_date' }) endDate: string;
  @Column('int', { name: 'booth_count' }) boothCount: number;
  @Column('text', { nullable: true }) venue: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
