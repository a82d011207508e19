import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { DossierFileKind, ProductGroup } from '../../domain/entry';

@Entity('award_entry')
export class AwardEntryEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'round_id' }) roundId: string;
  @Column('text') code: string;
  @Column('text', { name: 'facility_name' }) facilityName: string;
  @Column('text', { name: 'facility_tax_code' }) facilityTaxCode: string;
  @Column('text', { name: 'province_code' }) provinceCode: string;
  @Column('text', { name: 'local_unit_code', nullable: true }) localUnitCode: string | null;
  @Column('text', { name: 'product_group' }) productGroup: ProductGroup;
  @Column('text', { name: 'product_kind' }) productKind: 'product' | 'product-set';
  @Column('text', { name: 'product_name' }) productName: string;
  @Column('text', { name: 'product_items', array: true }) productItems: string[];
  @Column('text', { name: 'lower_certificate_number', nullable: true }) lowerCertificateNumber: string | null;
  @Column('date', { name: 'submitted_on' }) submittedOn: string;
  @Column('text', { name: 'submitted_by' }) submittedBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('award_entry_file')
export class AwardEntryFileEntity {
  @PrimaryColumn('uuid', { name: 'entry_id' }) entryId: string;
  @PrimaryColumn('int') position: number;
  @Column('text') kind: DossierFileKind;
  @Column('text', { name: 'file_name' }) fileName: string;
  @Column('text', { name: 'media_type' }) mediaType: string;
  /** Below 2^53: read back as a number. */
  @Column('bigint', {
    name: 'size_bytes',
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  sizeBytes: number;
  @Column('text') sha256: string;
  @Column('bigint', {
    name: 'received_bytes',
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  receivedBytes: number;
  @Column('timestamptz', { name: 'uploaded_at', nullable: true }) uploadedAt: Date | null;
}

@Entity('award_shortlist')
export class AwardShortlistEntity {
  @PrimaryColumn('uuid', { name: 'round_id' }) roundId: string;
  @PrimaryColumn('text', { name: 'certificate_number' }) certificateNumber: string;
  @Column('text', { name: 'province_code' }) provinceCode: string;
  @Column('text', { name: 'put_forward_by' }) putForwardBy: string;
  @Column('timestamptz', { name: 'put_forward_at' }) putForwardAt: Date;
}
