import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey, type KeyLike } from 'jose';
import {
  INTERNAL_AUDIENCE,
  PRINCIPAL_CLAIM,
  principalSchema,
  revokedTokenKey,
  type Principal,
} from '@kc/contracts';
import { UnauthenticatedError, UnavailableError, type Bilingual } from '@kc/errors';

export interface RevocationList {
  /**
   * True when this token (by jti) or, for an API client, every token of that client was revoked. Throws
   * UnavailableError (503) when that cannot be known: fail closed.
   */
  isRevoked(jti: string, principal: Principal): Promise<boolean>;
}

/** Redis key marking a revoked API client: every token already issued to it is refused too. */
export const revokedClientKey = (clientId: string) => `kc:auth:revoked-client:${clientId}`;

/**
 * Present only while Redis holds every revocation marker: the gateway writes it together with the markers it
 * restores from its database (atomically), so a flushed or restarted Redis — which loses it with the markers —
 * is never mistaken for "nothing revoked".
 */
export const REVOCATIONS_COMPLETE_KEY = 'kc:auth:revocations-complete';

export type KeySource = JWTVerifyGetKey | KeyLike | Uint8Array;

/** Keys from the gateway's JWKS endpoint, fetched on first use and refreshed when a new key id appears. */
export const remoteKeys = (jwksUrl: string): KeySource =>
  createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 5_000 });

/** Revocation markers in Redis, read with the completeness sentinel in one MGET (one consistent moment). */
export const redisRevocationList = (redis: {
  mGet(keys: string[]): Promise<(string | null)[]>;
}): RevocationList => ({
  isRevoked: async (jti, principal) => {
    const unavailable = (why: Bilingual) =>
      new UnavailableError(
        {
          vi: `Chưa kiểm tra được các mã đã thu hồi: ${why.vi}; vui lòng thử lại sau`,
          en: `revoked tokens cannot be checked: ${why.en}; retry shortly`,
        },
        'auth.revocations-unavailable',
      );
    let complete: string | null;
    let markers: (string | null)[];
    try {
      [complete, ...markers] = await redis.mGet([
        REVOCATIONS_COMPLETE_KEY,
        revokedTokenKey(jti),
        ...(principal.kind === 'client' ? [revokedClientKey(principal.id)] : []),
      ]);
    } catch {
      throw unavailable({ vi: 'Redis không trả lời', en: 'Redis does not answer' });
    }
    if (complete === null) {
      throw unavailable({
        vi: 'danh sách đang được khôi phục sau khi Redis khởi động lại hoặc bị xóa',
        en: 'they are being restored after a Redis restart or flush',
      });
    }
    return markers.some((marker) => marker !== null);
  },
});

type Verified = Principal & { jti: string; exp: number };

/** How long a checked signature is trusted without checking it again (a withdrawn key stops working by then). */
const SIGNATURE_TRUSTED_MS = 60_000;
const SIGNATURES_REMEMBERED = 10_000;

/**
 * Verifies an access token minted by the gateway: signature (asymmetric, from the JWKS), issuer, audience,
 * expiry, the principal claim's shape, and that it was not revoked at logout. A caller presents the same token
 * many times: its checked claims are remembered for a minute (never past its expiry), so the signature — the
 * costly part — is checked once; revocation is still asked on every call.
 */
export class TokenVerifier {
  private readonly checked = new Map<string, { claims: Verified; until: number }>();

  constructor(
    private readonly keys: KeySource,
    private readonly issuer: string,
    private readonly revocations: RevocationList,
    private readonly now: () => number = Date.now,
  ) {}

  async verify(token: string): Promise<Verified> {
    const claims = this.remembered(token) ?? (await this.checkSignature(token));
    if (await this.revocations.isRevoked(claims.jti, claims)) {
      throw new UnauthenticatedError(
        { vi: 'Mã truy cập đã bị thu hồi', en: 'the access token was revoked' },
        'auth.revoked-token',
      );
    }
    return claims;
  }

  private remembered(token: string): Verified | undefined {
    const entry = this.checked.get(token);
    if (!entry) return undefined;
    if (this.now() < entry.until) return entry.claims;
    this.checked.delete(token);
    if (this.now() >= entry.claims.exp * 1000)
      throw new UnauthenticatedError(
        { vi: 'Mã truy cập đã hết hạn', en: 'the access token has expired' },
        'auth.invalid-token',
      );
    return undefined;
  }

  private async checkSignature(token: string): Promise<Verified> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.keys as JWTVerifyGetKey, {
        issuer: this.issuer,
        audience: INTERNAL_AUDIENCE,
        algorithms: ['ES256'],
        currentDate: new Date(this.now()),
      }));
    } catch (error) {
      const reason =
        error instanceof errors.JWTExpired
          ? { vi: 'Mã truy cập đã hết hạn', en: 'the access token has expired' }
          : { vi: 'Mã truy cập không hợp lệ', en: 'the access token is not valid' };
      throw new UnauthenticatedError(reason, 'auth.invalid-token');
    }
    const principal = principalSchema.safeParse(payload[PRINCIPAL_CLAIM]);
    if (!principal.success || !payload.jti || !payload.exp) {
      throw new UnauthenticatedError(
        { vi: 'Mã truy cập không mô tả người gọi nào', en: 'the access token does not describe a caller' },
        'auth.invalid-token',
      );
    }
    const claims = { ...principal.data, jti: payload.jti, exp: payload.exp };
    // The oldest goes first when full (a Map keeps insertion order).
    if (this.checked.size >= SIGNATURES_REMEMBERED) this.checked.delete(this.checked.keys().next().value!);
    this.checked.set(token, {
      claims,
      until: Math.min(this.now() + SIGNATURE_TRUSTED_MS, payload.exp * 1000),
    });
    return claims;
  }
}
