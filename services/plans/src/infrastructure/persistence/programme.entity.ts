import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A khuyến công programme and its legal basis: the national ones seeded by migration, provinces' own by API. */
@Entity('programme')
export class ProgrammeEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') code: string;
  @Column('text', { name: 'name_vi' }) nameVi: string;
  @Column('text', { name: 'name_en' }) nameEn: string;
  @Column('text') level: 'national' | 'provincial';
  @Column('text', { name: 'province_code', nullable: true }) provinceCode: string | null;
  @Column('int', { name: 'first_year' }) firstYear: number;
  @Column('int', { name: 'last_year' }) lastYear: number;
  @Column('text', { name: 'decision_number' }) decisionNumber: string;
  @Column('date', { name: 'decision_date', nullable: true }) decisionDate: string | null;
  @Column('text') issuer: string;
  @Column('boolean') verified: boolean;
}

@Entity('content_group')
export class ContentGroupEntity {
  @PrimaryColumn('uuid', { name: 'programme_id' }) programmeId: string;
  @PrimaryColumn('text') code: string;
  @Column('text', { name: 'name_vi' }) nameVi: string;
  @Column('text', { name: 'name_en' }) nameEn: string;
  @Column('int', { name: 'activity_contents', array: true }) activityContents: number[];
  @Column('boolean') verified: boolean;
}

@Entity('programme_target')
export class ProgrammeTargetEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'programme_id' }) programmeId: string;
  @Column('text', { name: 'content_group_code' }) contentGroupCode: string;
  @Column('text', { name: 'indicator_vi' }) indicatorVi: string;
  @Column('text', { name: 'indicator_en' }) indicatorEn: string;
  @Column('numeric', {
    name: 'target_value',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  targetValue: number | null;
  @Column('text') unit: string;
  @Column('boolean') verified: boolean;
}
