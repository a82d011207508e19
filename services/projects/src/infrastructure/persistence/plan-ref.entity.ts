import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * This service's copy of the plans projects may be registered under, kept from plans.plan.created events
 * (no call to the plans database). Money of the plan (ceilings, allocations) stays in plans.
 */
@Entity('plan_ref')
export class PlanRefEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('int') year: number;
  @Column('text') level: 'national' | 'provincial';
  @Column('text', { name: 'province_code', nullable: true }) provinceCode: string | null;
}
