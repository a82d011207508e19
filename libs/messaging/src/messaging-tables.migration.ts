import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox (facts waiting to be published) and the inbox (messages already handled, per consumer group).
 * Every service lists this migration first. A trigger wakes the relay as soon as an outbox row commits.
 */
export class MessagingTables1763900000000 implements MigrationInterface {
  name = 'MessagingTables1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        seq           bigserial PRIMARY KEY,
        id            uuid NOT NULL UNIQUE,
        topic         text NOT NULL,
        message_key   text NOT NULL,
        type          text NOT NULL,
        version       int  NOT NULL,
        envelope      jsonb NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        published_at  timestamptz,
        attempts      int NOT NULL DEFAULT 0,
        last_error    text
      )`);
    await q.query(`CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL`);
    await q.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('outbox', ''); RETURN NULL; END $$`);
    await q.query(`
      CREATE TRIGGER outbox_inserted AFTER INSERT ON outbox
      FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);
    await q.query(`
      CREATE TABLE inbox (
        consumer_group text NOT NULL,
        message_id     uuid NOT NULL,
        type           text NOT NULL,
        handled_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, message_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inbox`);
    await q.query(`DROP TRIGGER outbox_inserted ON outbox`);
    await q.query(`DROP FUNCTION outbox_notify`);
    await q.query(`DROP TABLE outbox`);
  }
}
