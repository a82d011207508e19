import { Global, Module, type DynamicModule, type InjectionToken, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { REDIS, type Redis } from '@kc/cache';
import { AuthGuard, CREDENTIAL_EXCHANGE } from './auth.guard';
import { TokenVerifier, redisRevocationList, remoteKeys, type KeySource } from './token-verifier';

export interface AuthOptions {
  issuer: string;
  /** The gateway's JWKS URL (services), or a provider of the key source (the gateway, which owns the keys). */
  keys: { jwksUrl: string } | { provider: Provider<KeySource>; token: symbol };
  /**
   * The gateway only: the token of its CredentialExchange (exported by a global module), which turns API keys
   * and external OIDC tokens into internal tokens before the guard verifies them.
   */
  exchange?: InjectionToken;
}

/** Token verification and the fail-closed route guard for one app. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    const keys = options.keys;
    const keyProviders: Provider[] = 'jwksUrl' in keys ? [] : [keys.provider];
    if (options.exchange) keyProviders.push({ provide: CREDENTIAL_EXCHANGE, useExisting: options.exchange });
    return {
      module: AuthModule,
      providers: [
        ...keyProviders,
        {
          provide: TokenVerifier,
          inject: [REDIS, ...('jwksUrl' in keys ? [] : [keys.token])],
          useFactory: (redis: Redis, local?: KeySource) =>
            new TokenVerifier(
              'jwksUrl' in keys ? remoteKeys(keys.jwksUrl) : local!,
              options.issuer,
              redisRevocationList(redis),
            ),
        },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenVerifier],
    };
  }
}
