import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Clients of the external OIDC issuer that may call the platform: tokens of a client not registered here, or
 * revoked, are refused; each is rate-limited like an API client. Revocation is for good (a new id re-admits).
 */
export class ExternalClient1763900000770 implements MigrationInterface {
  name = 'ExternalClient1763900000770';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE external_client (
        client_id             text PRIMARY KEY CHECK (client_id ~ '^[\\x21-\\x7E]{1,100}$'),
        name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        rate_limit_per_minute int NOT NULL CHECK (rate_limit_per_minute BETWEEN 1 AND 100000),
        revoked_at            timestamptz,
        created_at            timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE external_client`);
  }
}
