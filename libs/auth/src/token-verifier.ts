import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey, type KeyLike } from 'jose';
import {
  INTERNAL_AUDIENCE,
  PRINCIPAL_CLAIM,
  principalSchema,
  revokedTokenKey,
  type Principal,
} from '@kc/contracts';
import { UnauthenticatedError } from '@kc/errors';

export interface RevocationList {
  /** True when this token (by jti) or, for an API client, every token of that client was revoked. */
  isRevoked(jti: string, principal: Principal): Promise<boolean>;
}

/** Redis key marking a revoked API client: every token already issued to it is refused too. */
export const revokedClientKey = (clientId: string) => `kc:auth:revoked-client:${clientId}`;

export type KeySource = JWTVerifyGetKey | KeyLike | Uint8Array;

/** Keys from the gateway's JWKS endpoint, fetched on first use and refreshed when a new key id appears. */
export const remoteKeys = (jwksUrl: string): KeySource =>
  createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 5_000 });

export const redisRevocationList = (redis: { exists(keys: string[]): Promise<number> }): RevocationList => ({
  isRevoked: async (jti, principal) =>
    (await redis.exists(
      principal.kind === 'client'
        ? [revokedTokenKey(jti), revokedClientKey(principal.id)]
        : [revokedTokenKey(jti)],
    )) > 0,
});

/**
 * Verifies an access token minted by the gateway: signature (asymmetric, from the JWKS), issuer, audience,
 * expiry, the principal claim's shape, and that it was not revoked at logout.
 */
export class TokenVerifier {
  constructor(
    private readonly keys: KeySource,
    private readonly issuer: string,
    private readonly revocations: RevocationList,
  ) {}

  async verify(token: string): Promise<Principal & { jti: string; exp: number }> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.keys as JWTVerifyGetKey, {
        issuer: this.issuer,
        audience: INTERNAL_AUDIENCE,
        algorithms: ['ES256'],
      }));
    } catch (error) {
      const reason =
        error instanceof errors.JWTExpired ? 'the access token has expired' : 'the access token is not valid';
      throw new UnauthenticatedError(reason, 'auth.invalid-token');
    }
    const principal = principalSchema.safeParse(payload[PRINCIPAL_CLAIM]);
    if (!principal.success || !payload.jti || !payload.exp) {
      throw new UnauthenticatedError('the access token does not describe a caller', 'auth.invalid-token');
    }
    if (await this.revocations.isRevoked(payload.jti, principal.data)) {
      throw new UnauthenticatedError('the access token was revoked', 'auth.revoked-token');
    }
    return { ...principal.data, jti: payload.jti, exp: payload.exp };
  }
}
