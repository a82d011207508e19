import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What people and clients did (`action`) versus what a service did on its own in reaction to an event
 * (`bookkeeping`: a projection or a copy of another service's facts brought up to date). Derived from
 * caused_by_event by the database, so no writer can mislabel a row and the append-only table needs no UPDATE.
 */
export class AuditRecordKind1763900000795 implements MigrationInterface {
  name = 'AuditRecordKind1763900000795';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_record ADD COLUMN kind text NOT NULL
        GENERATED ALWAYS AS (CASE WHEN caused_by_event IS NULL THEN 'action' ELSE 'bookkeeping' END) STORED`);
    await q.query(`CREATE INDEX audit_record_kind_newest ON audit_record (kind, occurred_at DESC, id DESC)`);
    // The external OIDC client a person acted through: the trail answers "what did this client's users do".
    await q.query(`ALTER TABLE audit_record ADD COLUMN actor_via text`);
    await q.query(
      `CREATE INDEX audit_record_via ON audit_record (actor_via, occurred_at DESC) WHERE actor_via IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_record DROP COLUMN actor_via`);
    await q.query(`ALTER TABLE audit_record DROP COLUMN kind`);
  }
}
