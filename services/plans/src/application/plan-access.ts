import { assertMayActFor, provinceScope } from '@kc/auth';
import type { Principal } from '@kc/contracts';

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
