import { z } from 'zod';

/**
 * Who is calling, as every service sees it after the gateway has authenticated the caller (a person with
 * the built-in identity provider or an external OIDC issuer, or an integrating system with client
 * credentials or an API key). Services read it only from a verified internal token.
 */
export const ROLES = [
  'central-admin',
  'central-officer',
  'province-officer',
  'fair-organizer',
  'business',
  'juror',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

/** Each role as the product names it (Vietnamese, for lists and screens). */
export const ROLE_LABELS: Record<Role, string> = {
  'central-admin': 'Quản trị hệ thống (Cục)',
  'central-officer': 'Cán bộ Cục',
  'province-officer': 'Cán bộ Sở Công Thương',
  'fair-organizer': 'Ban tổ chức hội chợ',
  business: 'Cơ sở công nghiệp nông thôn',
  juror: 'Thành viên hội đồng giám khảo',
  viewer: 'Người xem',
};

export const principalSchema = z.strictObject({
  kind: z.enum(['user', 'client']),
  /** User id or API client id. */
  id: z.string().min(1).max(100),
  /** Login name (`sct.40`) or the client's name. */
  name: z.string().min(1).max(200),
  role: z.enum(ROLES),
  /** The one provincial unit a province officer (or a provincial system) acts for. */
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  /** Fairs a fair organiser runs. */
  fairIds: z.array(z.string()).optional(),
  /** The rural facility (tax code) a business user represents. */
  facilityTaxCode: z.string().optional(),
  /** API scopes (e.g. `projects:write`); people get theirs from their role. */
  scopes: z.array(z.string()),
  /** The external OIDC issuer's client (its `azp`) a person signed in through: audited and limited per client. */
  via: z.string().min(1).max(200).optional(),
});
export type Principal = z.infer<typeof principalSchema>;

/** Roles of the agency: they act on every province's records. */
export const CENTRAL_ROLES: readonly Role[] = ['central-admin', 'central-officer'];

/** Claim that carries the principal inside the internal access token (besides sub, jti, iss, aud, exp). */
export const PRINCIPAL_CLAIM = 'kc';
/** Audience of the tokens the gateway mints for the services. */
export const INTERNAL_AUDIENCE = 'kc-services';
/** Redis key marking a revoked access token until it would have expired anyway. */
export const revokedTokenKey = (jti: string) => `kc:auth:revoked:${jti}`;
