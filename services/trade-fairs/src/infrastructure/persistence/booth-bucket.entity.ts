import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A province's reserved booths (bucket = its code) or the common pool (bucket = `pool`) of one fair. */
@Entity('booth_bucket')
export class BoothBucketEntity {
  @PrimaryColumn('uuid', { name: 'fair_id' }) fairId: string;
  @PrimaryColumn('text') bucket: string;
  @Column('int') capacity: number;
  @Column('int') used: number;
  @Column('timestamptz', { name: 'release_at', nullable: true }) releaseAt: Date | null;
  @Column('boolean') released: boolean;
}
