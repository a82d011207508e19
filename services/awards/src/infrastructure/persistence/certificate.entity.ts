import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { AwardProductGroup } from '@kc/contracts';
import type { RegionCode } from '../../domain/award-round';
import type { CertificateLevel } from '../../domain/certificate';

/** An award certificate: issued by a round on the platform, or recorded from its paper original (no round). */
@Entity('award_certificate')
export class CertificateEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { unique: true }) number: string;
  /** The number without its sequence (`T-40-2024`): one round's numbering, whether issued here or recorded. */
  @Column('text') series: string;
  @Column('int') sequence: number;
  @Column('uuid', { name: 'round_id', nullable: true }) roundId: string | null;
  /** The entry a round issued it for. */
  @Column('uuid', { name: 'entry_id', nullable: true }) entryId: string | null;
  @Column('text') level: CertificateLevel;
  @Column('text', { name: 'region_code', nullable: true }) regionCode: RegionCode | null;
  /** The issuing area's province (provincial and commune levels). */
  @Column('text', { name: 'province_code', nullable: true }) provinceCode: string | null;
  @Column('text', { name: 'local_unit_code', nullable: true }) localUnitCode: string | null;
  @Column('int', { name: 'round_year' }) roundYear: number;
  @Column('text', { name: 'product_group' }) productGroup: AwardProductGroup;
  @Column('text', { name: 'product_name' }) productName: string;
  @Column('text', { name: 'holder_name' }) holderName: string;
  @Column('text', { name: 'holder_tax_code' }) holderTaxCode: string;
  @Column('text', { name: 'holder_province_code' }) holderProvinceCode: string;
  /** `date` columns come back as YYYY-MM-DD strings, with no time zone to shift them. */
  @Column('date', { name: 'issued_on' }) issuedOn: string;
  @Column('date', { name: 'valid_until' }) validUntil: string;
  @Column('date', { name: 'withdrawn_on', nullable: true }) withdrawnOn: string | null;
  @Column('text', { name: 'withdrawal_reason', nullable: true }) withdrawalReason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
