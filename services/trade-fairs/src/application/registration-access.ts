import { assertMayActFor, isCentral, listProvinceFilter, maySee } from '@kc/auth';
import type { Facility, Principal } from '@kc/contracts';
import { ForbiddenError } from '@kc/errors';
import { unitsCoveredBy, type UnitReading } from '@kc/reference-data';

/**
 * A business registers only its own facility (the tax code its account represents); a province officer
 * registers facilities of their province for its delegation; the agency registers any.
 */
export function assertMayRegister(principal: Principal, facility: Facility): void {
  if (principal.role === 'business') {
    if (!principal.facilityTaxCode || principal.facilityTaxCode !== facility.taxCode) {
      throw new ForbiddenError(
        {
          vi: `Tài khoản doanh nghiệp chỉ đăng ký cho cơ sở của mình, không cho ${facility.taxCode}`,
          en: `a business account may register only its own facility, not ${facility.taxCode}`,
        },
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
  if (principal.role === 'province-officer') return maySee(principal, registration.facilityProvinceCode);
  if (principal.role === 'business') return principal.facilityTaxCode === registration.facilityTaxCode;
  return false;
}

/**
 * What a registration list is limited to: the codes a filter by the requested unit matches (`unitsCoveredBy`),
 * within a province officer's unit and its predecessors; a business's own facility.
 */
export function registrationListScope(
  principal: Principal,
  requestedProvince: string | undefined,
  reading: UnitReading,
): { provinceCodes?: string[]; facilityTaxCode?: string } {
  if (principal.role === 'business') {
    if (!principal.facilityTaxCode) {
      throw new ForbiddenError(
        {
          vi: 'Tài khoản doanh nghiệp này không đại diện cho cơ sở nào',
          en: 'this business account represents no facility',
        },
        'registration.no-facility',
      );
    }
    return {
      provinceCodes: requestedProvince === undefined ? undefined : unitsCoveredBy(requestedProvince, reading),
      facilityTaxCode: principal.facilityTaxCode,
    };
  }
  return { provinceCodes: listProvinceFilter(principal, requestedProvince, reading) };
}

/** The organiser of this fair (bound to it in their account) or the agency. */
export function runsFair(principal: Principal, fairId: string): boolean {
  return (
    isCentral(principal) || (principal.role === 'fair-organizer' && !!principal.fairIds?.includes(fairId))
  );
}

export function assertRunsFair(principal: Principal, fairId: string): void {
  if (!runsFair(principal, fairId)) {
    throw new ForbiddenError(
      {
        vi: `Người gọi không phải đơn vị tổ chức hội chợ ${fairId}`,
        en: `the caller does not organise fair ${fairId}`,
      },
      'fair.not-organizer',
    );
  }
}
