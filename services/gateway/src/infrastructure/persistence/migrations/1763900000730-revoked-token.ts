import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access tokens revoked at logout, until they would have expired anyway: the durable copy from which the
 * gateway restores the Redis markers every service checks (revoked API clients are api_client.revoked_at).
 */
export class RevokedToken1763900000730 implements MigrationInterface {
  name = 'RevokedToken1763900000730';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE revoked_token (
        jti        text PRIMARY KEY CHECK (length(jti) <= 200),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX revoked_token_expiry ON revoked_token (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE revoked_token`);
  }
}
