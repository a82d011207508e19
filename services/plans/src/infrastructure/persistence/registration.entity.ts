import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A province's registration report for a plan; a late one is kept and flagged. */
@Entity('registration')
export class RegistrationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'plan_id' }) planId: string;
  @Column('text', { name: 'province_code' }) provinceCode: string;
  @Column('text', { name: 'report_number' }) reportNumber: string;
  @Column('date', { name: 'report_date' }) reportDate: string;
  /** The day the province sent the report (its dispatch); lateness is judged on it. */
  @Column('date', { name: 'sent_on' }) sentOn: string;
  /** When and by whom it was entered here. */
  @Column('timestamptz', { name: 'submitted_at' }) submittedAt: Date;
  @Column('date') deadline: string;
  @Column('boolean') late: boolean;
  @Column('text', { name: 'submitted_by' }) submittedBy: string;
}

@Entity('registration_project')
export class RegistrationProjectEntity {
  @PrimaryColumn('uuid', { name: 'registration_id' }) registrationId: string;
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId: string;
  @Column('uuid', { name: 'plan_id' }) planId: string;
}
