import { Column, Entity, PrimaryColumn } from 'typeorm';
import { vndTransformer } from '@kc/persistence';

/**
 * This service's copy of the plans it may fund, kept from plans.plan.created events (no call to the
 * plans database). `approved_total_vnd` is the running sum of approved support, held under the budget by a
 * CHECK so concurrent approvals can never overrun the plan.
 */
@Entity('plan_ref')
export class PlanRefEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('int') year: number;
  @Column('text') level: 'national' | 'provincial';
  @Column('text', { name: 'province_code', nullable: true }) provinceCode: string | null;
  @Column('bigint', { name: 'budget_vnd', transformer: vndTransformer }) budgetVnd: number;
  @Column('bigint', { name: 'approved_total_vnd', transformer: vndTransformer }) approvedTotalVnd: number;
}
