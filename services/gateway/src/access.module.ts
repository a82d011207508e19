import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { AuthOptions } from '@kc/auth';
import { REDIS, type Redis } from '@kc/cache';
import { AuditTrail } from './application/audit/audit-trail';
import { Clock } from './application/clock';
import { AddressAdmission } from './application/identity/address-admission';
import { AuthService } from './application/identity/auth.service';
import { ClientAdmission } from './application/identity/client-admission';
import { ClientDirectory } from './application/identity/client-directory';
import { ClientsService } from './application/identity/clients.service';
import { DEMO_SETTINGS, DemoAccountsSeeder } from './application/identity/demo-accounts.seeder';
import { EdgeCredentials, OIDC_SETTINGS } from './application/identity/edge-credentials';
import { ExternalClientsService } from './application/identity/external-clients.service';
import { DEFAULT_DEMO_PASSWORD, oidcSettings, type GatewayConfig } from './config/gateway.config';
import { IssuedTokens } from './infrastructure/identity/issued-tokens.store';
import { LoginAttempts } from './infrastructure/identity/login-attempts.store';
import { PasswordHasher } from './infrastructure/identity/password-hasher';
import { RateLimiter } from './infrastructure/identity/rate-limiter.store';
import { RefreshTokens } from './infrastructure/identity/refresh-tokens.store';
import { Revocations } from './infrastructure/identity/revocations.store';
import { SigningKeys } from './infrastructure/identity/signing-keys';
import { TokenIssuer } from './infrastructure/identity/token-issuer';
import { AuditRecordEntity } from './infrastructure/persistence/audit-record.entity';
import { ExternalClientEntity } from './infrastructure/persistence/external-client.entity';
import {
  ApiClientEntity,
  AppUserEntity,
  SigningKeyEntity,
} from './infrastructure/persistence/identity.entities';
import { Identity1763900000700 } from './infrastructure/persistence/migrations/1763900000700-identity';
import { AuditRecord1763900000710 } from './infrastructure/persistence/migrations/1763900000710-audit-record';
import { IssuedToken1763900000760 } from './infrastructure/persistence/migrations/1763900000760-issued-token';
import { AuditRecordKind1763900000795 } from './infrastructure/persistence/migrations/1763900000795-audit-record-kind';
import { RevokedToken1763900000730 } from './infrastructure/persistence/migrations/1763900000730-revoked-token';
import { ExternalClient1763900000770 } from './infrastructure/persistence/migrations/1763900000770-external-client';
import { DropUserRoundIds1763900000800 } from './infrastructure/persistence/migrations/1763900000800-drop-user-round-ids';
import { AuditEventsHandler } from './interface/events/audit-events.handler';
import { SharedAnswers } from './application/edge-cache/shared-answers';
import { ChangeSignals } from './infrastructure/edge-cache/change-signals';
import { ChangeFeed } from './application/live/change-feed';
import { AuditController } from './interface/http/audit.controller';
import { AuthController } from './interface/http/auth.controller';
import { ClientLimitsInterceptor } from './interface/http/client-limits.interceptor';
import { ClientsController } from './interface/http/clients.controller';
import { ExternalClientsController } from './interface/http/external-clients.controller';
import { OAuthMetadataController } from './interface/http/oauth-metadata.controller';
import { SessionController } from './interface/http/session.controller';
import { OidcSignInController } from './interface/http/oidc-sign-in.controller';
import { OidcSignIn } from './application/identity/oidc-sign-in.service';

export const ACCESS_ENTITIES = [
  SigningKeyEntity,
  AppUserEntity,
  ApiClientEntity,
  AuditRecordEntity,
  ExternalClientEntity,
];
export const ACCESS_MIGRATIONS = [
  Identity1763900000700,
  AuditRecord1763900000710,
  RevokedToken1763900000730,
  ExternalClient1763900000770,
  IssuedToken1763900000760,
  AuditRecordKind1763900000795,
  DropUserRoundIds1763900000800,
];

const GATEWAY_KEYS = Symbol('GATEWAY_KEYS');

/** How the gateway's own auth guard verifies tokens: with the gateway's keys, and its edge credentials. */
export const gatewayAuthOptions = (config: GatewayConfig): AuthOptions => ({
  issuer: config.AUTH_ISSUER,
  keys: {
    provider: {
      provide: GATEWAY_KEYS,
      inject: [SigningKeys],
      useFactory: (keys: SigningKeys) => keys.keySource,
    },
    token: GATEWAY_KEYS,
  },
  exchange: EdgeCredentials,
});

/**
 * Identity, access and audit at the edge: the built-in identity provider (users, signing keys, tokens), API
 * clients, the exchange of API keys and external OIDC tokens, per-client limits, and the audit trail.
 * Global, so that the auth guard (in AuthModule) finds the keys and the credential exchange.
 */
@Module({})
export class AccessModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AccessModule,
      global: true,
      controllers: [
        AuthController,
        SessionController,
        OidcSignInController,
        ClientsController,
        ExternalClientsController,
        OAuthMetadataController,
        AuditController,
        AuditEventsHandler,
      ],
      providers: [
        Clock,
        {
          provide: SigningKeys,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            config.AUTH_SIGNING_KEY
              ? SigningKeys.fromPem(config.AUTH_SIGNING_KEY, config.AUTH_SIGNING_KEY_ID)
              : SigningKeys.fromDatabase(dataSource),
        },
        {
          provide: TokenIssuer,
          inject: [SigningKeys],
          useFactory: (keys: SigningKeys) =>
            new TokenIssuer(keys, config.AUTH_ISSUER, config.AUTH_ACCESS_TOKEN_TTL),
        },
        {
          provide: PasswordHasher,
          useFactory: async () => {
            const hasher = new PasswordHasher();
            await hasher.warmUp();
            return hasher;
          },
        },
        { provide: LoginAttempts, inject: [REDIS], useFactory: (redis: Redis) => new LoginAttempts(redis) },
        {
          provide: RefreshTokens,
          inject: [REDIS],
          useFactory: (redis: Redis) => new RefreshTokens(redis, config.AUTH_REFRESH_TOKEN_TTL),
        },
        { provide: RateLimiter, inject: [REDIS], useFactory: (redis: Redis) => new RateLimiter(redis) },
        {
          provide: AddressAdmission,
          inject: [RateLimiter],
          useFactory: (limiter: RateLimiter) =>
            new AddressAdmission(limiter, config.RATE_LIMIT_PER_IP_PER_MINUTE),
        },
        {
          provide: IssuedTokens,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new IssuedTokens(dataSource),
        },
        {
          provide: Revocations,
          inject: [DataSource, REDIS],
          useFactory: (dataSource: DataSource, redis: Redis) => new Revocations(dataSource, redis),
        },
        { provide: OIDC_SETTINGS, useValue: oidcSettings(config) },
        OidcSignIn,
        {
          provide: DEMO_SETTINGS,
          useValue: {
            enabled: config.AUTH_DEMO_USERS,
            password: config.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
          },
        },
        AuditTrail,
        { provide: SharedAnswers, useValue: new SharedAnswers(config.EDGE_CACHE_MB * 1024 * 1024) },
        { provide: ChangeFeed, useValue: new ChangeFeed() },
        ChangeSignals,
        ClientDirectory,
        EdgeCredentials,
        AuthService,
        ClientsService,
        ExternalClientsService,
        DemoAccountsSeeder,
        ClientAdmission,
        { provide: APP_INTERCEPTOR, useClass: ClientLimitsInterceptor },
      ],
      exports: [
        SigningKeys,
        TokenIssuer,
        EdgeCredentials,
        // For the per-address limit at the edge (gateway-app.ts).
        AddressAdmission,
        Revocations,
        Clock,
        // For the relay: what the edge keeps of shared answers, and the signals that a service's data changed.
        SharedAnswers,
        ChangeSignals,
        ChangeFeed,
        // For the users' management (GatewayModule: it also asks trade-fairs and awards).
        AuditTrail,
        PasswordHasher,
        RefreshTokens,
        IssuedTokens,
      ],
    };
  }
}
