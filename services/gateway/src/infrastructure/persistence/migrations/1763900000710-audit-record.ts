import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The platform's audit trail: one row per state change anywhere (from every service's audit events, and the
 * gateway's own changes). Append-only in the database itself: UPDATE, DELETE and TRUNCATE raise.
 */
export class AuditRecord1763900000710 implements MigrationInterface {
  name = 'AuditRecord1763900000710';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_record (
        id              uuid PRIMARY KEY,
        event_id        uuid NOT NULL UNIQUE,
        occurred_at     timestamptz NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        producer        text NOT NULL,
        actor_kind      text NOT NULL CHECK (actor_kind IN ('user', 'client', 'system')),
        actor_id        text NOT NULL,
        actor_role      text,
        actor_province  text CHECK (actor_province ~ '^[0-9]{2}$'),
        action          text NOT NULL,
        resource_type   text NOT NULL,
        resource_id     text NOT NULL,
        province_code   text CHECK (province_code ~ '^[0-9]{2}$'),
        summary         text NOT NULL CHECK (length(summary) <= 1000),
        ip              text,
        user_agent      text,
        correlation_id  text NOT NULL,
        caused_by_event text
      )`);
    await q.query(`CREATE INDEX audit_record_newest ON audit_record (occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_record_actor ON audit_record (actor_id, occurred_at DESC)`);
    await q.query(`CREATE INDEX audit_record_resource ON audit_record (resource_type, resource_id)`);
    await q.query(`CREATE INDEX audit_record_resource_id ON audit_record (resource_id)`);
    await q.query(`CREATE INDEX audit_record_province ON audit_record (province_code, occurred_at DESC)`);
    await q.query(`
      CREATE FUNCTION audit_record_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_record is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_record_no_change BEFORE UPDATE OR DELETE ON audit_record
      FOR EACH ROW EXECUTE FUNCTION audit_record_is_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
      FOR EACH STATEMENT EXECUTE FUNCTION audit_record_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_record`);
    await q.query(`DROP FUNCTION audit_record_is_append_only`);
  }
}
