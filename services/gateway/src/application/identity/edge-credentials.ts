import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { CredentialExchange } from '@kc/auth';
import type { Principal } from '@kc/contracts';
import { ForbiddenError, UnauthenticatedError } from '@kc/errors';
import { apiKeyMatches, apiKeyPrefix, sha256 } from '../../domain/identity/api-key';
import { ACCESS_COOKIE, needsSessionHeader, SESSION_HEADER } from '../../domain/identity/browser-session';
import {
  externalClientOf,
  principalFromOidcClaims,
  type OidcClaimNames,
} from '../../domain/identity/oidc-claims';
import { clientPrincipal } from '../../domain/identity/principals';
import type { BrowserOidcClient } from '../../domain/identity/oidc-sign-in';
import { TokenIssuer } from '../../infrastructure/identity/token-issuer';
import { ClientDirectory } from './client-directory';

export interface OidcSettings {
  issuer: string;
  jwksUrl: string;
  audience: string;
  claims: OidcClaimNames;
  /** Browser sign-in through the issuer, when configured. */
  browser: BrowserOidcClient | null;
}
export const OIDC_SETTINGS = Symbol('OIDC_SETTINGS');

/** Internal tokens minted for API keys live two minutes and are reused for one. */
const MINTED_TTL_SECONDS = 120;
const REUSE_MS = 60_000;
const MAX_CACHED = 10_000;
/** Asymmetric algorithms only: never `none`, never a shared secret. */
export const EXTERNAL_ALGORITHMS = [
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
  /** The external issuer's client of an exchanged external token. */
  externalClientId: string | null;
  reuseUntil: number;
}

interface Minting {
  principal: Principal;
  ttl: number;
  externalClientId?: string;
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The browser session's access token (its cookie), for a request that sends no other credential. */
function sessionToken(req: Request): string | undefined {
  const token = (req.cookies as Record<string, string> | undefined)?.[ACCESS_COOKIE];
  if (!token) return undefined;
  if (needsSessionHeader(req.method) && header(req, SESSION_HEADER) !== '1') {
    throw new ForbiddenError(
      {
        vi: 'Yêu cầu ghi bằng phiên trình duyệt phải kèm tiêu đề X-KC-Session: 1',
        en: 'a write authenticated by the browser session must send the header X-KC-Session: 1',
      },
      'auth.session-header-required',
    );
  }
  return token;
}

/**
 * What the gateway accepts besides its own tokens, exchanged for an internal token that the auth guard then
 * verifies and the relay forwards: an API key (X-API-Key) of a registered client, or a bearer token of the
 * configured external OIDC issuer, or the browser session's cookie. Exchanged tokens are cached for a minute (keyed by a hash of the credential).
 */
@Injectable()
export class EdgeCredentials implements CredentialExchange {
  private readonly minted = new Map<string, Minted>();
  /** Which external client each request's token came from, for the per-client limits after the guard. */
  private readonly externalClients = new WeakMap<Request, string>();
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
          {
            vi: 'Chỉ gửi khóa API hoặc mã bearer, không gửi cả hai',
            en: 'send either an API key or a bearer token, not both',
          },
          'auth.ambiguous-credentials',
        );
      }
      token = await this.forApiKey(apiKey);
    } else if (bearer && this.isExternal(bearer)) {
      const minted = await this.forExternalToken(bearer);
      this.externalClients.set(req, minted.externalClientId!);
      token = minted.token;
    } else if (!bearer) {
      token = sessionToken(req);
    }
    // The relay forwards exactly what the guard verified.
    if (token) req.headers.authorization = `Bearer ${token}`;
    return token;
  }

  /** The external issuer's client whose token this request carried, if it carried one. */
  externalClientOf(req: Request): string | undefined {
    return this.externalClients.get(req);
  }

  /**
   * An internal token for a principal the gateway itself acts as (a hall screen reading its view), minted and
   * reused like an API key's.
   */
  async tokenFor(key: string, principal: Principal): Promise<string> {
    return (await this.cached(`own:${key}`, async () => ({ principal, ttl: MINTED_TTL_SECONDS }))).token;
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
    const minted = await this.cached(`key:${sha256(apiKey)}`, async () => {
      const prefix = apiKeyPrefix(apiKey);
      const client = prefix ? await this.directory.byApiKeyPrefix(prefix) : null;
      if (!client || client.revokedAt !== null || !apiKeyMatches(apiKey, client.apiKeyHash)) {
        throw new UnauthenticatedError(
          { vi: 'Khóa API không hợp lệ', en: 'the API key is not valid' },
          'auth.invalid-api-key',
        );
      }
      return { principal: clientPrincipal(client), ttl: MINTED_TTL_SECONDS };
    });
    return minted.token;
  }

  private async forExternalToken(bearer: string): Promise<Minted> {
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
          expired
            ? { vi: 'Mã định danh đã hết hạn', en: 'the identity token has expired' }
            : { vi: 'Mã định danh không hợp lệ', en: 'the identity token is not valid' },
          'auth.invalid-token',
        );
      }
      const externalClientId = externalClientOf(claims);
      const principal = { ...principalFromOidcClaims(claims, oidc.claims), via: externalClientId };
      // Never outlive the external token.
      const left = Number(claims['exp'] ?? 0) - Math.floor(Date.now() / 1000);
      return { principal, ttl: Math.max(1, Math.min(this.issuer.defaultTtlSeconds, left)), externalClientId };
    });
  }

  private async cached(key: string, mint: () => Promise<Minting>): Promise<Minted> {
    const hit = this.minted.get(key);
    if (hit && hit.reuseUntil > Date.now()) return hit;
    const { principal, ttl, externalClientId } = await mint();
    const issued = await this.issuer.issue(principal, ttl);
    if (this.minted.size >= MAX_CACHED) this.minted.delete(this.minted.keys().next().value!);
    const minted: Minted = {
      token: issued.token,
      jti: issued.jti,
      clientId: principal.kind === 'client' ? principal.id : null,
      externalClientId: externalClientId ?? null,
      // Reused only while it still has at least a minute to live.
      reuseUntil: Date.now() + Math.min(REUSE_MS, (ttl - 60) * 1000),
    };
    this.minted.set(key, minted);
    return minted;
  }
}
