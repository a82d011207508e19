import { CENTRAL_ROLES, type Principal } from '@kc/contracts';
import { ForbiddenError, UnauthenticatedError } from '@kc/errors';
import { currentContext } from '@kc/observability';

/** The verified caller of the current request (the guard has run). */
export function currentPrincipal(): Principal {
  const principal = currentContext()?.principal;
  if (!principal) throw new UnauthenticatedError('no authenticated caller', 'auth.missing-token');
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
  throw new ForbiddenError(`role ${principal.role} has no access to provincial records`, 'auth.no-province');
}

/** Refuses a write about another province than the caller's own. */
export function assertMayActFor(principal: Principal, provinceCode: string | null): void {
  const scope = provinceScope(principal);
  if (scope !== null && scope !== provinceCode) {
    throw new ForbiddenError(
      `a province officer of unit ${scope} may not act for ${provinceCode ?? 'the national level'}`,
      'auth.other-province',
      'provinceCode',
    );
  }
}

/** Whether the caller may see a record of this province (national records: everyone permitted by the route). */
export function maySee(principal: Principal, provinceCode: string | null): boolean {
  if (isCentral(principal) || provinceCode === null) return true;
  return principal.role === 'province-officer' && principal.provinceCode === provinceCode;
}

/**
 * The province a list of provincial records is limited to, or undefined for all: a province officer's own,
 * whatever they ask; asking for another province's records is refused rather than answered with nothing.
 */
export function listProvinceFilter(principal: Principal, requested: string | undefined): string | undefined {
  if (requested !== undefined) assertMayActFor(principal, requested);
  return provinceScope(principal) ?? requested;
}
