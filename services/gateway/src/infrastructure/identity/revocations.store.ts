import { randomUUID } from 'node:crypto';
import { REVOCATIONS_COMPLETE_KEY, revokedClientKey } from '@kc/auth';
import { redisKey, type Redis } from '@kc/cache';
import { revokedTokenKey } from '@kc/contracts';
import type { DataSource } from 'typeorm';

/** Markers outlive their token by this much, so a service whose clock lags still finds them. */
const CLOCK_SKEW_SECONDS = 60;
/** How long one restore may take before its guard lapses (it is then tried again). */
const RESTORE_GUARD_MS = 60_000;

/**
 * Writes every marker and then the sentinel in one atomic step, but only while the restore's guard key is
 * still there: a flush after the guard was set removes it, and then whatever was revoked between the
 * database read and now may have lost its marker too, so nothing is declared complete.
 * KEYS: guard, sentinel, markers…; ARGV: sentinel value, then each marker's TTL in seconds (0: none).
 */
const RESTORE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
for i = 3, #KEYS do
  local ttl = tonumber(ARGV[i - 1])
  if ttl > 0 then redis.call('SET', KEYS[i], '1', 'EX', ttl) else redis.call('SET', KEYS[i], '1') end
end
redis.call('SET', KEYS[2], ARGV[1])
redis.call('DEL', KEYS[1])
return 1`;

/**
 * Revoked access tokens (logout) and API clients: durable in the gateway's database, published as Redis
 * markers that every service checks (@kc/auth redisRevocationList). The database is written first; the markers
 * can always be rebuilt from it, and the sentinel REVOCATIONS_COMPLETE_KEY says they have been.
 */
export class Revocations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: Redis,
  ) {}

  /** Revokes one access token until `expiresAt` (seconds since the epoch), when it expires anyway. */
  async revokeToken(jti: string, expiresAt: number): Promise<void> {
    const ttl = expiresAt - Math.floor(Date.now() / 1000) + CLOCK_SKEW_SECONDS;
    await this.dataSource.query(
      `INSERT INTO revoked_token (jti, expires_at) VALUES ($1, to_timestamp($2)) ON CONFLICT (jti) DO NOTHING`,
      [jti, expiresAt],
    );
    await this.redis.set(revokedTokenKey(jti), '1', { expiration: { type: 'EX', value: Math.max(1, ttl) } });
  }

  /** Publishes the revocation of an API client already recorded in api_client.revoked_at. */
  async publishClientRevoked(clientId: string): Promise<void> {
    await this.redis.set(revokedClientKey(clientId), '1');
  }

  /** True while Redis holds the sentinel, i.e. every marker. */
  async complete(): Promise<boolean> {
    return (await this.redis.exists(REVOCATIONS_COMPLETE_KEY)) === 1;
  }

  /**
   * Rewrites every marker from the database and sets the sentinel, atomically. Returns how many markers were
   * written, or null when a flush came in between (the caller tries again).
   */
  async restore(): Promise<number | null> {
    const guard = redisKey('gateway', 'revocations-restore', randomUUID());
    await this.redis.set(guard, '1', { expiration: { type: 'PX', value: RESTORE_GUARD_MS } });
    const [tokens, clients]: [{ jti: string; ttl: number }[], { id: string }[]] = await Promise.all([
      this.dataSource.query(
        `SELECT jti, greatest(1, ceil(extract(epoch FROM expires_at - now()))::int + $1) AS ttl
           FROM revoked_token WHERE expires_at > now() - $1::int * interval '1 second'`,
        [CLOCK_SKEW_SECONDS],
      ),
      this.dataSource.query(`SELECT id FROM api_client WHERE revoked_at IS NOT NULL`),
    ]);
    const markers = [
      ...tokens.map((t) => [revokedTokenKey(t.jti), String(t.ttl)]),
      ...clients.map((c) => [revokedClientKey(c.id), '0']),
    ];
    const done = await this.redis.eval(RESTORE, {
      keys: [guard, REVOCATIONS_COMPLETE_KEY, ...markers.map(([key]) => key)],
      arguments: [new Date().toISOString(), ...markers.map(([, ttl]) => ttl)],
    });
    return done === 1 ? markers.length : null;
  }

  /** Forgets revoked tokens past their expiry (and the clock margin), up to `limit`; returns how many. */
  async sweepExpired(limit: number): Promise<number> {
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM revoked_token
        WHERE jti IN (SELECT jti FROM revoked_token WHERE expires_at < now() - $2::int * interval '1 second'
                       ORDER BY expires_at LIMIT $1)`,
      [limit, CLOCK_SKEW_SECONDS],
    );
    return deleted;
  }
}
