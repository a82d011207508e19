import { SetMetadata } from '@nestjs/common';
import { CENTRAL_ROLES, ROLES, type Role } from '@kc/contracts';

/** Who may call a route: the roles, and for API clients the scope their registration must grant. */
export interface AccessRule {
  roles: readonly Role[];
  scope?: string;
}

export const ACCESS_RULE = 'kc:access-rule';
export const PUBLIC_ROUTE = 'kc:public-route';

/** Every route declares a rule or is explicitly public; a route with neither is refused (fail closed). */
export const Permit = (rule: AccessRule) => SetMetadata(ACCESS_RULE, rule);
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export const ALL_ROLES: readonly Role[] = ROLES;
export const CENTRAL: readonly Role[] = CENTRAL_ROLES;
export const STAFF: readonly Role[] = [...CENTRAL_ROLES, 'province-officer'];

/** Pure decision: may this principal use a route with this rule? */
export function permits(
  rule: AccessRule,
  principal: { kind: 'user' | 'client'; role: Role; scopes: string[] },
): boolean {
  if (!rule.roles.includes(principal.role)) return false;
  return principal.kind === 'user' || !rule.scope || principal.scopes.includes(rule.scope);
}
