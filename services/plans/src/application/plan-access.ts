import { isCentral, listProvinceFilter, maySee } from '@kc/auth';
import type { Principal } from '@kc/contracts';
import type { UnitReading } from '@kc/reference-data';
import { ForbiddenError, NotFoundError } from '@kc/errors';
import type { EntityManager } from 'typeorm';
import { PlanEntity } from '../infrastructure/persistence/plan.entity';

/**
 * The province codes a plan (or programme) list may return (null standing for national plans), or undefined
 * for any: those `listProvinceFilter` gives for the requested unit. A province officer who asks for no unit
 * sees their own unit's (and its predecessors') plans and the national plans, which belong to no province.
 */
export function visiblePlanProvinces(
  principal: Principal,
  requested: string | undefined,
  reading: UnitReading,
): (string | null)[] | undefined {
  const codes = listProvinceFilter(principal, requested, reading);
  return requested === undefined && codes !== undefined ? [...codes, null] : codes;
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
        ? {
            vi: 'Chỉ Cục quyết định về kế hoạch quốc gia',
            en: 'only the agency decides about the national plan',
          }
        : {
            vi: `Chỉ Sở Công Thương tỉnh ${plan.provinceCode} quyết định về kế hoạch của tỉnh mình`,
            en: `only the department of unit ${plan.provinceCode} decides about its provincial plan`,
          },
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
  return seenPlan(principal, id, plan);
}

/** The plan `id` as read, if the caller may see it (see `visiblePlan`). */
export function seenPlan<P extends { provinceCode: string | null }>(
  principal: Principal,
  id: string,
  plan: P | null | undefined,
): P {
  if (!plan || !maySee(principal, plan.provinceCode))
    throw new NotFoundError(
      { vi: `Không có kế hoạch ${id}`, en: `Plan ${id} does not exist` },
      'plan.not-found',
    );
  return plan;
}
