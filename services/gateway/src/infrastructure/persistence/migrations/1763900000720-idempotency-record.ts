import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency-Key records, in the database so that a Redis flush or restart never turns a client's retry into
 * a second effect. A row is either in flight (its marker set, expiring soon so a crashed gateway frees the
 * key) or completed (the stored answer, kept 24 hours). Expired rows are taken over by a new claim and swept.
 */
export class IdempotencyRecord1763900000720 implements MigrationInterface {
  name = 'IdempotencyRecord1763900000720';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_record (
        key          text PRIMARY KEY CHECK (length(key) <= 500),
        fingerprint  text NOT NULL,
        marker       uuid,
        status       int CHECK (status BETWEEN 100 AND 599),
        content_type text,
        location     text,
        body         bytea,
        expires_at   timestamptz NOT NULL,
        CHECK ((marker IS NULL) = (status IS NOT NULL AND body IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX idempotency_record_expiry ON idempotency_record (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_record`);
  }
}
