import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AdvanceCategory } from '../../domain/advances';

/** How much of the contract a category may draw in advances, and when (data with its legal basis). */
@Entity('advance_rule')
export class AdvanceRuleEntity {
  @PrimaryColumn('text') id: string;
  @Column('text') category: AdvanceCategory;
  @Column('int', { name: 'rate_percent' }) ratePercent: number;
  @Column('int', { name: 'progress_above_percent', nullable: true }) progressAbovePercent: number | null;
  @Column('boolean', { name: 'only_after_acceptance' }) onlyAfterAcceptance: boolean;
  @Column('text', { name: 'legal_basis' }) legalBasis: string;
  @Column('date', { name: 'valid_from' }) validFrom: string;
  @Column('date', { name: 'valid_to', nullable: true }) validTo: string | null;
  @Column('boolean') verified: boolean;
}
