import { assertMayActFor, isCentral, maySee, provinceScope } from '@kc/auth';
import type { Principal } from '@kc/contracts';
import { ForbiddenError, NotFoundError } from '@kc/errors';
import type { EntityManager } from 'typeorm';
import { PlanEntity } from '../infrastructure/persistence/plan.entity';

/**
 * The province codes a plan list may return (null standing for national plans), or undefined for any. A
 * province officer sees their own province's plans and the national plans, which belong to no province;
 * asking for another province's plans is refused rather than silently answered with nothing.
 */
export function visiblePlanProvinces(
  principal: Principal,
  requested: string | undefined,
): (string | null)[] | undefined {
  if (requested !== undefined) {
    assertMayActFor(principal, requested);
    return [requested];
  }
  const own = provinceScope(principal);
  return own === null ? undefined : [own, null];
}

/**
 * The plan owner decides its money: the agency for the national plan, the province's department (SCT) for
 * its provincial plan, which runs its own KCĐP procedure.
 */
export function assertPlanOwner(
  principal: Principal,
  plan: Pick<PlanEntity, 'level' | 'provinceCode'>,
): void {
  const owner =
    plan.level === 'national'
      ? isCentral(principal)
      : principal.role === 'province-officer' && principal.provinceCode === plan.provinceCode;
  if (!owner) {
    throw new ForbiddenError(
      plan.level === 'national'
        ? 'only the agency decides about the national plan'
        : `only the department of unit ${plan.provinceCode} decides about its provincial plan`,
      'plan.not-owner',
    );
  }
}

/** Another province's plan answers exactly like a missing one, so ids reveal nothing. */
export async function visiblePlan(
  manager: EntityManager,
  principal: Principal,
  id: string,
  lock = false,
): Promise<PlanEntity> {
  const plan = await manager
    .getRepository(PlanEntity)
    .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!plan || !maySee(principal, plan.provinceCode))
    throw new NotFoundError(`Plan ${id} does not exist`, 'plan.not-found');
  return plan;
}
