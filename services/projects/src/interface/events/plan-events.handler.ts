import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { planCreatedV1, type EventEnvelope, type PayloadOf } from '@kc/contracts';
import { OutboxWriter, type EventContext } from '@kc/messaging';
import { planRefSummary } from '../../application/project-audit';

/** Keeps this service's copy of the plans it may fund (see PlanRefEntity). */
@Controller()
export class PlanEventsHandler {
  constructor(private readonly outbox: OutboxWriter) {}

  @EventPattern(planCreatedV1.type)
  async onPlanCreated(
    @Payload() event: EventEnvelope<PayloadOf<typeof planCreatedV1>>,
    @Ctx() ctx: EventContext,
  ) {
    const plan = event.payload;
    await ctx.manager.query(
      `INSERT INTO plan_ref (id, year, level, province_code, budget_vnd) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO NOTHING`,
      [plan.planId, plan.year, plan.level, plan.provinceCode, plan.budgetVnd],
    );
    await this.outbox.audit(ctx.manager, {
      action: 'plan-ref.update',
      resourceType: 'plan-ref',
      resourceId: plan.planId,
      provinceCode: plan.provinceCode,
      summary: planRefSummary(plan),
    });
  }
}
