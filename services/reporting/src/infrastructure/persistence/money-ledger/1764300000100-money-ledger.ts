import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dated money ledger (docs/design/periodic-reports.md, "Money as at a period's end"): one row per movement of
 * a project's money, appended by the projects and plans event handlers and never changed (a correction is a
 * movement of its own). The key makes a movement given twice one row.
 *
 * Backfill: a database projected before this migration already holds some movements with their days — the plan
 * decisions (allocation_projection), a settlement (settled_on) and a stop's release (stopped_on) — and they are
 * copied here under the keys the handlers use, so a later replay of their events adds nothing. Disbursements
 * are kept there only as running totals (paid_vnd) without their days: they cannot be recreated, and such a
 * database has no disbursed movements until it is rebuilt from the events (an empty database replayed from the
 * topics, as a fresh start of the demo does). Allocations of projects not registered yet are not copied either
 * (their code is on the project).
 */
export const BACKFILL_COLUMNS =
  'movement_key, project_id, kind, fund, amount_vnd, moved_on, plan_year, province_code, province_as_of';

/** The movements the projections already date, as rows of BACKFILL_COLUMNS (exported for the test). */
export const BACKFILL = [
  `SELECT 'allocation:' || a.decision_id || ':' || a.project_id || ':' || lower(a.funding_source),
          a.project_id, 'allocation', a.funding_source, a.amount_vnd - a.previous_vnd, a.signed_on,
          a.plan_year, p.province_code, p.province_as_of
     FROM allocation_projection a JOIN project_projection p USING (project_id)
    WHERE a.amount_vnd <> a.previous_vnd`,
  `SELECT 'settlement:' || project_id, project_id, 'settlement', funding_source, settled_vnd, settled_on,
          plan_year, province_code, province_as_of
     FROM project_projection WHERE settled_vnd > 0`,
  `SELECT 'release:' || project_id, project_id, 'release', funding_source, -released_vnd, stopped_on,
          plan_year, province_code, province_as_of
     FROM project_projection WHERE released_vnd > 0 AND stopped_on IS NOT NULL`,
];

export class MoneyLedger1764300000100 implements MigrationInterface {
  name = 'MoneyLedger1764300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE money_movement (
        movement_key   text PRIMARY KEY,
        project_id     uuid NOT NULL,
        kind           text NOT NULL
          CHECK (kind IN ('allocation', 'release', 'advance', 'payment', 'refund', 'settlement')),
        fund           text NOT NULL CHECK (fund IN ('KCQG', 'KCDP')),
        amount_vnd     bigint NOT NULL CHECK (amount_vnd <> 0),
        moved_on       date NOT NULL,
        plan_year      int  NOT NULL CHECK (plan_year BETWEEN 2000 AND 2100),
        province_code  text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        province_as_of date NOT NULL,
        -- The event that brought it; null for a movement copied from the projections by this migration.
        event_id       uuid,
        recorded_at    timestamptz NOT NULL DEFAULT now(),
        CHECK (CASE kind WHEN 'allocation' THEN true
                         WHEN 'release' THEN amount_vnd < 0
                         WHEN 'refund' THEN amount_vnd < 0
                         ELSE amount_vnd > 0 END)
      )`);
    await q.query(`CREATE INDEX money_movement_year_day ON money_movement (plan_year, moved_on)`);
    await q.query(`CREATE INDEX money_movement_project ON money_movement (project_id)`);
    await q.query(`
      CREATE FUNCTION money_movement_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'A money movement cannot be changed or deleted (% on money_movement)', TG_OP
          USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await q.query(`
      CREATE TRIGGER money_movement_append_only BEFORE UPDATE OR DELETE ON money_movement
        FOR EACH ROW EXECUTE FUNCTION money_movement_append_only()`);

    for (const select of BACKFILL)
      await q.query(`INSERT INTO money_movement (${BACKFILL_COLUMNS}) ${select}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE money_movement`);
    await q.query(`DROP FUNCTION money_movement_append_only()`);
  }
}
