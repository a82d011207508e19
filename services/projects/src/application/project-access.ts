import { assertMayActFor, isCentral, provinceScope } from '@kc/auth';
import type { Principal } from '@kc/contracts';
import { ForbiddenError } from '@kc/errors';

/**
 * The province a project list is limited to, or undefined for all: a province officer's own, whatever they
 * ask; asking for another province's projects is refused rather than silently answered with nothing.
 */
export function projectProvinceFilter(
  principal: Principal,
  requested: string | undefined,
): string | undefined {
  if (requested !== undefined) assertMayActFor(principal, requested);
  return provinceScope(principal) ?? requested;
}

/**
 * Approval commits plan funds, so only the agency approves. A provincial plan's projects are funded by the
 * province (KCĐP) and may later be approved there, but for now the agency approves those too.
 */
export function assertMayApprove(principal: Principal): void {
  if (!isCentral(principal)) {
    throw new ForbiddenError(
      `role ${principal.role} may not approve projects`,
      'project.approve-central-only',
    );
  }
}
