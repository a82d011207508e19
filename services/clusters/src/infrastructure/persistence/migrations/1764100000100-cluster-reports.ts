import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Periodic reports of clusters (Circular 14/2024/TT-BCT). The database itself keeps the guarantees: a submitted
 * version and the report's history are never changed or dropped, and an approved report changes only through a
 * recorded reopening approved by a second person.
 */
export class ClusterReports1764100000100 implements MigrationInterface {
  name = 'ClusterReports1764100000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cluster_report (
        id               uuid PRIMARY KEY,
        subject_kind     text NOT NULL CHECK (subject_kind IN ('cluster', 'province')),
        cluster_id       uuid REFERENCES industrial_cluster (id),
        cluster_code     text,
        province_code    text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        reporter         text NOT NULL CHECK (reporter IN ('developer', 'province')),
        period_kind      text NOT NULL CHECK (period_kind IN ('six-monthly', 'annual')),
        period_year      int  NOT NULL CHECK (period_year BETWEEN 2000 AND 2100),
        status           text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
        working          jsonb,
        approved_version int CHECK (approved_version >= 1),
        opened_by        text NOT NULL,
        opened_at        timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CHECK ((subject_kind = 'cluster') = (cluster_id IS NOT NULL AND cluster_code IS NOT NULL)),
        CHECK ((subject_kind = 'cluster') = (reporter = 'developer')),
        -- Figures are edited only while a draft or returned; an approved report has an approved version.
        CHECK ((status IN ('draft', 'returned')) = (working IS NOT NULL)),
        CHECK (status <> 'approved' OR approved_version IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX cluster_report_one_per_cluster_period
      ON cluster_report (cluster_id, period_kind, period_year) WHERE subject_kind = 'cluster'`);
    await q.query(`CREATE UNIQUE INDEX cluster_report_one_per_province_period
      ON cluster_report (province_code, period_kind, period_year) WHERE subject_kind = 'province'`);
    await q.query(
      `CREATE INDEX cluster_report_by_period ON cluster_report (period_year, period_kind, province_code)`,
    );

    // Lateness is judged on the calendar day in Việt Nam of the submission, derived here from the instant.
    await q.query(`
      CREATE TABLE cluster_report_version (
        report_id    uuid NOT NULL REFERENCES cluster_report (id),
        version      int  NOT NULL CHECK (version >= 1),
        figures      jsonb NOT NULL,
        submitted_by text NOT NULL CHECK (btrim(submitted_by) <> ''),
        submitted_at timestamptz NOT NULL,
        submitted_on date GENERATED ALWAYS AS ((submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) STORED,
        late         boolean NOT NULL,
        days_late    int NOT NULL CHECK (days_late >= 0),
        CHECK (late = (days_late > 0)),
        PRIMARY KEY (report_id, version)
      )`);
    await q.query(`ALTER TABLE cluster_report ADD CONSTRAINT cluster_report_approved_version_exists
      FOREIGN KEY (id, approved_version) REFERENCES cluster_report_version (report_id, version)
      DEFERRABLE INITIALLY DEFERRED`);

    await q.query(`
      CREATE TABLE cluster_report_reopen_request (
        id           uuid PRIMARY KEY,
        report_id    uuid NOT NULL REFERENCES cluster_report (id),
        reason       text NOT NULL CHECK (btrim(reason) <> ''),
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL,
        status       text NOT NULL CHECK (status IN ('pending', 'approved')),
        approved_by  text,
        approved_at  timestamptz,
        CHECK ((status = 'approved') = (approved_by IS NOT NULL AND approved_at IS NOT NULL)),
        CHECK (approved_by IS DISTINCT FROM requested_by)
      )`);
    await q.query(`CREATE UNIQUE INDEX cluster_report_one_pending_reopen
      ON cluster_report_reopen_request (report_id) WHERE status = 'pending'`);

    await q.query(`
      CREATE TABLE cluster_report_event (
        report_id         uuid NOT NULL REFERENCES cluster_report (id),
        seq               int  NOT NULL CHECK (seq >= 1),
        kind              text NOT NULL CHECK (kind IN ('submitted', 'returned', 'approved', 'reopened')),
        version           int  NOT NULL,
        on_day            date NOT NULL,
        at                timestamptz NOT NULL,
        by_whom           text NOT NULL CHECK (btrim(by_whom) <> ''),
        reason            text,
        requested_by      text,
        approved_by       text,
        reopen_request_id uuid REFERENCES cluster_report_reopen_request (id),
        PRIMARY KEY (report_id, seq),
        FOREIGN KEY (report_id, version) REFERENCES cluster_report_version (report_id, version),
        CHECK (kind NOT IN ('returned', 'reopened') OR btrim(coalesce(reason, '')) <> ''),
        CHECK ((kind = 'reopened') = (reopen_request_id IS NOT NULL)),
        CHECK (kind <> 'reopened' OR (requested_by IS NOT NULL AND approved_by IS NOT NULL
                                      AND requested_by <> approved_by))
      )`);

    await q.query(`
      CREATE FUNCTION cluster_report_history_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'submitted report versions and report history are never changed: % on % refused',
          TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['cluster_report_version', 'cluster_report_event']) {
      await q.query(`CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION cluster_report_history_frozen()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION cluster_report_history_frozen()`);
    }

    // An approved report is changed only to reopen it, and only right after its reopening was recorded (the
    // last event of its history); its subject and period never change; a report with history is never deleted.
    await q.query(`
      CREATE FUNCTION cluster_report_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        last_kind text;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.status <> 'draft' OR EXISTS (SELECT 1 FROM cluster_report_version WHERE report_id = OLD.id) THEN
            RAISE EXCEPTION 'a cluster report with submitted versions is never deleted'
              USING ERRCODE = 'insufficient_privilege';
          END IF;
          RETURN OLD;
        END IF;
        IF (NEW.subject_kind, NEW.cluster_id, NEW.province_code, NEW.reporter, NEW.period_kind, NEW.period_year)
           IS DISTINCT FROM
           (OLD.subject_kind, OLD.cluster_id, OLD.province_code, OLD.reporter, OLD.period_kind, OLD.period_year) THEN
          RAISE EXCEPTION 'a cluster report''s subject and period never change'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.status = 'approved' THEN
          SELECT kind INTO last_kind FROM cluster_report_event
           WHERE report_id = OLD.id ORDER BY seq DESC LIMIT 1;
          IF last_kind IS DISTINCT FROM 'reopened' OR NEW.status <> 'draft'
             OR NEW.approved_version IS DISTINCT FROM OLD.approved_version THEN
            RAISE EXCEPTION 'an approved cluster report changes only through a recorded reopening'
              USING ERRCODE = 'insufficient_privilege';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER cluster_report_guarded BEFORE UPDATE OR DELETE ON cluster_report
      FOR EACH ROW EXECUTE FUNCTION cluster_report_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE cluster_report_event`);
    await q.query(`DROP TABLE cluster_report_reopen_request`);
    await q.query(`ALTER TABLE cluster_report DROP CONSTRAINT cluster_report_approved_version_exists`);
    await q.query(`DROP TABLE cluster_report_version`);
    await q.query(`DROP TABLE cluster_report`);
    await q.query(`DROP FUNCTION cluster_report_guard()`);
    await q.query(`DROP FUNCTION cluster_report_history_frozen()`);
  }
}
