import { z } from 'zod';
import {
  loadConfigOrExit,
  optionalVariable as optional,
  serviceEnvSchema,
  urlVariable,
  variableWithDefault as withDefault,
} from '@kc/config';
import { OIDC_CALLBACK_PATH } from '../domain/identity/oidc-sign-in';

const upstreamUrl = urlVariable(['http', 'https']);
const seconds = (min: number, max: number, fallback: number) =>
  withDefault(z.coerce.number().int().min(min).max(max), fallback);

/** The services behind the gateway, how long it waits for them, and its identity provider and edge rules. */
export const gatewayEnvSchema = serviceEnvSchema
  .extend({
    PLANS_URL: upstreamUrl,
    PROJECTS_URL: upstreamUrl,
    CLUSTERS_URL: upstreamUrl,
    TRADE_FAIRS_URL: upstreamUrl,
    AWARDS_URL: upstreamUrl,
    REPORTING_URL: upstreamUrl,
    UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /** The conference web app's build (nx build conference-web); the gateway serves it at `/` when present. */
    WEB_APP_DIR: z.string().min(1).default('dist/conference-web'),
    /** Memory for the answers of `cache: 'shared'` routes the edge keeps (MiB). */
    EDGE_CACHE_MB: withDefault(z.coerce.number().int().min(1).max(4_096), 64),

    /** ES256 private key (PKCS#8 PEM; `\n` escapes allowed). Without it a key is generated and kept in the DB. */
    AUTH_SIGNING_KEY: optional(z.string().includes('PRIVATE KEY', { message: 'must be a PKCS#8 PEM key' })),
    AUTH_SIGNING_KEY_ID: optional(z.string().regex(/^[\w.-]{1,64}$/, 'must be 1–64 letters, digits, . _ -')),
    AUTH_ACCESS_TOKEN_TTL: seconds(60, 86_400, 900),
    AUTH_REFRESH_TOKEN_TTL: seconds(300, 30 * 86_400, 12 * 3600),
    AUTH_DEMO_USERS: optional(z.enum(['true', 'false'])).transform((value) => value === 'true'),
    DEMO_PASSWORD: optional(z.string().min(12, 'must be at least 12 characters').max(200)),

    /** An external OIDC issuer whose tokens are accepted (production): all three or none. */
    AUTH_OIDC_ISSUER: optional(z.string().min(1)),
    AUTH_OIDC_JWKS_URL: optional(urlVariable(['http', 'https'])),
    AUTH_OIDC_AUDIENCE: optional(z.string().min(1)),
    AUTH_OIDC_ROLE_CLAIM: withDefault(z.string().min(1), 'kc_role'),
    AUTH_OIDC_PROVINCE_CLAIM: withDefault(z.string().min(1), 'kc_province'),
    AUTH_OIDC_USERNAME_CLAIM: withDefault(z.string().min(1), 'preferred_username'),
    /**
     * Browser sign-in through that issuer (authorization code with PKCE): the gateway's client at the issuer,
     * the issuer's endpoints and the callback registered there — all four or none; the secret only for a
     * confidential client.
     */
    AUTH_OIDC_CLIENT_ID: optional(z.string().min(1)),
    AUTH_OIDC_CLIENT_SECRET: optional(z.string().min(1)),
    AUTH_OIDC_AUTHORIZATION_URL: optional(urlVariable(['http', 'https'])),
    AUTH_OIDC_TOKEN_URL: optional(urlVariable(['http', 'https'])),
    AUTH_OIDC_REDIRECT_URI: optional(
      urlVariable(['http', 'https']).refine((uri) => new URL(uri).pathname === OIDC_CALLBACK_PATH, {
        message: `must end in ${OIDC_CALLBACK_PATH}`,
      }),
    ),
    /** The sign-in button's label, e.g. the issuer's name. */
    AUTH_OIDC_DISPLAY_NAME: withDefault(z.string().min(1).max(60), 'Đăng nhập một lần (SSO)'),

    /** Browser origins allowed to call the API (comma list); none by default. */
    CORS_ORIGINS: optional(z.string())
      .transform((value) =>
        (value ?? '')
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url().regex(/^https?:\/\/[^/]+$/, 'must be an origin like https://app.example.vn'))),
    RATE_LIMIT_PER_IP_PER_MINUTE: withDefault(z.coerce.number().int().min(1).max(1_000_000), 1200),
    /**
     * Express `trust proxy`: unset = the socket address is the client; a hop count or a list of proxy
     * addresses/subnets when a load balancer in front sets X-Forwarded-For.
     */
    TRUST_PROXY: optional(z.string().regex(/^(\d{1,2}|[\w.:/, -]+)$/)),

    /** How often the gateway checks that Redis still holds every revocation marker (0: at boot and reconnect only). */
    REVOCATION_CHECK_MS: withDefault(z.coerce.number().int().min(0).max(60_000), 1_000),
    /** How often expired Idempotency-Key records and revoked tokens are deleted (0: never). */
    EXPIRED_SWEEP_MS: withDefault(z.coerce.number().int().min(0).max(3_600_000), 60_000),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.AUTH_OIDC_ISSUER, env.AUTH_OIDC_JWKS_URL, env.AUTH_OIDC_AUDIENCE];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_OIDC_ISSUER'],
        message: 'AUTH_OIDC_ISSUER, AUTH_OIDC_JWKS_URL and AUTH_OIDC_AUDIENCE go together',
      });
    }
    const browser = [
      env.AUTH_OIDC_CLIENT_ID,
      env.AUTH_OIDC_AUTHORIZATION_URL,
      env.AUTH_OIDC_TOKEN_URL,
      env.AUTH_OIDC_REDIRECT_URI,
    ];
    if (browser.some(Boolean) && !browser.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_OIDC_CLIENT_ID'],
        message:
          'AUTH_OIDC_CLIENT_ID, AUTH_OIDC_AUTHORIZATION_URL, AUTH_OIDC_TOKEN_URL and AUTH_OIDC_REDIRECT_URI go together',
      });
    }
    if (env.AUTH_OIDC_CLIENT_ID && !env.AUTH_OIDC_ISSUER) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_OIDC_CLIENT_ID'], message: 'needs AUTH_OIDC_ISSUER' });
    }
    if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ISSUER === env.AUTH_ISSUER) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_OIDC_ISSUER'], message: 'must differ from AUTH_ISSUER' });
    }
    if (env.AUTH_SIGNING_KEY_ID && !env.AUTH_SIGNING_KEY) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_SIGNING_KEY_ID'], message: 'needs AUTH_SIGNING_KEY' });
    }
  });

export type GatewayConfig = z.infer<typeof gatewayEnvSchema>;
export const loadGatewayConfig = (): GatewayConfig => loadConfigOrExit(gatewayEnvSchema);

export const DEFAULT_DEMO_PASSWORD = 'khuyencong2026';

/** The OIDC settings when an external issuer is configured. */
export function oidcSettings(config: GatewayConfig) {
  const { AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_JWKS_URL: jwksUrl, AUTH_OIDC_AUDIENCE: audience } = config;
  if (!issuer || !jwksUrl || !audience) return null;
  const {
    AUTH_OIDC_CLIENT_ID: clientId,
    AUTH_OIDC_AUTHORIZATION_URL: authorizationUrl,
    AUTH_OIDC_TOKEN_URL: tokenUrl,
    AUTH_OIDC_REDIRECT_URI: redirectUri,
  } = config;
  return {
    issuer,
    jwksUrl,
    audience,
    claims: {
      role: config.AUTH_OIDC_ROLE_CLAIM,
      province: config.AUTH_OIDC_PROVINCE_CLAIM,
      username: config.AUTH_OIDC_USERNAME_CLAIM,
    },
    browser:
      clientId && authorizationUrl && tokenUrl && redirectUri
        ? {
            clientId,
            clientSecret: config.AUTH_OIDC_CLIENT_SECRET ?? null,
            authorizationUrl,
            tokenUrl,
            redirectUri,
            displayName: config.AUTH_OIDC_DISPLAY_NAME,
          }
        : null,
  };
}
