import { Column, Entity, PrimaryColumn } from 'typeorm';
import { vndTransformer } from '@kc/persistence';

// Read models only: written by the event handlers, read by the conference queries. Dates to read a province
// code on (province_as_of) are ISO date strings.

@Entity('plan_projection')
export class PlanProjection {
  @PrimaryColumn('uuid', { name: 'plan_id' }) planId: string;
  @Column('text') name: string;
  @Column('int') year: number;
  @Column('text') level: 'national' | 'provincial';
  @Column('text', { name: 'province_code', nullable: true }) provinceCode: string | null;
  @Column('date', { name: 'province_as_of', nullable: true }) provinceAsOf: string | null;
  @Column('bigint', { name: 'budget_vnd', transformer: vndTransformer }) budgetVnd: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

@Entity('project_projection')
export class ProjectProjection {
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId: string;
  @Column('text') code: string;
  @Column('uuid', { name: 'plan_id' }) planId: string;
  @Column('int', { name: 'plan_year' }) planYear: number;
  @Column('text', { name: 'province_code' }) provinceCode: string;
  @Column('date', { name: 'province_as_of' }) provinceAsOf: string;
  @Column('int', { name: 'activity_contents', array: true }) activityContents: number[];
  @Column('text', { default: 'registered' }) status: 'registered' | 'approved';
  @Column('bigint', { name: 'requested_support_vnd', transformer: vndTransformer })
  requestedSupportVnd: number;
  @Column('bigint', { name: 'approved_support_vnd', nullable: true, transformer: vndTransformer })
  approvedSupportVnd: number | null;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt: Date;
  @Column('timestamptz', { name: 'approved_at', nullable: true }) approvedAt: Date | null;
}

@Entity('cluster_projection')
export class ClusterProjection {
  @PrimaryColumn('uuid', { name: 'cluster_id' }) clusterId: string;
  @Column('text') code: string;
  @Column('text') name: string;
  @Column('text', { name: 'province_code' }) provinceCode: string;
  @Column('date', { name: 'province_as_of' }) provinceAsOf: string;
  @Column('text') status: string;
  @Column('int', { name: 'total_area_centi_ha' }) totalAreaCentiHa: number;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt: Date;
}

@Entity('fair_projection')
export class FairProjection {
  @PrimaryColumn('uuid', { name: 'fair_id' }) fairId: string;
  @Column('text') name: string;
  @Column('int') year: number;
  @Column('text') scale: 'provincial' | 'regional' | 'national';
  @Column('text', { name: 'region_code', nullable: true }) regionCode: string | null;
  @Column('text', { name: 'province_code' }) provinceCode: string;
  @Column('date', { name: 'province_as_of' }) provinceAsOf: string;
  @Column('date', { name: 'start_date' }) startDate: string;
  @Column('date', { name: 'end_date' }) endDate: string;
  @Column('int', { name: 'booth_count' }) boothCount: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

@Entity('award_round_projection')
export class AwardRoundProjection {
  @PrimaryColumn('uuid', { name: 'round_id' }) roundId: string;
  @Column('text') name: string;
  @Column('int') year: number;
  @Column('text') level: 'provincial' | 'regional' | 'national';
  @Column('text', { name: 'province_code', nullable: true }) provinceCode: string | null;
  @Column('date', { name: 'province_as_of', nullable: true }) provinceAsOf: string | null;
  @Column('text', { name: 'region_code', nullable: true }) regionCode: string | null;
  @Column('timestamptz', { name: 'opened_at' }) openedAt: Date;
}

/**
 * One booth registration that got its booths, at a fair of `fairYear`. The facility's province code is read on
 * the fair's opening day, as trade-fairs accepted it. Only a certified, not cancelled row is supported.
 */
@Entity('booth_projection')
export class BoothProjection {
  @PrimaryColumn('uuid', { name: 'registration_id' }) registrationId: string;
  @Column('uuid', { name: 'fair_id' }) fairId: string;
  @Column('int', { name: 'fair_year' }) fairYear: number;
  @Column('text', { name: 'facility_tax_code' }) facilityTaxCode: string;
  @Column('text', { name: 'province_code' }) provinceCode: string;
  @Column('date', { name: 'province_as_of' }) provinceAsOf: string;
  @Column('int', { name: 'booth_count' }) boothCount: number;
  @Column('bigint', { name: 'rent_vnd', transformer: vndTransformer }) rentVnd: number;
  @Column('bigint', { name: 'support_vnd', nullable: true, transformer: vndTransformer })
  supportVnd: number | null;
  @Column('timestamptz', { name: 'allocated_at' }) allocatedAt: Date;
  @Column('timestamptz', { name: 'certified_at', nullable: true }) certifiedAt: Date | null;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt: Date | null;
}

export const PROJECTION_ENTITIES = [
  PlanProjection,
  ProjectProjection,
  ClusterProjection,
  FairProjection,
  AwardRoundProjection,
  BoothProjection,
];
