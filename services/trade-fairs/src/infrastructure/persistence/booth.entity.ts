import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';
import { vndTransformer } from '@kc/persistence';
import type { BoothKind } from '@kc/contracts';

/** `numeric` columns come back as strings; metres and m² are small decimals, safe as numbers. */
const decimal: ValueTransformer = { to: (value: number) => value, from: (value: string) => Number(value) };

@Entity('booth')
export class BoothEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'fair_id' }) fairId: string;
  @Column('text') code: string;
  @Column('text') hall: string;
  @Column('text', { nullable: true }) zone: string | null;
  @Column('text') kind: BoothKind;
  @Column('numeric', { name: 'area_m2', transformer: decimal }) areaM2: number;
  @Column('bigint', { name: 'rent_vnd', transformer: vndTransformer }) rentVnd: number;
  @Column('numeric', { transformer: decimal }) x: number;
  @Column('numeric', { transformer: decimal }) y: number;
  @Column('numeric', { transformer: decimal }) w: number;
  @Column('numeric', { transformer: decimal }) h: number;
  /** Changed only by the allocation statements (booth-allocation.queries.ts), never through this entity. */
  @Column('text', { default: 'free' }) state: 'free' | 'held' | 'allocated';
  @Column('uuid', { name: 'registration_id', nullable: true }) registrationId: string | null;
}
