import { CENTRAL_ROLES, type Principal } from '@kc/contracts';
import { ForbiddenError, UnauthenticatedError } from '@kc/errors';
import { currentContext } from '@kc/observability';
import { unitsCoveredBy, type UnitReading } from '@kc/reference-data';

/** The verified caller of the current request (the guard has run). */
export function currentPrincipal(): Principal {
  const principal = currentContext()?.principal;
  if (!principal)
    throw new UnauthenticatedError(
      { vi: 'Không có người gọi đã xác thực', en: 'no authenticated caller' },
      'auth.missing-token',
    );
  return principal;
}

export const isCentral = (principal: Principal) => CENTRAL_ROLES.includes(principal.role);

/**
 * The provincial unit whose records the caller is limited to, or null for the agency (all provinces).
 * A province officer without a bound province sees nothing rather than everything.
 */
export function provinceScope(principal: Principal): string | null {
  if (isCentral(principal)) return null;
  if (principal.role === 'province-officer' && principal.provinceCode) return principal.provinceCode;
  throw new ForbiddenError(
    {
      vi: `Vai trò ${principal.role} không được xem hồ sơ của các tỉnh`,
      en: `role ${principal.role} has no access to provincial records`,
    },
    'auth.no-province',
  );
}

/** Refuses a write about another province than the caller's own. */
export function assertMayActFor(principal: Principal, provinceCode: string | null): void {
  const scope = provinceScope(principal);
  if (scope !== null && scope !== provinceCode) {
    throw new ForbiddenError(
      provinceCode === null
        ? {
            vi: `Cán bộ Sở Công Thương tỉnh ${scope} chỉ làm việc với hồ sơ của tỉnh mình; hồ sơ cấp quốc gia do Cục quản lý`,
            en: `a province officer of unit ${scope} acts only for their own province; national records are the agency's`,
          }
        : {
            vi: `Cán bộ Sở Công Thương tỉnh ${scope} không được làm việc thay tỉnh ${provinceCode}`,
            en: `a province officer of unit ${scope} may not act for unit ${provinceCode}`,
          },
      'auth.other-province',
      'provinceCode',
    );
  }
}

/**
 * Whether the caller may see a record of this province (national records: everyone permitted by the route).
 * A province officer sees their unit's records and those of the units merged into it (`unitsCoveredBy`).
 */
export function maySee(principal: Principal, provinceCode: string | null): boolean {
  if (isCentral(principal) || provinceCode === null) return true;
  return (
    principal.role === 'province-officer' &&
    !!principal.provinceCode &&
    unitsCoveredBy(principal.provinceCode).includes(provinceCode)
  );
}

/**
 * The province codes a list of provincial records is limited to, or undefined for all: those a filter by
 * `requested` matches (`unitsCoveredBy`: with `current`, the unit and the units merged into it). A province
 * officer is limited to their own unit and its predecessors whatever they ask (no `requested`: their own);
 * asking for another unit's records is refused rather than answered with nothing.
 */
export function listProvinceFilter(
  principal: Principal,
  requested: string | undefined,
  reading: UnitReading = 'current',
): string[] | undefined {
  const scope = provinceScope(principal);
  const code = requested ?? scope;
  if (code === null) return undefined;
  const codes = unitsCoveredBy(code, reading);
  if (scope !== null && !codes.every((covered) => unitsCoveredBy(scope).includes(covered))) {
    throw new ForbiddenError(
      {
        vi: `Cán bộ tỉnh của đơn vị ${scope} không được xem hồ sơ của đơn vị ${code}`,
        en: `a province officer of unit ${scope} may not list the records of unit ${code}`,
      },
      'auth.other-province',
      'provinceCode',
    );
  }
  return codes;
}
