import { principalSchema, ROLES, type Principal, type Role } from '@kc/contracts';
import { ForbiddenError, UnauthenticatedError } from '@kc/errors';
import { SCOPES_OF_ROLE } from './scopes';

/** Which claims of the external issuer's token carry the role, the provincial unit and the login name. */
export interface OidcClaimNames {
  role: string;
  province: string;
  username: string;
}

/**
 * Optional claims for the roles bound to fairs or a facility (fixed names, documented). A juror's rounds are
 * the juries awards seats them on, so no claim names them.
 */
export const BINDING_CLAIMS = { fairIds: 'kc_fairs', facilityTaxCode: 'kc_facility' };

const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

function stringList(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : String(value).split(/[\s,]+/);
  return list.map(String).filter(Boolean);
}

/**
 * The external issuer's client the token was issued to (`azp`, else RFC 9068 `client_id`): admitted,
 * rate-limited and revoked per client like an API client. A token naming none is refused.
 */
export function externalClientOf(claims: Record<string, unknown>): string {
  const client = claims['azp'] ?? claims['client_id'];
  if (typeof client !== 'string' || !/^[\x21-\x7E]{1,100}$/.test(client)) {
    throw new UnauthenticatedError(
      {
        vi: 'Mã định danh không nêu ứng dụng nào của bên cấp (azp hoặc client_id)',
        en: 'the identity token names no client of the issuer (azp or client_id)',
      },
      'auth.invalid-token',
    );
  }
  return client;
}

/**
 * The scopes the token grants (`scope`, space-separated, or `scp`, a list) that the role can use: never
 * beyond the role, and none when the token grants none (the issuer's client decides what it may do here).
 */
export function scopesOfOidcToken(claims: Record<string, unknown>, role: Role): string[] {
  const granted = new Set(stringList(claims['scope'] ?? claims['scp']) ?? []);
  return SCOPES_OF_ROLE[role].filter((scope) => granted.has(scope));
}

/**
 * Maps a verified token of the external issuer to the platform's principal. A person whose token names no
 * role of ours is authenticated but may do nothing here (403); a province officer must name their unit.
 */
export function principalFromOidcClaims(claims: Record<string, unknown>, names: OidcClaimNames): Principal {
  const subject = claims['sub'];
  if (typeof subject !== 'string' || subject.length === 0) {
    throw new UnauthenticatedError(
      { vi: 'Mã định danh không có chủ thể (subject)', en: 'the identity token has no subject' },
      'auth.invalid-token',
    );
  }
  // Some issuers put roles in a list; exactly one of ours must be there.
  const roleClaim = claims[names.role];
  const roles = (Array.isArray(roleClaim) ? roleClaim : [roleClaim]).filter(isRole);
  if (roles.length !== 1) {
    throw new ForbiddenError(
      {
        vi: `Mã định danh phải mang đúng một vai trò của nền tảng trong claim ${names.role}`,
        en: `the identity token must carry exactly one platform role in claim ${names.role}`,
      },
      'auth.unknown-role',
    );
  }
  const role = roles[0];
  const province = claims[names.province];
  const provinceCode =
    typeof province === 'string' || typeof province === 'number' ? String(province) : undefined;
  if (role === 'province-officer' && !/^\d{2}$/.test(provinceCode ?? '')) {
    throw new ForbiddenError(
      {
        vi: `Mã định danh của cán bộ tỉnh phải mang mã đơn vị hai chữ số trong claim ${names.province}`,
        en: `a province officer's identity token must carry a two-digit unit code in claim ${names.province}`,
      },
      'auth.no-province',
    );
  }
  const username = claims[names.username];
  const facility = claims[BINDING_CLAIMS.facilityTaxCode];
  const candidate = {
    kind: 'user' as const,
    id: subject.slice(0, 100),
    name: (typeof username === 'string' && username ? username : subject).slice(0, 200),
    role,
    ...(role === 'province-officer' ? { provinceCode } : {}),
    ...(role === 'fair-organizer' ? { fairIds: stringList(claims[BINDING_CLAIMS.fairIds]) ?? [] } : {}),
    ...(role === 'business' && typeof facility === 'string' ? { facilityTaxCode: facility } : {}),
    scopes: scopesOfOidcToken(claims, role),
  };
  const principal = principalSchema.safeParse(candidate);
  if (!principal.success) {
    throw new ForbiddenError(
      {
        vi: 'Mã định danh không mô tả người gọi nào của nền tảng này',
        en: 'the identity token does not describe a caller of this platform',
      },
      'auth.bad-claims',
    );
  }
  return principal.data;
}
