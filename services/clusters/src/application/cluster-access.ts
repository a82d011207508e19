import { assertMayActFor, provinceScope } from '@kc/auth';
import type { Principal } from '@kc/contracts';

/**
 * The province a cluster list is limited to, or undefined for all: a province officer's own, whatever they
 * ask; asking for another province's clusters is refused rather than silently answered with nothing.
 */
export function clusterProvinceFilter(
  principal: Principal,
  requested: string | undefined,
): string | undefined {
  if (requested !== undefined) assertMayActFor(principal, requested);
  return provinceScope(principal) ?? requested;
}
