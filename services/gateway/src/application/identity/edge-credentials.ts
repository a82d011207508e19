import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { CredentialExchange } from '@kc/auth';
import type { Principal } from '@kc/contracts';
import { UnauthenticatedError } from '@kc/errors';
import { apiKeyMatches, apiKeyPrefix, sha256 } from '../../domain/identity/api-key';
import { principalFromOidcClaims, type OidcClaimNames } from '../../domain/identity/oidc-claims';
import { clientPrincipal } from '../../domain/identity/principals';
import { TokenIssuer } from '../../infrastructure/identity/token-issuer';
import { ClientDirectory } from './client-directory';

export interface OidcSettings {
  issuer: string;
  jwksUrl: string;
  audience: string;
  claims: OidcClaimNames;
}
export const OIDC_SETTINGS = Symbol('OIDC_SETTINGS');

/** Internal tokens minted for API keys live two minutes and are reused for one. */
const MINTED_TTL_SECONDS = 120;
const REUSE_MS = 60_000;
const MAX_CACHED = 10_000;
/** Asymmetric algorithms only: never `none`, never a shared secret. */
const EXTERNAL_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

interface Minted {
  token: string;
  jti: string;
  clientId: string | null;
  reuseUntil: number;
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * What the gateway accepts besides its own tokens, exchanged for an internal token that the auth guard then
 * verifies and the relay forwards: an API key (X-API-Key) of a registered client, or a bearer token of the
 * configured external OIDC issuer. Exchanged tokens are cached for a minute (keyed by a hash of the credential).
 */
@Injectable()
export class EdgeCredentials implements CredentialExchange {
  private readonly minted = new Map<string, Minted>();
  private readonly externalKeys: JWTVerifyGetKey | null;

  constructor(
    private readonly directory: ClientDirectory,
    private readonly issuer: TokenIssuer,
    @Inject(OIDC_SETTINGS) private readonly oidc: OidcSettings | null,
  ) {
    this.externalKeys = oidc ? createRemoteJWKSet(new URL(oidc.jwksUrl), { cooldownDuration: 30_000 }) : null;
  }

  async internalTokenFor(req: Request): Promise<string | undefined> {
    const apiKey = header(req, 'x-api-key');
    const bearer = /^Bearer\s+(\S+)$/i.exec(header(req, 'authorization') ?? '')?.[1];
    let token: string | undefined;
    if (apiKey !== undefined) {
      if (bearer) {
        throw new UnauthenticatedError(
          'send either an API key or a bearer token, not both',
          'auth.ambiguous-credentials',
        );
      }
      token = await this.forApiKey(apiKey);
    } else if (bearer && this.isExternal(bearer)) {
      token = await this.forExternalToken(bearer);
    }
    // The relay forwards exactly what the guard verified.
    if (token) req.headers.authorization = `Bearer ${token}`;
    return token;
  }

  /** Drops the cached tokens of a revoked client (its marker in Redis refuses them anyway). */
  forgetClient(clientId: string): void {
    for (const [key, entry] of this.minted) if (entry.clientId === clientId) this.minted.delete(key);
  }

  /**
   * Drops a minted token revoked at logout, so the API key or external token it stood for gets a fresh one:
   * logout ends the gateway's token, not a credential that only its issuer can revoke.
   */
  forgetToken(jti: string): void {
    for (const [key, entry] of this.minted) if (entry.jti === jti) this.minted.delete(key);
  }

  private isExternal(bearer: string): boolean {
    if (!this.oidc) return false;
    try {
      return decodeJwt(bearer).iss === this.oidc.issuer;
    } catch {
      return false;
    }
  }

  private async forApiKey(apiKey: string): Promise<string> {
    return this.cached(`key:${sha256(apiKey)}`, async () => {
      const prefix = apiKeyPrefix(apiKey);
      const client = prefix ? await this.directory.byApiKeyPrefix(prefix) : null;
      if (!client || client.revokedAt !== null || !apiKeyMatches(apiKey, client.apiKeyHash)) {
        throw new UnauthenticatedError('the API key is not valid', 'auth.invalid-api-key');
      }
      return { principal: clientPrincipal(client), ttl: MINTED_TTL_SECONDS };
    });
  }

  private async forExternalToken(bearer: string): Promise<string> {
    const oidc = this.oidc!;
    return this.cached(`oidc:${sha256(bearer)}`, async () => {
      let claims: Record<string, unknown>;
      try {
        ({ payload: claims } = await jwtVerify(bearer, this.externalKeys!, {
          issuer: oidc.issuer,
          audience: oidc.audience,
          algorithms: EXTERNAL_ALGORITHMS,
        }));
      } catch (error) {
        const expired = error instanceof errors.JWTExpired;
        throw new UnauthenticatedError(
          expired ? 'the identity token has expired' : 'the identity token is not valid',
          'auth.invalid-token',
        );
      }
      const principal = principalFromOidcClaims(claims, oidc.claims);
      // Never outlive the external token.
      const left = Number(claims['exp'] ?? 0) - Math.floor(Date.now() / 1000);
      return { principal, ttl: Math.max(1, Math.min(this.issuer.defaultTtlSeconds, left)) };
    });
  }

  private async cached(
    key: string,
    mint: () => Promise<{ principal: Principal; ttl: number }>,
  ): Promise<string> {
    const hit = this.minted.get(key);
    if (hit && hit.reuseUntil > Date.now()) return hit.token;
    const { principal, ttl } = await mint();
    const issued = await this.issuer.issue(principal, ttl);
    if (this.minted.size >= MAX_CACHED) this.minted.delete(this.minted.keys().next().value!);
    this.minted.set(key, {
      token: issued.token,
      jti: issued.jti,
      clientId: principal.kind === 'client' ? principal.id : null,
      // Reused only while it still has at least a minute to live.
      reuseUntil: Date.now() + Math.min(REUSE_MS, (ttl - 60) * 1000),
    });
    return issued.token;
  }
}
