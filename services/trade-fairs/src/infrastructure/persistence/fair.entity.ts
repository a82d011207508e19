import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { AllocationMethod, CertificateLevel } from '@kc/contracts';
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
  @Column('timestamptz', { name: 'registration_opens_at', nullable: true }) registrationOpensAt: Date | null;
  @Column('timestamptz', { name: 'registration_closes_at', nullable: true })
  registrationClosesAt: Date | null;
  @Column('int', { name: 'hold_minutes', default: 15 }) holdMinutes: number;
  @Column('int', { name: 'facility_booth_limit', default: 2 }) facilityBoothLimit: number;
  /** The subsidy policy version the fair's booth support follows (null: none was in force when it opens). */
  @Column('text', { name: 'subsidy_policy_code', nullable: true }) subsidyPolicyCode: string | null;
  @Column('int', { name: 'subsidy_policy_version', nullable: true }) subsidyPolicyVersion: number | null;
  @Column('text', { nullable: true }) organiser: string | null;
  @Column('text', { name: 'award_ceremony_name', nullable: true }) awardCeremonyName: string | null;
  @Column('text', { name: 'award_ceremony_level', nullable: true })
  awardCeremonyLevel: CertificateLevel | null;
  @Column('date', { name: 'award_ceremony_date', nullable: true }) awardCeremonyDate: string | null;
  @Column('text', { name: 'allocation_method', default: 'first-come' }) allocationMethod: AllocationMethod;
  @Column('boolean', { name: 'award_priority', default: false }) awardPriority: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
