import { Column, Entity, PrimaryColumn } from 'typeorm';
import { vndTransformer } from '@kc/persistence';
import type { BoothKind, CreateRegistrationRequest, RegistrationState } from '@kc/contracts';

@Entity('fair_registration')
export class RegistrationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'fair_id' }) fairId: string;
  @Column('text', { name: 'idempotency_key' }) idempotencyKey: string;
  /** Who asked and what, hashed: a re-send with the same key must be the same request of the same caller. */
  @Column('text', { name: 'request_hash' }) requestHash: string;
  @Column('text', { name: 'facility_tax_code' }) facilityTaxCode: string;
  @Column('text', { name: 'facility_name' }) facilityName: string;
  @Column('text', { name: 'facility_province_code' }) facilityProvinceCode: string;
  @Column('text', { name: 'facility_legal_form' })
  facilityLegalForm: CreateRegistrationRequest['facility']['legalForm'];
  @Column('jsonb') products: CreateRegistrationRequest['products'];
  @Column('int', { name: 'booth_count' }) boothCount: number;
  @Column('text', { name: 'booth_kind' }) boothKind: BoothKind;
  @Column('text') state: RegistrationState;
  @Column('boolean', { name: 'award_certified', default: false }) awardCertified: boolean;
  /** The province quota (its code) or `pool` the held or allocated booths count against. */
  @Column('text', { name: 'charged_to', nullable: true }) chargedTo: string | null;
  @Column('timestamptz', { name: 'hold_expires_at', nullable: true }) holdExpiresAt: Date | null;
  @Column('int', { name: 'waitlist_position', nullable: true }) waitlistPosition: number | null;
  @Column('text', { name: 'cancel_reason', nullable: true }) cancelReason: string | null;
  @Column('timestamptz', { name: 'certified_at', nullable: true }) certifiedAt: Date | null;
  @Column('text', { name: 'certified_by', nullable: true }) certifiedBy: string | null;
  /** Rent and support as certified: fixed then, whatever policy versions come later. */
  @Column('bigint', { name: 'certified_rent_vnd', nullable: true, transformer: vndTransformer })
  certifiedRentVnd: number | null;
  @Column('bigint', { name: 'certified_support_vnd', nullable: true, transformer: vndTransformer })
  certifiedSupportVnd: number | null;
  @Column('timestamptz', { name: 'checked_in_at', nullable: true }) checkedInAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
