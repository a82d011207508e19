import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@kc/contracts';

export interface LiveToken {
  jti: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

/**
 * Records a person's access token only while the account still is what the token says (enabled, same role,
 * unit and facility), holding a share lock on the row: an admin's change either waits for this record — and
 * then revokes the token — or comes first, and then nothing is recorded and the token is not handed out.
 * The user's expired records go at the same time.
 */
const TRACK = `
  WITH account AS (
    SELECT id FROM app_user
     WHERE id = $1 AND NOT disabled AND role = $2
       AND province_code IS NOT DISTINCT FROM $3 AND facility_tax_code IS NOT DISTINCT FROM $4
       FOR SHARE
  ), swept AS (
    DELETE FROM issued_token WHERE user_id = $1 AND expires_at < now()
  )
  INSERT INTO issued_token (jti, user_id, expires_at)
  SELECT $5, id, to_timestamp($6) FROM account
  RETURNING jti`;

/** Moves the user's live tokens into revoked_token (the durable revocation list) and returns them. */
const REVOKE_ALL = `
  WITH gone AS (
    DELETE FROM issued_token WHERE user_id = $1 RETURNING jti, expires_at
  ), live AS (
    INSERT INTO revoked_token (jti, expires_at)
    SELECT jti::text, expires_at FROM gone WHERE expires_at > now()
    ON CONFLICT (jti) DO NOTHING
  )
  SELECT jti, extract(epoch FROM expires_at)::int AS "expiresAt" FROM gone WHERE expires_at > now()`;

/**
 * The access tokens handed to each person of the built-in identity provider (table issued_token), so that
 * disabling the account or changing what its tokens carry can revoke exactly those tokens — by jti, like a
 * logout — at the gateway and at every service.
 */
export class IssuedTokens {
  constructor(private readonly dataSource: DataSource) {}

  /** False when the account changed since `principal` was read from it: the token must not be handed out. */
  async track(principal: Principal, token: LiveToken): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(TRACK, [
      principal.id,
      principal.role,
      principal.provinceCode ?? null,
      principal.facilityTaxCode ?? null,
      token.jti,
      token.expiresAt,
    ]);
    return rows.length === 1;
  }

  /** In the admin's transaction, after the row was locked and changed: the tokens to publish as revoked. */
  async revokeAll(manager: EntityManager, userId: string): Promise<LiveToken[]> {
    return manager.query(REVOKE_ALL, [userId]);
  }
}
