import { z } from 'zod';
import { provinceCode } from '../primitives';
import { say } from '../messages';
import { ROLES } from '../principal';
import { SCOPES } from '../routes/route';
import { listOf } from './pagination';

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

/**
 * A successful token answer, RFC 6749 §5.1 (snake_case, as every OAuth 2.0 client library expects). No
 * refresh_token: the client-credentials grant should not issue one (§4.4.3).
 */
export const oauthTokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.literal('Bearer'),
  /** Seconds until the access token expires. */
  expires_in: z.number().int().min(1),
  /** The scopes granted, space-separated (always sent, though §5.1 may leave it out). */
  scope: z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/),
});
export type OAuthTokenResponse = z.infer<typeof oauthTokenResponse>;

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
export const oauthErrorResponse = z.object({
  error: z.enum(OAUTH_ERROR_CODES),
  error_description: z.string().describe('Printable ASCII (RFC 6749 §5.2), so English.'),
});
export type OAuthErrorResponse = z.infer<typeof oauthErrorResponse>;

/** How a client may authenticate at the token endpoint (RFC 8414 token_endpoint_auth_methods_supported). */
export const OAUTH_CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post'] as const;

/** GET /.well-known/oauth-authorization-server — RFC 8414 authorization server metadata. */
export const authorizationServerMetadata = z.object({
  /** The `iss` of the access tokens: a URL, or a bare name where no issuer URL is configured. */
  issuer: z.string().min(1),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  grant_types_supported: z.array(z.enum(OAUTH_GRANT_TYPES)),
  token_endpoint_auth_methods_supported: z.array(z.enum(OAUTH_CLIENT_AUTH_METHODS)),
  scopes_supported: z.array(z.enum(SCOPES)),
  /** Empty: the client-credentials grant needs no authorization endpoint, so no response type is served. */
  response_types_supported: z.array(z.string()).max(0),
  service_documentation: z.url(),
});
export type AuthorizationServerMetadata = z.infer<typeof authorizationServerMetadata>;

/** A public key that signs the gateway's access tokens (ES256, P-256), as JWKS publishes it (RFC 7517/7518). */
export const signingJwk = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().min(1),
  y: z.string().min(1),
  kid: z.string().min(1),
  alg: z.literal('ES256'),
  use: z.literal('sig'),
});
export type SigningJwk = z.infer<typeof signingJwk>;

/** GET /api/v1/auth/jwks — a JWK Set (RFC 7517 §5). */
export const jwksView = z.object({ keys: z.array(signingJwk).min(1) });
export type JwksView = z.infer<typeof jwksView>;

/** What POST /api/v1/auth/login and /refresh answer: the human routes of the built-in identity provider. */
export const tokenResponse = z.object({
  accessToken: z.string().min(1),
  tokenType: z.literal('Bearer'),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int().min(1),
  refreshToken: z.string().min(1),
});
export type TokenResponse = z.infer<typeof tokenResponse>;

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
export const registeredClient = z.object({
  clientId: z.uuid(),
  clientSecret: z.string().min(1),
  apiKey: z.string().min(1),
});
export type RegisteredClient = z.infer<typeof registeredClient>;

/** An API client as central admins see it: never its secret or key, only the key's prefix. */
export const apiClientView = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.enum(ROLES),
  /** The provincial unit a province-officer client acts for. */
  provinceCode: provinceCode.nullable(),
  scopes: z.array(z.enum(SCOPES)),
  /** The public part of its API key (`kc_<prefix>_…`), to tell the keys apart. */
  apiKeyPrefix: z.string().regex(/^[0-9a-f]{12}$/),
  rateLimitPerMinute: z.number().int().min(1),
  revokedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type ApiClientView = z.infer<typeof apiClientView>;
export const apiClientList = listOf(apiClientView);
export type ApiClientList = z.infer<typeof apiClientList>;

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

export const externalClientView = z.object({
  clientId: z.string(),
  name: z.string(),
  rateLimitPerMinute: z.number().int().min(1),
  revokedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type ExternalClientView = z.infer<typeof externalClientView>;
export const externalClientList = listOf(externalClientView);
export type ExternalClientList = z.infer<typeof externalClientList>;
