import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { planCreatedV1, type EventEnvelope, type PayloadOf } from '@kc/contracts';
import type { EventContext } from '@kc/messaging';

/** Keeps this service's copy of the plans it may fund (see PlanRefEntity). */
@Controller()
export class PlanEventsHandler {
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
  }
}
