import { Inject, Injectable, Logger } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { DataSource } from 'typeorm';
import { redisKey, REDIS, type Redis } from '@kc/cache';
import type { Principal, TokenResponse } from '@kc/contracts';
import { DomainError, NotFoundError, UnauthenticatedError } from '@kc/errors';
import { actorOf } from '@kc/observability';
import { principalFromOidcClaims } from '../../domain/identity/oidc-claims';
import {
  codeExchange,
  PENDING_SECONDS,
  refreshExchange,
  sha256,
  startSignIn,
  type BrowserOidcClient,
  type PendingSignIn,
} from '../../domain/identity/oidc-sign-in';
import { SCOPES_OF_ROLE } from '../../domain/identity/scopes';
import { RefreshTokens, type ExternalSession } from '../../infrastructure/identity/refresh-tokens.store';
import { TokenIssuer } from '../../infrastructure/identity/token-issuer';
import { AuditTrail } from '../audit/audit-trail';
import { EXTERNAL_ALGORITHMS, OIDC_SETTINGS, type OidcSettings } from './edge-credentials';

const pendingKey = (state: string) => redisKey('gateway', 'oidc-pending', sha256(state));
const ISSUER_TIMEOUT_MS = 10_000;

/** The issuer's answer at its token endpoint (the fields the sign-in reads). */
interface IssuerTokens {
  id_token?: string;
  refresh_token?: string;
}

/** A sign-in that did not complete, by a code the sign-in page explains. */
export class SignInFailed extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/**
 * Browser sign-in through the external OIDC issuer (docs/design/web-app.md): starts the authorization code flow,
 * finishes it into the platform's own session, and renews that session only while the issuer renews its own.
 */
@Injectable()
export class OidcSignIn {
  private readonly log = new Logger('OidcSignIn');
  private readonly keys: JWTVerifyGetKey | null;

  constructor(
    @Inject(OIDC_SETTINGS) private readonly oidc: OidcSettings | null,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly issuer: TokenIssuer,
    private readonly refreshTokens: RefreshTokens,
    private readonly audit: AuditTrail,
    private readonly dataSource: DataSource,
  ) {
    this.keys = oidc?.browser
      ? createRemoteJWKSet(new URL(oidc.jwksUrl), { cooldownDuration: 30_000 })
      : null;
  }

  /** The sign-in button's label, or null when this deployment has no browser sign-in through an issuer. */
  get displayName(): string | null {
    return this.oidc?.browser?.displayName ?? null;
  }

  async start(returnTo: string): Promise<{ location: string; binding: string }> {
    const started = startSignIn(this.client(), returnTo);
    await this.redis.set(pendingKey(started.state), JSON.stringify(started.pending), {
      expiration: { type: 'EX', value: PENDING_SECONDS },
    });
    return { location: started.location, binding: started.binding };
  }

  /**
   * The issuer sent the browser back. A state is used once, by the browser that started it; the code is
   * exchanged with its verifier, and the ID token must carry the sign-in's nonce.
   */
  async finish(
    answer: { code?: string; state: string; error?: string },
    binding: string | undefined,
  ): Promise<{ tokens: TokenResponse | Omit<TokenResponse, 'refreshToken'>; returnTo: string }> {
    const client = this.client();
    const stored = await this.redis.getDel(pendingKey(answer.state));
    if (stored === null) throw new SignInFailed('auth.oidc-expired');
    const pending = JSON.parse(stored) as PendingSignIn;
    if (!binding || sha256(binding) !== pending.binding) throw new SignInFailed('auth.oidc-other-browser');
    if (answer.error || !answer.code) throw new SignInFailed('auth.oidc-denied');

    const tokens = await this.exchange(codeExchange(client, answer.code, pending.codeVerifier));
    const { principal, nonce } = await this.principalOf(tokens);
    if (nonce !== pending.nonce) throw new SignInFailed('auth.oidc-invalid-token');

    const refreshToken = tokens.refresh_token
      ? await this.refreshTokens.issue(principal.id, { principal, issuerRefreshToken: tokens.refresh_token })
      : null;
    const access = await this.issuer.issue(principal);
    await this.audit.record(
      this.dataSource.manager,
      {
        action: 'user.login',
        resourceType: 'user',
        resourceId: principal.id,
        provinceCode: principal.provinceCode ?? null,
        summary: `Đăng nhập qua ${client.displayName}: ${principal.name}`,
      },
      actorOf(principal),
    );
    const session = { accessToken: access.token, tokenType: 'Bearer' as const, expiresIn: access.expiresIn };
    return { tokens: refreshToken ? { ...session, refreshToken } : session, returnTo: pending.returnTo };
  }

  /** Renews an external session at the issuer, which may refuse (the person left, the session ended there). */
  async renew(external: ExternalSession): Promise<ExternalSession> {
    const client = this.client();
    let tokens: IssuerTokens;
    try {
      tokens = await this.exchange(refreshExchange(client, external.issuerRefreshToken));
    } catch (error) {
      if (!(error instanceof SignInFailed)) throw error;
      throw new UnauthenticatedError(
        {
          vi: 'Bên cấp định danh không gia hạn phiên này',
          en: 'the identity issuer did not renew this session',
        },
        'auth.invalid-refresh-token',
      );
    }
    // A renewed ID token restates who the person is now (role, unit); without one, the session keeps its own.
    const principal = tokens.id_token ? (await this.principalOf(tokens)).principal : external.principal;
    return { principal, issuerRefreshToken: tokens.refresh_token ?? external.issuerRefreshToken };
  }

  async tokensFor(principal: Principal, refreshToken: string): Promise<TokenResponse> {
    const access = await this.issuer.issue(principal);
    return { accessToken: access.token, tokenType: 'Bearer', expiresIn: access.expiresIn, refreshToken };
  }

  private client(): BrowserOidcClient {
    const client = this.oidc?.browser;
    if (!client) {
      throw new NotFoundError(
        {
          vi: 'Nền tảng này chưa cấu hình đăng nhập qua bên cấp định danh',
          en: 'sign-in through an identity issuer is not configured here',
        },
        'auth.oidc-not-configured',
      );
    }
    return client;
  }

  private async exchange(request: ReturnType<typeof codeExchange>): Promise<IssuerTokens> {
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.timeout(ISSUER_TIMEOUT_MS),
      });
    } catch (error) {
      this.log.warn({ msg: 'the identity issuer did not answer', error: String(error) });
      throw new SignInFailed('auth.oidc-unreachable');
    }
    const body = (await response.json().catch(() => null)) as IssuerTokens | null;
    if (!response.ok || !body) {
      this.log.warn({ msg: 'the identity issuer refused the exchange', status: response.status });
      throw new SignInFailed('auth.oidc-exchange-refused');
    }
    return body;
  }

  /** The person an ID token names (as a person: the scopes of their role), and the token's nonce. */
  private async principalOf(tokens: IssuerTokens): Promise<{ principal: Principal; nonce: unknown }> {
    const oidc = this.oidc!;
    if (!tokens.id_token) throw new SignInFailed('auth.oidc-invalid-token');
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(tokens.id_token, this.keys!, {
        issuer: oidc.issuer,
        audience: oidc.browser!.clientId,
        algorithms: EXTERNAL_ALGORITHMS,
      }));
    } catch {
      throw new SignInFailed('auth.oidc-invalid-token');
    }
    if (claims['azp'] !== undefined && claims['azp'] !== oidc.browser!.clientId) {
      throw new SignInFailed('auth.oidc-invalid-token');
    }
    try {
      const principal = principalFromOidcClaims(claims, oidc.claims);
      return {
        principal: { ...principal, scopes: [...SCOPES_OF_ROLE[principal.role]] },
        nonce: claims['nonce'],
      };
    } catch (error) {
      if (error instanceof DomainError) throw new SignInFailed(error.code);
      throw error;
    }
  }
}
