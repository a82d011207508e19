import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { vndTransformer } from '@kc/persistence';
import type {
  DeveloperKind,
  DeveloperSelection,
  LifecycleStep,
  TenantProjectStatus,
  WorksStatus,
} from '../../domain/cluster-record';
import type { LifecycleStatus } from '../../domain/cluster-status';
import type { DecisionAuthority } from '../../domain/decision';
import type { SizeCategory } from '../../domain/decree-rules';

/** Postgres `date` as the ISO string it is, never a Date shifted by a time zone. */
const dateColumn = { type: 'date' as const };

/** One cluster's record; its steps and tenant projects are rows of their own. */
@Entity('industrial_cluster')
export class ClusterEntity {
  @PrimaryColumn('uuid') id: string;
  /** 1 at registration, +1 at every change (written under a row lock). */
  @Column('int') revision: number;
  @Column('text') code: string;
  @Column('text') name: string;
  @Column('text', { name: 'province_code' }) provinceCode: string;
  @Column('text', { nullable: true }) commune: string | null;
  @Column('text', { name: 'former_district', nullable: true }) formerDistrict: string | null;
  @Column('text', { name: 'size_category' }) sizeCategory: SizeCategory;
  @Column('text') status: LifecycleStatus;
  @Column('text', { name: 'provincial_list_decision', nullable: true }) provincialListDecision: string | null;
  @Column({ ...dateColumn, name: 'provincial_list_date', nullable: true }) provincialListDate: string | null;
  @Column('int', { name: 'total_area_centi_ha' }) totalAreaCentiHa: number;
  @Column('int', { name: 'industrial_area_centi_ha', nullable: true }) industrialAreaCentiHa: number | null;
  @Column('int', { name: 'leasable_area_centi_ha', nullable: true }) leasableAreaCentiHa: number | null;
  @Column('int', { name: 'leased_area_centi_ha', nullable: true }) leasedAreaCentiHa: number | null;
  @Column('text', { name: 'developer_kind', nullable: true }) developerKind: DeveloperKind | null;
  @Column('text', { name: 'developer_name', nullable: true }) developerName: string | null;
  @Column('text', { name: 'developer_tax_code', nullable: true }) developerTaxCode: string | null;
  @Column('text', { name: 'developer_selection', nullable: true })
  developerSelection: DeveloperSelection | null;
  @Column('bigint', { name: 'investment_registered_vnd', nullable: true, transformer: vndTransformer })
  investmentRegisteredVnd: number | null;
  @Column('bigint', { name: 'investment_realised_vnd', nullable: true, transformer: vndTransformer })
  investmentRealisedVnd: number | null;
  @Column('text', { name: 'roads_status' }) roadsStatus: WorksStatus;
  @Column('text', { name: 'power_status' }) powerStatus: WorksStatus;
  @Column('text', { name: 'water_status' }) waterStatus: WorksStatus;
  @Column('text', { name: 'drainage_status' }) drainageStatus: WorksStatus;
  @Column('text', { name: 'wastewater_plant_status', nullable: true })
  wastewaterPlantStatus: Exclude<WorksStatus, 'none'> | null;
  @Column('int', { name: 'wastewater_capacity_m3_per_day', nullable: true })
  wastewaterCapacityM3PerDay: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

/** One lifecycle step as it was taken, with its decision. */
@Entity('cluster_lifecycle_step')
export class ClusterStepEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'cluster_id' }) clusterId: string;
  @Column('int') seq: number;
  @Column('text') step: LifecycleStep;
  @Column('text', { name: 'from_status' }) fromStatus: LifecycleStatus;
  @Column('text', { name: 'to_status' }) toStatus: LifecycleStatus;
  @Column('text', { name: 'decision_number' }) decisionNumber: string;
  @Column({ ...dateColumn, name: 'decision_date' }) decisionDate: string;
  @Column('text', { name: 'decision_authority' }) decisionAuthority: DecisionAuthority;
  @Column('text', { name: 'decision_issued_by' }) decisionIssuedBy: string;
  @Column('text', { name: 'rule_set_id' }) ruleSetId: string;
  @Column('int', { name: 'total_area_centi_ha' }) totalAreaCentiHa: number;
  @Column('text', { nullable: true }) note: string | null;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
  @Column('text', { name: 'recorded_by' }) recordedBy: string;
}

/** A tenant (secondary) project in a cluster. */
@Entity('cluster_tenant')
export class ClusterTenantEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'cluster_id' }) clusterId: string;
  @Column('text') name: string;
  @Column('text', { name: 'firm_tax_code' }) firmTaxCode: string;
  @Column('text', { name: 'firm_name' }) firmName: string;
  @Column('int', { name: 'leased_area_centi_ha' }) leasedAreaCentiHa: number;
  @Column('bigint', { name: 'registered_vnd', transformer: vndTransformer }) registeredVnd: number;
  @Column('bigint', { name: 'realised_vnd', transformer: vndTransformer }) realisedVnd: number;
  @Column('int') workers: number;
  @Column('text') status: TenantProjectStatus;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
