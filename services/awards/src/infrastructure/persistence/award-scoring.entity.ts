import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SheetScores } from '../../domain/scoring';

/** A juror's conflict of interest with an entry: they do not score it. */
@Entity('award_recusal')
export class AwardRecusalEntity {
  @PrimaryColumn('uuid', { name: 'entry_id' }) entryId: string;
  @PrimaryColumn('text', { name: 'member_id' }) memberId: string;
  @Column('uuid', { name: 'round_id' }) roundId: string;
  @Column('text') reason: string;
  @Column('timestamptz', { name: 'declared_at' }) declaredAt: Date;
}

/** A council member outside the jury who scores one entry in a recused juror's place. */
@Entity('award_substitution')
export class AwardSubstitutionEntity {
  @PrimaryColumn('uuid', { name: 'entry_id' }) entryId: string;
  @PrimaryColumn('text', { name: 'substitute_id' }) substituteId: string;
  @Column('uuid', { name: 'round_id' }) roundId: string;
  @Column('text', { name: 'named_by' }) namedBy: string;
  @Column('timestamptz', { name: 'named_at' }) namedAt: Date;
}

@Entity('award_score_sheet')
export class AwardScoreSheetEntity {
  @PrimaryColumn('uuid', { name: 'entry_id' }) entryId: string;
  @PrimaryColumn('text', { name: 'juror_id' }) jurorId: string;
  @Column('uuid', { name: 'round_id' }) roundId: string;
  @Column('jsonb', { name: 'scores_tenths' }) scoresTenths: SheetScores<number>;
  @Column('int', { name: 'total_tenths' }) totalTenths: number;
  @Column('timestamptz', { name: 'submitted_at' }) submittedAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

/** The published result: the exact canonical text whose SHA-256 was announced. Insert-only. */
@Entity('award_round_result')
export class AwardRoundResultEntity {
  @PrimaryColumn('uuid', { name: 'round_id' }) roundId: string;
  @Column('text') document: string;
  @Column('text') sha256: string;
  @Column('text') normalisation: 'none' | 'juror-z-score';
  @Column('timestamptz', { name: 'published_at' }) publishedAt: Date;
  /** The verification report (canonical JSON) computed in the commit that published; null for older rounds. */
  @Column('text', { nullable: true }) verification: string | null;
}
