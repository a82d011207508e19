import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ClusterStatus } from '../../domain/industrial-cluster';

@Entity('industrial_cluster')
export class ClusterEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') code: string;
  @Column('text') name: string;
  @Column('text', { name: 'province_code' }) provinceCode: string;
  @Column('text', { nullable: true }) commune: string | null;
  @Column('text') status: ClusterStatus;
  @Column('int', { name: 'total_area_centi_ha' }) totalAreaCentiHa: number;
  @Column('int', { name: 'leasable_area_centi_ha', nullable: true }) leasableAreaCentiHa: number | null;
  @Column('int', { name: 'leased_area_centi_ha', nullable: true }) leasedAreaCentiHa: number | null;
  @Column('text', { name: 'developer_name', nullable: true }) developerName: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
