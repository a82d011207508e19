import { Column, Entity, PrimaryColumn } from 'typeorm';
import { vndTransformer } from '@kc/persistence';

/** Reference data, written only by migrations: one version of a booth subsidy policy. */
@Entity('subsidy_policy')
export class SubsidyPolicyEntity {
  @PrimaryColumn('text') code: string;
  @PrimaryColumn('int') version: number;
  @Column('text') title: string;
  @Column('text', { name: 'legal_basis' }) legalBasis: string;
  @Column('boolean') verified: boolean;
  @Column('int', { name: 'support_bp' }) supportBp: number;
  @Column('bigint', { name: 'cap_vnd_per_facility', nullable: true, transformer: vndTransformer })
  capVndPerFacility: number | null;
  @Column('date', { name: 'valid_from' }) validFrom: string;
  @Column('date', { name: 'valid_to', nullable: true }) validTo: string | null;
}
