import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ComplaintOutcome } from '../../domain/complaint';

/** A complaint about a round's results; answered when `outcome` is set (the four answer columns go together). */
@Entity('award_complaint')
export class AwardComplaintEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'round_id' }) roundId: string;
  @Column('text', { name: 'facility_tax_code' }) facilityTaxCode: string;
  @Column('text', { name: 'facility_name' }) facilityName: string;
  @Column('text', { name: 'province_code' }) provinceCode: string;
  @Column('text') content: string;
  /** The round's announcement as it stood when the complaint came: the window was counted from it. */
  @Column('date', { name: 'announced_on' }) announcedOn: string;
  @Column('date', { name: 'window_closes_on' }) windowClosesOn: string;
  @Column('date', { name: 'received_on' }) receivedOn: string;
  @Column('date', { name: 'answer_due_on' }) answerDueOn: string;
  @Column('text', { name: 'calendar_version' }) calendarVersion: string;
  @Column('text', { name: 'filed_by' }) filedBy: string;
  @Column('timestamptz', { name: 'filed_at' }) filedAt: Date;
  @Column('text', { nullable: true }) outcome: ComplaintOutcome | null;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('date', { name: 'answered_on', nullable: true }) answeredOn: string | null;
  @Column('text', { name: 'answered_by', nullable: true }) answeredBy: string | null;
}
