import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The live access tokens of each person of the built-in identity provider: what disabling an account, or
 * changing the role, unit or facility its tokens carry, revokes (moved into revoked_token). Rows past their
 * expiry are deleted whenever the person gets a new token.
 */
export class IssuedToken1763900000760 implements MigrationInterface {
  name = 'IssuedToken1763900000760';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE issued_token (
        jti        uuid PRIMARY KEY,
        user_id    uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX issued_token_user ON issued_token (user_id, expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE issued_token`);
  }
}
