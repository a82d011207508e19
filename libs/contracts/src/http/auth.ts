import { z } from 'zod';
import { provinceCode } from '../primitives';
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
  newPassword: z.string().min(12, 'must be at least 12 characters').max(200),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;

/** POST /api/v1/auth/token — OAuth2 client-credentials grant for provincial and central systems. */
export const clientCredentialsRequest = z.strictObject({
  grant_type: z.literal('client_credentials'),
  client_id: z.string().min(1).max(100),
  client_secret: z.string().min(1).max(200),
  scope: z.string().max(500).optional(),
});
export type ClientCredentialsRequest = z.infer<typeof clientCredentialsRequest>;

export interface TokenResponse {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  /** Absent for client credentials: a system simply asks again. */
  refreshToken?: string;
}

/** POST /api/v1/auth/clients — register an API client (central admins). */
export const registerClientRequest = z.strictObject({
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  provinceCode: provinceCode.optional(),
  scopes: z
    .array(z.string().regex(/^[a-z-]+:(read|write)$/, 'must look like projects:write'))
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
