import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Past periods' reports recorded from history (paper, legacy systems) by the agency: the report says so, with
 * who recorded it and when. Like what a report is, that mark never changes once written (a trigger refuses it),
 * and a live report can never be made to look recorded, nor the reverse.
 */
export class PeriodicReportHistory1764200000200 implements MigrationInterface {
  name = 'PeriodicReportHistory1764200000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE periodic_report
        ADD COLUMN recorded_by text,
        ADD COLUMN recorded_at timestamptz,
        ADD CONSTRAINT periodic_report_recorded_both CHECK ((recorded_by IS NULL) = (recorded_at IS NULL))`);
    await q.query(`
      CREATE FUNCTION periodic_report_recorded_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.recorded_by, NEW.recorded_at) IS DISTINCT FROM (OLD.recorded_by, OLD.recorded_at) THEN
          RAISE EXCEPTION 'periodic_report %: whether and by whom it was recorded from history cannot change', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER periodic_report_recorded_guard BEFORE UPDATE ON periodic_report
        FOR EACH ROW EXECUTE FUNCTION periodic_report_recorded_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER periodic_report_recorded_guard ON periodic_report`);
    await q.query(`DROP FUNCTION periodic_report_recorded_guard()`);
    await q.query(`
      ALTER TABLE periodic_report DROP CONSTRAINT periodic_report_recorded_both,
        DROP COLUMN recorded_by, DROP COLUMN recorded_at`);
  }
}
