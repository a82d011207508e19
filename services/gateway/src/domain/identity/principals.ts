import type { Principal, Role } from '@kc/contracts';
import { SCOPES_OF_ROLE } from './scopes';

export interface UserRecord {
  id: string;
  username: string;
  role: Role;
  provinceCode: string | null;
  fairIds: string[];
  facilityTaxCode: string | null;
}

/** A person's principal: the bindings of their role, and the scopes of their role. */
export function userPrincipal(user: UserRecord): Principal {
  return {
    kind: 'user',
    id: user.id,
    name: user.username,
    role: user.role,
    ...(user.provinceCode ? { provinceCode: user.provinceCode } : {}),
    ...(user.role === 'fair-organizer' ? { fairIds: user.fairIds } : {}),
    ...(user.role === 'business' && user.facilityTaxCode ? { facilityTaxCode: user.facilityTaxCode } : {}),
    scopes: [...SCOPES_OF_ROLE[user.role]],
  };
}

export interface ClientRecord {
  id: string;
  name: string;
  role: Role;
  provinceCode: string | null;
  scopes: string[];
}

/** An integrating system's principal: exactly the scopes it was registered with (or asked for, if fewer). */
export function clientPrincipal(client: ClientRecord, scopes: string[] = client.scopes): Principal {
  return {
    kind: 'client',
    id: client.id,
    name: client.name,
    role: client.role,
    ...(client.provinceCode ? { provinceCode: client.provinceCode } : {}),
    scopes,
  };
}

/** The principal as the API shows it (`/auth/me`, a browser session): a verified token's without its jti and exp. */
export function publicPrincipal({
  kind,
  id,
  name,
  role,
  provinceCode,
  fairIds,
  facilityTaxCode,
  scopes,
  via,
}: Principal): Principal {
  return { kind, id, name, role, provinceCode, fairIds, facilityTaxCode, scopes, via };
}
