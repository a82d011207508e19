import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProjectImportView } from '@kc/contracts';

/** A registration sheet that was written, kept so that sending the same file again changes nothing. */
@Entity('project_import')
export class ProjectImportEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'plan_id' }) planId: string;
  @Column('text') sha256: string;
  @Column('text', { name: 'file_name' }) fileName: string;
  @Column('text') mode: 'all' | 'valid-rows';
  @Column('jsonb') result: ProjectImportView;
  @Column('uuid', { name: 'project_ids', array: true }) projectIds: string[];
  @Column('text', { name: 'imported_by' }) importedBy: string;
  @Column('timestamptz', { name: 'imported_at' }) importedAt: Date;
}
