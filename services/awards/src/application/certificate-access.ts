import { maySee, provinceScope } from '@kc/auth';
import type { Principal } from '@kc/contracts';
import { ForbiddenError } from '@kc/errors';
import { unitsCoveredBy } from '@kc/reference-data';
import { certificateLevelLabels, type AwardScope } from '../domain/certificate';

/**
 * Only the authority that issues a level's certificates records or withdraws them: the agency any; a province
 * officer the provincial and commune certificates of their unit, and of the units merged into it (their
 * department keeps those records now). `field` names where the request says which certificate.
 */
export function assertIssuingAuthority(principal: Principal, scope: AwardScope, field: string): void {
  const own = provinceScope(principal);
  if (own === null) return;
  if (scope.level === 'regional' || scope.level === 'national') {
    throw new ForbiddenError(
      {
        vi:
          `Chỉ Cục ghi nhận và thu hồi giấy chứng nhận ${certificateLevelLabels[scope.level]}; Sở Công Thương ` +
          'chỉ làm việc với giấy chứng nhận cấp tỉnh và cấp xã của tỉnh mình',
        en:
          `only the agency records and withdraws ${scope.level} certificates; a province officer handles only ` +
          "their own province's provincial and commune certificates",
      },
      'certificate.agency-level',
      field,
    );
  }
  if (!unitsCoveredBy(own).includes(scope.provinceCode)) {
    throw new ForbiddenError(
      {
        vi: `Cán bộ Sở Công Thương tỉnh ${own} không được làm việc với giấy chứng nhận do tỉnh ${scope.provinceCode} cấp`,
        en: `a province officer of unit ${own} may not act on certificates issued by unit ${scope.provinceCode}`,
      },
      'auth.other-province',
      field,
    );
  }
}

/** Staff see a certificate by its holder's province (a province officer: their unit's facilities). */
export const maySeeCertificate = (principal: Principal, holderProvinceCode: string): boolean =>
  maySee(principal, holderProvinceCode);

/** The printed certificate: staff who may see it, and the holder facility itself. */
export const mayPrintCertificate = (
  principal: Principal,
  holder: { provinceCode: string; taxCode: string },
): boolean =>
  principal.role === 'business'
    ? principal.facilityTaxCode === holder.taxCode
    : maySeeCertificate(principal, holder.provinceCode);
