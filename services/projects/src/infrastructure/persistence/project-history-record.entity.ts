import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A project migrated by a history import, under the legacy system's identifier of its record. */
@Entity('project_history_record')
export class ProjectHistoryRecordEntity {
  @PrimaryColumn('uuid', { name: 'plan_id' }) planId: string;
  @PrimaryColumn('text', { name: 'legacy_ref' }) legacyRef: string;
  @Column('uuid', { name: 'project_id' }) projectId: string;
  @Column('text', { name: 'imported_by' }) importedBy: string;
  @Column('timestamptz', { name: 'imported_at' }) importedAt: Date;
}
