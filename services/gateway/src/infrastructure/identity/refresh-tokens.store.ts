import { redisKey, type Redis } from '@kc/cache';
import type { Principal } from '@kc/contracts';
import { randomSecret, sha256 } from '../../domain/identity/api-key';

/** A session signed in through the external issuer: who it showed, and the issuer's refresh token. */
export interface ExternalSession {
  principal: Principal;
  issuerRefreshToken: string;
}

interface Session {
  userId: string;
  /** Seconds since the epoch: the end of the login session, kept across rotations. */
  sessionEndsAt: number;
  external?: ExternalSession;
}

const tokenKey = (hash: string) => redisKey('gateway', 'refresh', hash);
const usedKey = (hash: string) => redisKey('gateway', 'refresh-used', hash);
const userKey = (userId: string) => redisKey('gateway', 'refresh-user', userId);

export type Rotation =
  | { outcome: 'rotated'; userId: string; refreshToken: string; external?: ExternalSession }
  | { outcome: 'unknown' | 'reused' };

/**
 * Opaque refresh tokens, stored only as SHA-256 hashes with the login session's remaining lifetime. Each use
 * rotates the token; presenting a used one again means it was copied, so all of that user's tokens are revoked.
 */
export class RefreshTokens {
  constructor(
    private readonly redis: Redis,
    /** How long a login session lasts, whatever its rotations. */
    readonly sessionSeconds: number,
  ) {}

  issue(userId: string, external?: ExternalSession): Promise<string> {
    const sessionEndsAt = Math.floor(Date.now() / 1000) + this.sessionSeconds;
    return this.store({ userId, sessionEndsAt, ...(external ? { external } : {}) });
  }

  /**
   * Rotates the token. An external session goes on only if the issuer renews it (`renew` refreshes at the issuer
   * and throws when the issuer refuses): the used token is spent either way.
   */
  async rotate(
    refreshToken: string,
    renew?: (external: ExternalSession) => Promise<ExternalSession>,
  ): Promise<Rotation> {
    const hash = sha256(refreshToken);
    const stored = await this.redis.getDel(tokenKey(hash));
    if (stored === null) {
      const thief = await this.redis.get(usedKey(hash));
      if (thief === null) return { outcome: 'unknown' };
      await this.revokeAll(thief);
      return { outcome: 'reused' };
    }
    const session = JSON.parse(stored) as Session;
    const left = session.sessionEndsAt - Math.floor(Date.now() / 1000);
    await this.redis
      .multi()
      .set(usedKey(hash), session.userId, { expiration: { type: 'EX', value: this.sessionSeconds } })
      .sRem(userKey(session.userId), hash)
      .exec();
    if (left <= 0) return { outcome: 'unknown' };
    if (session.external) {
      if (!renew) return { outcome: 'unknown' };
      session.external = await renew(session.external);
    }
    return {
      outcome: 'rotated',
      userId: session.userId,
      refreshToken: await this.store(session),
      ...(session.external ? { external: session.external } : {}),
    };
  }

  /** Deletes one token if it is the user's own (logout); unknown tokens are ignored. */
  async revoke(userId: string, refreshToken: string): Promise<void> {
    const hash = sha256(refreshToken);
    const stored = await this.redis.get(tokenKey(hash));
    if (stored === null || (JSON.parse(stored) as Session).userId !== userId) return;
    await this.redis.multi().del(tokenKey(hash)).sRem(userKey(userId), hash).exec();
  }

  /** Every refresh token of the user (password change, detected token theft). */
  async revokeAll(userId: string): Promise<void> {
    const hashes = await this.redis.sMembers(userKey(userId));
    await this.redis.del([...hashes.map(tokenKey), userKey(userId)]);
  }

  private async store(session: Session): Promise<string> {
    const token = randomSecret();
    const hash = sha256(token);
    const ttl = Math.max(1, session.sessionEndsAt - Math.floor(Date.now() / 1000));
    await this.redis
      .multi()
      .set(tokenKey(hash), JSON.stringify(session), { expiration: { type: 'EX', value: ttl } })
      .sAdd(userKey(session.userId), hash)
      .expire(userKey(session.userId), this.sessionSeconds)
      .exec();
    return token;
  }
}
