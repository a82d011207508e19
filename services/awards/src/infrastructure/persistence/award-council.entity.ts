import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('award_council_member')
export class AwardCouncilMemberEntity {
  @PrimaryColumn('uuid', { name: 'round_id' }) roundId: string;
  /** The platform user id, as the caller's principal carries it. */
  @PrimaryColumn('text', { name: 'user_id' }) userId: string;
  @Column('text', { name: 'display_name' }) displayName: string;
}

/** The jury: which council members score the round's entries (and so may act in it as jurors). */
@Entity('award_jury_member')
export class AwardJuryMemberEntity {
  @PrimaryColumn('uuid', { name: 'round_id' }) roundId: string;
  @PrimaryColumn('text', { name: 'user_id' }) userId: string;
}
