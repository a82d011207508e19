import { ConfigError, parseConfig } from '@kc/config';
import { gatewayEnvSchema, oidcSettings } from './gateway.config';

const base = {
  PORT: '3000',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kc_gateway',
  KAFKA_BROKERS: '127.0.0.1:9092',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
  ...Object.fromEntries(
    ['PLANS', 'PROJECTS', 'CLUSTERS', 'TRADE_FAIRS', 'AWARDS', 'REPORTING'].map((s) => [
      `${s}_URL`,
      'http://x:1',
    ]),
  ),
};

describe('gateway configuration', () => {
  it('defaults to no CORS origins, 1200 requests a minute per address, 15-minute tokens, no demo accounts', () => {
    const config = parseConfig(gatewayEnvSchema, base);
    expect(config).toMatchObject({
      CORS_ORIGINS: [],
      RATE_LIMIT_PER_IP_PER_MINUTE: 1200,
      AUTH_ACCESS_TOKEN_TTL: 900,
      AUTH_REFRESH_TOKEN_TTL: 43_200,
      AUTH_DEMO_USERS: false,
      AUTH_OIDC_ROLE_CLAIM: 'kc_role',
    });
  });

  it('treats the empty strings compose passes for unset variables as unset', () => {
    const blank = Object.fromEntries(
      [
        'AUTH_SIGNING_KEY',
        'AUTH_OIDC_ISSUER',
        'AUTH_OIDC_ROLE_CLAIM',
        'CORS_ORIGINS',
        'RATE_LIMIT_PER_IP_PER_MINUTE',
        'DEMO_PASSWORD',
      ].map((name) => [name, '']),
    );
    expect(parseConfig(gatewayEnvSchema, { ...base, ...blank })).toMatchObject({
      AUTH_SIGNING_KEY: undefined,
      AUTH_OIDC_ROLE_CLAIM: 'kc_role',
      RATE_LIMIT_PER_IP_PER_MINUTE: 1200,
    });
  });

  it('reads a comma list of CORS origins and refuses anything but origins', () => {
    expect(
      parseConfig(gatewayEnvSchema, { ...base, CORS_ORIGINS: 'https://a.gov.vn, http://localhost:5173' })
        .CORS_ORIGINS,
    ).toEqual(['https://a.gov.vn', 'http://localhost:5173']);
    expect(() => parseConfig(gatewayEnvSchema, { ...base, CORS_ORIGINS: 'https://a.gov.vn/app' })).toThrow(
      ConfigError,
    );
  });

  it('wants the OIDC issuer, JWKS URL and audience together', () => {
    expect(() => parseConfig(gatewayEnvSchema, { ...base, AUTH_OIDC_ISSUER: 'https://id.gov.vn' })).toThrow(
      /go together/,
    );
  });

  it('wants the four browser sign-in settings together, after an issuer, with the callback path', () => {
    const issuer = {
      AUTH_OIDC_ISSUER: 'https://id.gov.vn',
      AUTH_OIDC_JWKS_URL: 'https://id.gov.vn/jwks',
      AUTH_OIDC_AUDIENCE: 'kc',
    };
    const browser = {
      AUTH_OIDC_CLIENT_ID: 'kc-web',
      AUTH_OIDC_AUTHORIZATION_URL: 'https://id.gov.vn/authorize',
      AUTH_OIDC_TOKEN_URL: 'https://id.gov.vn/token',
      AUTH_OIDC_REDIRECT_URI: 'https://khuyencong.gov.vn/api/v1/auth/oidc/callback',
    };
    const config = parseConfig(gatewayEnvSchema, { ...base, ...issuer, ...browser });
    expect(oidcSettings(config)?.browser).toMatchObject({ clientId: 'kc-web', clientSecret: null });
    expect(oidcSettings(parseConfig(gatewayEnvSchema, { ...base, ...issuer }))?.browser).toBeNull();
    expect(() =>
      parseConfig(gatewayEnvSchema, { ...base, ...issuer, AUTH_OIDC_CLIENT_ID: 'kc-web' }),
    ).toThrow(/go together/);
    expect(() => parseConfig(gatewayEnvSchema, { ...base, ...browser })).toThrow(/needs AUTH_OIDC_ISSUER/);
    expect(() =>
      parseConfig(gatewayEnvSchema, {
        ...base,
        ...issuer,
        ...browser,
        AUTH_OIDC_REDIRECT_URI: 'https://khuyencong.gov.vn/callback',
      }),
    ).toThrow(/must end in \/api\/v1\/auth\/oidc\/callback/);
  });

  it('refuses a demo password shorter than the password rule', () => {
    expect(() => parseConfig(gatewayEnvSchema, { ...base, DEMO_PASSWORD: 'short' })).toThrow(/DEMO_PASSWORD/);
  });
});
