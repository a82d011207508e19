import { assertMayActFor, isCentral, provinceScope } from '@kc/auth';
import type { Facility, Principal } from '@kc/contracts';
import { ForbiddenError } from '@kc/errors';

/**
 * A business registers only its own facility (the tax code its account represents); a province officer
 * registers facilities of their province for its delegation; the agency registers any.
 */
export function assertMayRegister(principal: Principal, facility: Facility): void {
  if (principal.role === 'business') {
    if (!principal.facilityTaxCode || principal.facilityTaxCode !== facility.taxCode) {
      throw new ForbiddenError(
        `a business account may register only its own facility, not ${facility.taxCode}`,
        'registration.other-facility',
        'facility.taxCode',
      );
    }
    return;
  }
  assertMayActFor(principal, facility.provinceCode);
}

/** Who may see, confirm or cancel a registration; anyone else is told it does not exist. */
export function mayManage(
  principal: Principal,
  registration: { facilityTaxCode: string; facilityProvinceCode: string },
): boolean {
  if (isCentral(principal)) return true;
  if (principal.role === 'province-officer')
    return principal.provinceCode === registration.facilityProvinceCode;
  if (principal.role === 'business') return principal.facilityTaxCode === registration.facilityTaxCode;
  return false;
}

/** What a registration list is limited to: a province officer's province, a business's own facility. */
export function registrationListScope(
  principal: Principal,
  requestedProvince: string | undefined,
): { provinceCode?: string; facilityTaxCode?: string } {
  if (principal.role === 'business') {
    if (!principal.facilityTaxCode) {
      throw new ForbiddenError('this business account represents no facility', 'registration.no-facility');
    }
    return { provinceCode: requestedProvince, facilityTaxCode: principal.facilityTaxCode };
  }
  if (requestedProvince !== undefined) assertMayActFor(principal, requestedProvince);
  return { provinceCode: provinceScope(principal) ?? requestedProvince };
}

/** The organiser of this fair (bound to it in their account) or the agency. */
export function runsFair(principal: Principal, fairId: string): boolean {
  return (
    isCentral(principal) || (principal.role === 'fair-organizer' && !!principal.fairIds?.includes(fairId))
  );
}

export function assertRunsFair(principal: Principal, fairId: string): void {
  if (!runsFair(principal, fairId)) {
    throw new ForbiddenError(`the caller does not organise fair ${fairId}`, 'fair.not-organizer');
  }
}
