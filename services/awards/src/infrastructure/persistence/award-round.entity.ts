import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { AwardLevel, RegionCode } from '../../domain/award-round';
import type { RoundState } from '../../domain/round-state';
import type { CriteriaConfig } from '../../domain/scoring';

@Entity('award_round')
export class AwardRoundEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('int') year: number;
  @Column('text') level: AwardLevel;
  @Column('text', { name: 'province_code', nullable: true }) provinceCode: string | null;
  @Column('text', { name: 'region_code', nullable: true }) regionCode: RegionCode | null;
  /** The commune (5 digits), or the district before 07/2025 (3 digits), of a commune-level round. */
  @Column('text', { name: 'local_unit_code', nullable: true }) localUnitCode: string | null;
  /** `date` columns come back as YYYY-MM-DD strings, with no time zone to shift them. */
  @Column('date', { name: 'closes_on', nullable: true }) closesOn: string | null;
  @Column('text') state: RoundState;
  /** A past round run again by the agency from its records: its dates are the recorded ones. */
  @Column('boolean') historic: boolean;
  /** The schedule: all three or none (a round opened before schedules existed). */
  @Column('date', { name: 'entries_open_on', nullable: true }) entriesOpenOn: string | null;
  @Column('date', { name: 'entries_close_on', nullable: true }) entriesCloseOn: string | null;
  @Column('date', { name: 'scoring_closes_on', nullable: true }) scoringClosesOn: string | null;
  /** Set together on publication. */
  @Column('date', { name: 'announced_on', nullable: true }) announcedOn: string | null;
  @Column('date', { name: 'complaints_close_on', nullable: true }) complaintsCloseOn: string | null;
  @Column('date', { name: 'complaint_answers_due_by', nullable: true }) complaintAnswersDueBy: string | null;
  @Column('text', { name: 'calendar_version', nullable: true }) calendarVersion: string | null;
  @Column('jsonb') criteria: CriteriaConfig;
  @Column('int', { name: 'quota_per_province_and_group', nullable: true }) quotaPerProvinceAndGroup:
    | number
    | null;
  /** The last entry code's number (E-0001…), advanced under the round's lock. */
  @Column('int', { name: 'entry_sequence' }) entrySequence: number;
  @Column('text', { name: 'secretary_user_id', nullable: true }) secretaryUserId: string | null;
  @Column('text', { name: 'secretary_name', nullable: true }) secretaryName: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
