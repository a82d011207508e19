import { Column, Entity, PrimaryColumn } from 'typeorm';
import { vndTransformer } from '@kc/persistence';

/** A monthly progress report (báo cáo tiến độ); attachments are metadata only. */
@Entity('progress_report')
export class ProgressReportEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'project_id' }) projectId: string;
  @Column('text', { name: 'province_code' }) provinceCode: string;
  @Column('text') month: string;
  @Column('int', { name: 'percent_done' }) percentDone: number;
  @Column('bigint', { name: 'spent_vnd', transformer: vndTransformer }) spentVnd: number;
  @Column('text') narrative: string;
  @Column('jsonb') attachments: { name: string; mediaType: string; bytes: number; sha256: string }[];
  @Column('timestamptz', { name: 'received_at' }) receivedAt: Date;
  @Column('boolean') late: boolean;
  @Column('text', { name: 'reported_by' }) reportedBy: string;
}
