import { z } from 'zod';
import { provinceCode } from '../primitives';
import { say } from '../messages';
import { ROLES } from '../principal';

/** POST /api/v1/auth/login — the built-in identity provider (demo, tests, small deployments). */
export const loginRequest = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequest>;

/** POST /api/v1/auth/refresh and /logout. */
export const refreshRequest = z.strictObject({ refreshToken: z.string().min(20).max(200) });
export type RefreshRequest = z.infer<typeof refreshRequest>;

/** POST /api/v1/auth/password */
export const changePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(12, say('phải có ít nhất 12 ký tự', 'must be at least 12 characters')).max(200),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;

/**
 * POST /api/v1/auth/token — the OAuth 2.0 token endpoint (RFC 6749) for provincial and central systems: the
 * client-credentials grant, as a form (what the RFC requires) or JSON. Not strict: §3.2 says unrecognised
 * parameters are ignored. Client credentials come here or in HTTP Basic (§2.3.1), never both.
 */
export const tokenRequest = z.object({
  grant_type: z.string().min(1).max(100),
  client_id: z.string().min(1).max(100).optional(),
  client_secret: z.string().min(1).max(200).optional(),
  /** Space-separated scopes (§3.3), a subset of the client's; all of them when absent. */
  scope: z
    .string()
    .max(500)
    .regex(
      /^[\x21\x23-\x5B\x5D-\x7E ]*$/,
      say('phải là các phạm vi (scope) cách nhau bằng dấu cách', 'must be space-separated scope tokens'),
    )
    .optional(),
});
export type TokenRequest = z.infer<typeof tokenRequest>;

/** The grants the token endpoint issues (RFC 8414 grant_types_supported). */
export const OAUTH_GRANT_TYPES = ['client_credentials'] as const;

/** A successful token answer, RFC 6749 §5.1 (snake_case, as every OAuth 2.0 client library expects). */
export interface OAuthTokenResponse {
  access_token: string;
  token_type: 'Bearer';
  /** Seconds until the access token expires. */
  expires_in: number;
  /** The scopes granted, space-separated. */
  scope: string;
}

export const OAUTH_ERROR_CODES = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
] as const;
export type OAuthErrorCode = (typeof OAUTH_ERROR_CODES)[number];

/** A refusal of the token endpoint, RFC 6749 §5.2 (not problem+json: OAuth clients read this shape). */
export interface OAuthErrorResponse {
  error: OAuthErrorCode;
  error_description: string;
}

/** GET /.well-known/oauth-authorization-server — RFC 8414 authorization server metadata. */
export interface AuthorizationServerMetadata {
  issuer: string;
  token_endpoint: string;
  jwks_uri: string;
  grant_types_supported: string[];
  token_endpoint_auth_methods_supported: string[];
  scopes_supported: string[];
  response_types_supported: string[];
  service_documentation: string;
}

/** What POST /api/v1/auth/login and /refresh answer: the human routes of the built-in identity provider. */
export interface TokenResponse {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
}

/** POST /api/v1/auth/clients — register an API client (central admins). */
export const registerClientRequest = z.strictObject({
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  provinceCode: provinceCode.optional(),
  scopes: z
    .array(
      z
        .string()
        .regex(/^[a-z-]+:(read|write)$/, say('phải có dạng projects:write', 'must look like projects:write')),
    )
    .min(1)
    .max(50),
  rateLimitPerMinute: z.number().int().min(1).max(100_000).default(600),
});
export type RegisterClientRequest = z.infer<typeof registerClientRequest>;

/** Returned once at registration: the secret and the API key are never shown again. */
export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  apiKey: string;
}

/**
 * POST /api/v1/auth/external-clients — register a client of the external OIDC issuer (central admins): its
 * tokens are accepted only once it is registered, limited per minute, and refused once it is revoked.
 */
export const registerExternalClientRequest = z.strictObject({
  /** The `azp` (or `client_id`) claim the issuer puts in the tokens it issues to this client. */
  clientId: z
    .string()
    .regex(
      /^[\x21-\x7E]{1,100}$/,
      say('phải gồm 1–100 ký tự ASCII nhìn thấy được', 'must be 1–100 visible ASCII characters'),
    ),
  name: z.string().trim().min(1).max(200),
  rateLimitPerMinute: z.number().int().min(1).max(100_000).default(600),
});
export type RegisterExternalClientRequest = z.infer<typeof registerExternalClientRequest>;

export interface ExternalClientView {
  clientId: string;
  name: string;
  rateLimitPerMinute: number;
  revokedAt: string | null;
  createdAt: string;
}
