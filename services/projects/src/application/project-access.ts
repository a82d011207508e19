import { isCentral } from '@kc/auth';
import type { Principal } from '@kc/contracts';
import { ForbiddenError } from '@kc/errors';

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
