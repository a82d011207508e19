import { AGENCY_SCOPES, type Role, type Scope } from '@kc/contracts';

/**
 * API scopes (`<resource>:read|write`). Route rules name the scope an API client must hold; a person's
 * scopes follow from their role (the token carries them for the services' information only: a person is
 * judged by role, a client by role and scope).
 */
export const SCOPES_OF_ROLE: Record<Role, readonly Scope[]> = {
  'central-admin': [
    ...AGENCY_SCOPES,
    'audit:read',
    'clients:read',
    'clients:write',
    'users:read',
    'users:write',
  ],
  'central-officer': AGENCY_SCOPES,
  // The same scopes, limited to its own province by the services; a provincial system books booths for its
  // delegation (fairs:write) while creating fairs stays with the agency by role.
  'province-officer': AGENCY_SCOPES,
  'fair-organizer': ['fairs:read', 'reports:read'],
  business: ['fairs:read', 'reports:read'],
  juror: ['awards:read', 'fairs:read', 'reports:read'],
  viewer: ['fairs:read', 'reports:read'],
};

export const KNOWN_SCOPES: readonly Scope[] = SCOPES_OF_ROLE['central-admin'];

/** Roles an integrating system may be registered with: never the agency's administrators. */
export const CLIENT_ROLES: readonly Role[] = [
  'central-officer',
  'province-officer',
  'fair-organizer',
  'viewer',
];

/** Scopes a client of this role asks for that its role could never use (empty when all are fine). */
export function scopesBeyondRole(role: Role, scopes: readonly string[]): string[] {
  const allowed: readonly string[] = SCOPES_OF_ROLE[role];
  return scopes.filter((scope) => !allowed.includes(scope));
}
