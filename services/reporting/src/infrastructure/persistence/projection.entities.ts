import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ArtisanTitle, ConferenceAwardLevel, ConferenceProjectStatus } from '@kc/contracts';
import { vndTransformer } from '@kc/persistence';
import type {
  ClusterReportPeriodKind,
  ClusterStatus,
  WastewaterPlantStatus,
} from '../../domain/cluster-projection-rules';

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

/** One project along its lifecycle; province as recorded, read on the plan year (see province_as_of). */
@Entity('project_projection')
export class ProjectProjection {
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId: string;
  @Column('text') code: string;
  @Column('text') title: string;
  @Column('uuid', { name: 'plan_id' }) planId: string;
  @Column('int', { name: 'plan_year' }) planYear: number;
  @Column('text', { name: 'plan_level' }) planLevel: 'national' | 'provincial';
  @Column('text', { name: 'funding_source' }) fundingSource: 'KCQG' | 'KCDP';
  @Column('text') kind: 'ordinary' | 'flagship' | 'group';
  @Column('int', { name: 'activity_contents', array: true }) activityContents: number[];
  @Column('text', { name: 'advance_category' }) advanceCategory: string;
  @Column('text', { name: 'province_code' }) provinceCode: string;
  @Column('date', { name: 'province_as_of' }) provinceAsOf: string;
  @Column('date', { name: 'start_date' }) startDate: string;
  @Column('date', { name: 'end_date' }) endDate: string;
  @Column('text') status: ConferenceProjectStatus;
  @Column('timestamptz', { name: 'status_changed_at' }) statusChangedAt: Date;
  @Column('bigint', { name: 'requested_support_vnd', transformer: vndTransformer })
  requestedSupportVnd: number;
  @Column('bigint', { name: 'appraised_support_vnd', nullable: true, transformer: vndTransformer })
  appraisedSupportVnd: number | null;
  @Column('bigint', { name: 'counterpart_vnd', transformer: vndTransformer }) counterpartVnd: number;
  @Column('bigint', { name: 'contract_value_vnd', nullable: true, transformer: vndTransformer })
  contractValueVnd: number | null;
  @Column('date', { name: 'contracted_on', nullable: true }) contractedOn: string | null;
  @Column('bigint', { name: 'advanced_vnd', default: 0, transformer: vndTransformer }) advancedVnd: number;
  @Column('bigint', { name: 'paid_vnd', default: 0, transformer: vndTransformer }) paidVnd: number;
  @Column('date', { name: 'first_advance_on', nullable: true }) firstAdvanceOn: string | null;
  @Column('bigint', { name: 'settled_vnd', nullable: true, transformer: vndTransformer })
  settledVnd: number | null;
  @Column('date', { name: 'settled_on', nullable: true }) settledOn: string | null;
  @Column('boolean', { name: 'settled_late', nullable: true }) settledLate: boolean | null;
  /** What a stop gave back to the plan (allocated − paid then). */
  @Column('bigint', { name: 'released_vnd', default: 0, transformer: vndTransformer }) releasedVnd: number;
  @Column('date', { name: 'stopped_on', nullable: true }) stoppedOn: string | null;
  /** The Vietnamese day it was accepted (its first step into a completed status); null while not completed. */
  @Column('date', { name: 'completed_on', nullable: true }) completedOn: string | null;
  @Column('text', { name: 'last_progress_month', nullable: true }) lastProgressMonth: string | null;
  @Column('int', { name: 'last_progress_percent', nullable: true }) lastProgressPercent: number | null;
  @Column('timestamptz', { name: 'last_report_received_at', nullable: true })
  lastReportReceivedAt: Date | null;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt: Date;
}

/** One monthly progress report as received (one per project and month). */
@Entity('progress_report_projection')
export class ProgressReportProjection {
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId: string;
  @PrimaryColumn('text') month: string;
  @Column('uuid', { name: 'report_id' }) reportId: string;
  @Column('int', { name: 'percent_done' }) percentDone: number;
  @Column('bigint', { name: 'spent_vnd', transformer: vndTransformer }) spentVnd: number;
  @Column('timestamptz', { name: 'received_at' }) receivedAt: Date;
  @Column('boolean') late: boolean;
}

/** One project's allocation from one source by one decision: the amount after it and the amount before. */
@Entity('allocation_projection')
export class AllocationProjection {
  @PrimaryColumn('uuid', { name: 'decision_id' }) decisionId: string;
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId: string;
  @PrimaryColumn('text', { name: 'funding_source' }) fundingSource: 'KCQG' | 'KCDP';
  @Column('uuid', { name: 'plan_id' }) planId: string;
  @Column('int', { name: 'plan_year' }) planYear: number;
  @Column('text', { name: 'decision_number' }) decisionNumber: string;
  @Column('date', { name: 'signed_on' }) signedOn: string;
  @Column('bigint', { name: 'amount_vnd', transformer: vndTransformer }) amountVnd: number;
  @Column('bigint', { name: 'previous_vnd', transformer: vndTransformer }) previousVnd: number;
}

@Entity('plan_ceiling_projection')
export class PlanCeilingProjection {
  @PrimaryColumn('uuid', { name: 'plan_id' }) planId: string;
  @PrimaryColumn('text', { name: 'funding_source' }) fundingSource: 'KCQG' | 'KCDP';
  @Column('bigint', { name: 'ceiling_vnd', transformer: vndTransformer }) ceilingVnd: number;
  @Column('text', { name: 'decision_number', nullable: true }) decisionNumber: string | null;
  @Column('date', { name: 'signed_on', nullable: true }) signedOn: string | null;
}

/**
 * One cluster of the registry, as its highest revision recorded it (`revision` 0: known only from its
 * registration, which carries no areas beyond the total, no tenants and no plant). The code is the unit the
 * cluster belonged to when that revision was recorded, read on `provinceAsOf` (that day in Việt Nam).
 */
@Entity('cluster_projection')
export class ClusterProjection {
  @PrimaryColumn('uuid', { name: 'cluster_id' }) clusterId: string;
  @Column('int') revision: number;
  @Column('text') code: string;
  @Column('text') name: string;
  @Column('text', { name: 'province_code' }) provinceCode: string;
  @Column('date', { name: 'province_as_of' }) provinceAsOf: string;
  @Column('text', { nullable: true }) commune: string | null;
  @Column('text') status: ClusterStatus;
  @Column('date', { name: 'established_on', nullable: true }) establishedOn: string | null;
  @Column('int', { name: 'total_area_centi_ha' }) totalAreaCentiHa: number;
  @Column('int', { name: 'leasable_area_centi_ha', nullable: true }) leasableAreaCentiHa: number | null;
  @Column('int', { name: 'leased_area_centi_ha', nullable: true }) leasedAreaCentiHa: number | null;
  @Column('text', { name: 'wastewater_plant_status', nullable: true })
  wastewaterPlantStatus: WastewaterPlantStatus | null;
  @Column('int', { name: 'tenant_projects' }) tenantProjects: number;
  @Column('int', { name: 'tenant_firms' }) tenantFirms: number;
  @Column('int', { name: 'tenant_workers' }) tenantWorkers: number;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt: Date;
  @Column('timestamptz', { name: 'recorded_at', nullable: true }) recordedAt: Date | null;
}

/**
 * A cluster's approved periodic report of one period (Circular 14/2024), at its highest approved version. The
 * code is the unit the cluster belonged to at the period's cut-off, read on `provinceAsOf`.
 */
@Entity('cluster_report_projection')
export class ClusterReportProjection {
  @PrimaryColumn('uuid', { name: 'cluster_id' }) clusterId: string;
  @PrimaryColumn('text', { name: 'period_kind' }) periodKind: ClusterReportPeriodKind;
  @PrimaryColumn('int') year: number;
  @Column('uuid', { name: 'report_id' }) reportId: string;
  @Column('int') version: number;
  @Column('text', { name: 'cluster_code' }) clusterCode: string;
  @Column('text', { name: 'province_code' }) provinceCode: string;
  @Column('date', { name: 'province_as_of' }) provinceAsOf: string;
  @Column('date', { name: 'approved_on' }) approvedOn: string;
  @Column('boolean', { name: 'submitted_late' }) submittedLate: boolean;
  @Column('int', { name: 'total_area_centi_ha' }) totalAreaCentiHa: number;
  @Column('int', { name: 'leasable_area_centi_ha' }) leasableAreaCentiHa: number;
  @Column('int', { name: 'leased_area_centi_ha' }) leasedAreaCentiHa: number;
  @Column('text', { name: 'wastewater_plant_status', nullable: true })
  wastewaterPlantStatus: WastewaterPlantStatus | null;
  @Column('int', { name: 'tenant_projects' }) tenantProjects: number;
  @Column('int', { name: 'tenant_firms' }) tenantFirms: number;
  @Column('int', { name: 'tenant_workers' }) tenantWorkers: number;
}

@Entity('fair_projection')
export class FairProjection {
  @PrimaryColumn('uuid', { name: 'fair_id' }) fairId: string;
  @Column('text') name: string;
  @Column('int') year: number;
  @Column('text') scale: 'provincial' | 'regional' | 'national' | 'international';
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

/**
 * One award certificate, by its number. The holder's province code is kept as recorded on the day of issue and
 * read on `issuedOn`; a withdrawal only dates the row, so the year it was issued still counts it.
 */
@Entity('award_certificate_projection')
export class AwardCertificateProjection {
  @PrimaryColumn('text') number: string;
  @Column('uuid', { name: 'certificate_id' }) certificateId: string;
  /** Null for a certificate recorded from its paper original, issued by no round on the platform. */
  @Column('uuid', { name: 'round_id', nullable: true }) roundId: string | null;
  @Column('text') level: ConferenceAwardLevel;
  @Column('int', { name: 'round_year' }) roundYear: number;
  @Column('text', { name: 'product_group' }) productGroup: string;
  @Column('text', { name: 'province_code' }) provinceCode: string;
  @Column('date', { name: 'issued_on' }) issuedOn: string;
  @Column('date', { name: 'valid_until' }) validUntil: string;
  @Column('date', { name: 'withdrawn_on', nullable: true }) withdrawnOn: string | null;
  /** Null for a certificate projected before the holder was kept (a replay of the awards topic fills it). */
  @Column('text', { name: 'holder_tax_code', nullable: true }) holderTaxCode: string | null;
  @Column('text', { name: 'holder_name', nullable: true }) holderName: string | null;
}

/** One entry in an award round; the entrant's province code as recorded, read on `submittedOn`. */
@Entity('award_entry_projection')
export class AwardEntryProjection {
  @PrimaryColumn('uuid', { name: 'entry_id' }) entryId: string;
  @Column('uuid', { name: 'round_id' }) roundId: string;
  @Column('text') level: ConferenceAwardLevel;
  @Column('int', { name: 'round_year' }) roundYear: number;
  @Column('text', { name: 'product_group' }) productGroup: string;
  @Column('text', { name: 'province_code' }) provinceCode: string;
  @Column('date', { name: 'submitted_on' }) submittedOn: string;
}

/**
 * A published round's entries and passes of one entrant code and product group. The code was recorded on the
 * day of entry, which the result does not give: the conference queries read it on the earliest projected entry
 * of the round under that code, else on `provinceAsOf` (the last day up to the announcement it named a unit).
 */
@Entity('award_result_projection')
export class AwardResultProjection {
  @PrimaryColumn('uuid', { name: 'round_id' }) roundId: string;
  @PrimaryColumn('text', { name: 'province_code' }) provinceCode: string;
  @PrimaryColumn('text', { name: 'product_group' }) productGroup: string;
  @Column('text') level: ConferenceAwardLevel;
  @Column('int') year: number;
  @Column('date', { name: 'announced_on' }) announcedOn: string;
  @Column('date', { name: 'province_as_of' }) provinceAsOf: string;
  @Column('int') entries: number;
  @Column('int') passed: number;
}

/**
 * One conferred artisan title, by its nomination. The nominating unit's code was recorded on the day of
 * nomination, which the event does not give: it is read on `provinceAsOf`, the last day up to the conferral on
 * which it named a unit.
 */
@Entity('artisan_title_projection')
export class ArtisanTitleProjection {
  @PrimaryColumn('uuid', { name: 'nomination_id' }) nominationId: string;
  @Column('text') title: ArtisanTitle;
  @Column('text', { name: 'province_code' }) provinceCode: string;
  @Column('date', { name: 'province_as_of' }) provinceAsOf: string;
  @Column('int') year: number;
  @Column('date', { name: 'conferred_on' }) conferredOn: string;
}

export const PROJECTION_ENTITIES = [
  PlanProjection,
  PlanCeilingProjection,
  ProjectProjection,
  ProgressReportProjection,
  AllocationProjection,
  ClusterProjection,
  ClusterReportProjection,
  FairProjection,
  AwardRoundProjection,
  BoothProjection,
  AwardCertificateProjection,
  AwardEntryProjection,
  AwardResultProjection,
  ArtisanTitleProjection,
];
