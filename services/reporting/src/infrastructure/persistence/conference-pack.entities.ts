import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  ConferenceGrouping,
  ConferencePackFileKind,
  ConferencePackLevel,
  ConferenceRegion,
  ConferenceReport,
} from '@kc/contracts';

/** A conference's figures frozen at `cut_off`: written once, never changed (the database refuses it). */
@Entity('conference_pack')
export class ConferencePackEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') level: ConferencePackLevel;
  @Column('text', { name: 'region_code', nullable: true }) regionCode: ConferenceRegion | null;
  @Column('int') year: number;
  @Column('text', { name: 'unit_grouping' }) grouping: ConferenceGrouping;
  @Column('text') title: string;
  @Column('timestamptz', { name: 'cut_off' }) cutOff: Date;
  @Column('text', { name: 'frozen_by_id' }) frozenById: string;
  @Column('text', { name: 'frozen_by_name' }) frozenByName: string;
  /** The conference report as the views served it at the cut-off: what both files were rendered from. */
  @Column('jsonb') report: ConferenceReport;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

/** One file of a pack, its bytes as rendered at freezing; its size and hash are checked by the database. */
@Entity('conference_pack_file')
export class ConferencePackFileEntity {
  @PrimaryColumn('uuid', { name: 'pack_id' }) packId: string;
  @PrimaryColumn('text') kind: ConferencePackFileKind;
  @Column('text', { name: 'media_type' }) mediaType: string;
  @Column('text', { name: 'file_name' }) fileName: string;
  @Column('int', { name: 'size_bytes' }) sizeBytes: number;
  @Column('text') sha256: string;
  @Column('bytea') content: Buffer;
}

export const CONFERENCE_PACK_ENTITIES = [ConferencePackEntity, ConferencePackFileEntity];
