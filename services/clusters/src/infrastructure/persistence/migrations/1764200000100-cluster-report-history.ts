import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports of past periods entered from paper or a legacy system are marked as such (who entered them and when),
 * so that no one takes one for a submission made on the platform. The mark is set when the report is written and
 * never changes afterwards (a trigger), whatever happens to the report later.
 */
export class ClusterReportHistory1764200000100 implements MigrationInterface {
  name = 'ClusterReportHistory1764200000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cluster_report
        ADD COLUMN recorded_from_history boolean NOT NULL DEFAULT false,
        ADD COLUMN recorded_by text,
        ADD COLUMN recorded_at timestamptz,
        ADD CONSTRAINT cluster_report_recorded_by_whom CHECK (
          recorded_from_history = (recorded_at IS NOT NULL AND btrim(coalesce(recorded_by, '')) <> '')
          AND (recorded_from_history OR recorded_by IS NULL))`);
    await q.query(`
      CREATE FUNCTION cluster_report_origin_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.recorded_from_history, NEW.recorded_by, NEW.recorded_at)
           IS DISTINCT FROM (OLD.recorded_from_history, OLD.recorded_by, OLD.recorded_at) THEN
          RAISE EXCEPTION 'whether a cluster report was recorded from history never changes'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER cluster_report_origin_fixed BEFORE UPDATE ON cluster_report
      FOR EACH ROW EXECUTE FUNCTION cluster_report_origin_fixed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER cluster_report_origin_fixed ON cluster_report`);
    await q.query(`DROP FUNCTION cluster_report_origin_fixed()`);
    await q.query(`ALTER TABLE cluster_report DROP CONSTRAINT cluster_report_recorded_by_whom,
      DROP COLUMN recorded_at, DROP COLUMN recorded_by, DROP COLUMN recorded_from_history`);
  }
}
