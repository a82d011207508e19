import type { MigrationInterface, QueryRunner } from 'typeorm';
import { formVersionRows } from './form-version-rows';

/** A trigger function that refuses every UPDATE and DELETE of its table: the rows are a record, never rewritten. */
const appendOnly = (table: string, what: string) => `
  CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION '${what} cannot be changed or deleted (% on ${table})', TG_OP
      USING ERRCODE = 'integrity_constraint_violation';
  END $$;
  CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
    FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`;

const PERIOD = `'^(20[1-9][0-9]|2100)-(M(0[1-9]|1[0-2])|Q[1-4]|H[12]|Y)$'`;

/**
 * Periodic reports of the provinces (issue 16, docs/design/periodic-reports.md): the form catalogue as rows
 * (seeded here, never rewritten), reports with their frozen versions and their history, reopen requests, the
 * notification list, and API clients' webhooks with their delivery log. Each invariant the service relies on is
 * also a constraint or a trigger here, so no code path (or hand-written SQL) can break it.
 */
export class PeriodicReports1764200000100 implements MigrationInterface {
  name = 'PeriodicReports1764200000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_form_version (
        form_id        text NOT NULL CHECK (form_id ~ '^[a-z0-9-]{1,60}$'),
        version        int  NOT NULL CHECK (version >= 1),
        frequency      text NOT NULL CHECK (frequency IN ('month', 'quarter', 'half-year', 'year')),
        reporter       text NOT NULL
          CHECK (reporter IN ('provincial-department', 'implementing-unit', 'certificate-holder')),
        effective_from date NOT NULL,
        published_on   date NOT NULL CHECK (published_on <= effective_from),
        form           jsonb NOT NULL,
        definition     jsonb NOT NULL,
        recorded_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (form_id, version),
        UNIQUE (form_id, effective_from)
      )`);
    await q.query(appendOnly('report_form_version', 'A published form version'));

    await q.query(`
      CREATE TABLE periodic_report (
        id               uuid PRIMARY KEY,
        form_id          text NOT NULL,
        form_version     int  NOT NULL,
        period           text NOT NULL CHECK (period ~ ${PERIOD}),
        province_code    text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        reporter_id      text NOT NULL CHECK (length(reporter_id) BETWEEN 1 AND 60),
        status           text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
        awaiting         text CHECK (awaiting IN ('province', 'agency')),
        review_chain     text[] NOT NULL CHECK (cardinality(review_chain) BETWEEN 1 AND 2),
        deadline         jsonb NOT NULL,
        last_on_time_day date NOT NULL,
        platform         jsonb NOT NULL,
        working          jsonb,
        approved_version int CHECK (approved_version >= 1),
        event_count      int NOT NULL CHECK (event_count >= 1),
        opened_at        timestamptz NOT NULL,
        opened_by        text NOT NULL,
        updated_at       timestamptz NOT NULL,
        FOREIGN KEY (form_id, form_version) REFERENCES report_form_version (form_id, version),
        UNIQUE (form_id, period, province_code, reporter_id),
        CHECK ((status = 'submitted') = (awaiting IS NOT NULL)),
        CHECK ((status IN ('draft', 'returned')) = (working IS NOT NULL)),
        CHECK (status <> 'approved' OR approved_version IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX periodic_report_period ON periodic_report (form_id, period)`);
    await q.query(`CREATE INDEX periodic_report_province ON periodic_report (province_code, period)`);

    await q.query(`
      CREATE TABLE periodic_report_version (
        report_id       uuid NOT NULL REFERENCES periodic_report (id),
        number          int  NOT NULL CHECK (number >= 1),
        content         jsonb NOT NULL,
        platform        jsonb NOT NULL,
        submitted_at    timestamptz NOT NULL,
        submitted_by    text NOT NULL,
        submitted_on    date NOT NULL,
        on_time         boolean NOT NULL,
        days_late       int NOT NULL CHECK (days_late >= 0),
        idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        request_hash    text,
        PRIMARY KEY (report_id, number),
        UNIQUE (submitted_by, idempotency_key),
        CHECK (on_time = (days_late = 0)),
        CHECK ((idempotency_key IS NULL) = (request_hash IS NULL))
      )`);
    await q.query(appendOnly('periodic_report_version', 'A submitted report version'));

    await q.query(`
      CREATE TABLE periodic_report_event (
        report_id uuid NOT NULL REFERENCES periodic_report (id),
        seq       int  NOT NULL CHECK (seq >= 1),
        kind      text NOT NULL
          CHECK (kind IN ('opened', 'submitted', 'withdrawn', 'approved', 'returned', 'reopened')),
        at        timestamptz NOT NULL,
        body      jsonb NOT NULL,
        PRIMARY KEY (report_id, seq)
      )`);
    await q.query(appendOnly('periodic_report_event', 'A recorded step of a report'));

    // The workflow's transitions, held by the database: a report leaves "approved" only in the same transaction
    // that records a reopening, and leaves "submitted" for the reporter only with a return or a withdrawal; what
    // a report is (form, version, period, unit, deadline) never changes after it opened.
    await q.query(`
      CREATE FUNCTION periodic_report_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE last_kind text;
      BEGIN
        IF (NEW.form_id, NEW.form_version, NEW.period, NEW.province_code, NEW.reporter_id, NEW.deadline,
            NEW.last_on_time_day, NEW.opened_at, NEW.opened_by)
           IS DISTINCT FROM
           (OLD.form_id, OLD.form_version, OLD.period, OLD.province_code, OLD.reporter_id, OLD.deadline,
            OLD.last_on_time_day, OLD.opened_at, OLD.opened_by) THEN
          RAISE EXCEPTION 'periodic_report %: what a report is cannot change after it opened', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF NEW.event_count < OLD.event_count THEN
          RAISE EXCEPTION 'periodic_report %: its history cannot shrink', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        SELECT kind INTO last_kind FROM periodic_report_event WHERE report_id = NEW.id AND seq = NEW.event_count;
        IF OLD.status = 'approved' AND NEW.status <> 'approved' AND last_kind IS DISTINCT FROM 'reopened' THEN
          RAISE EXCEPTION 'periodic_report %: an approved report changes only through a recorded reopening', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF OLD.status = 'submitted' AND NEW.status IN ('draft', 'returned')
           AND last_kind IS DISTINCT FROM 'returned' AND last_kind IS DISTINCT FROM 'withdrawn' THEN
          RAISE EXCEPTION 'periodic_report %: a submitted report goes back only by a return or a withdrawal', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF OLD.status IN ('submitted', 'approved') AND NEW.platform IS DISTINCT FROM OLD.platform THEN
          RAISE EXCEPTION 'periodic_report %: a submitted report cannot be edited', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF NEW.approved_version IS DISTINCT FROM OLD.approved_version AND last_kind IS DISTINCT FROM 'approved' THEN
          RAISE EXCEPTION 'periodic_report %: the approved version changes only with an approval', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF NEW.status = 'submitted' AND OLD.status <> 'submitted' AND last_kind IS DISTINCT FROM 'submitted' THEN
          RAISE EXCEPTION 'periodic_report %: submitted without a recorded submission', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER periodic_report_guard BEFORE UPDATE ON periodic_report
        FOR EACH ROW EXECUTE FUNCTION periodic_report_guard()`);
    await q.query(`
      CREATE FUNCTION periodic_report_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a periodic report is never deleted' USING ERRCODE = 'integrity_constraint_violation';
      END $$;
      CREATE TRIGGER periodic_report_no_delete BEFORE DELETE ON periodic_report
        FOR EACH ROW EXECUTE FUNCTION periodic_report_no_delete()`);

    await q.query(`
      CREATE TABLE periodic_report_reopen_request (
        id           uuid PRIMARY KEY,
        report_id    uuid NOT NULL REFERENCES periodic_report (id),
        reason       text NOT NULL CHECK (length(btrim(reason)) > 0),
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL,
        approved_by  text,
        approved_at  timestamptz,
        CHECK ((approved_by IS NULL) = (approved_at IS NULL)),
        CHECK (approved_by <> requested_by)
      )`);
    await q.query(`
      CREATE UNIQUE INDEX periodic_report_one_open_reopen_request
        ON periodic_report_reopen_request (report_id) WHERE approved_by IS NULL`);

    // One notice per key (periodic-report:<form>:<period>:<unit>:<kind>:<day>, or <report>:<version>:<kind>:<seq>):
    // a second scheduler run, a second instance or a recomputed schedule inserts nothing.
    await q.query(`
      CREATE TABLE notice (
        id            uuid PRIMARY KEY,
        key           text NOT NULL UNIQUE,
        kind          text NOT NULL CHECK (kind IN ('reminder', 'due-today', 'overdue', 'returned', 'approved')),
        province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        form_id       text NOT NULL,
        period        text NOT NULL CHECK (period ~ ${PERIOD}),
        report_id     uuid REFERENCES periodic_report (id),
        message       jsonb NOT NULL,
        created_at    timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX notice_province ON notice (province_code, created_at DESC)`);
    await q.query(`
      CREATE TABLE notice_read (
        notice_id uuid NOT NULL REFERENCES notice (id),
        user_id   text NOT NULL,
        read_at   timestamptz NOT NULL,
        PRIMARY KEY (notice_id, user_id)
      )`);

    await q.query(`
      CREATE TABLE webhook_subscription (
        id            uuid PRIMARY KEY,
        client_id     text NOT NULL,
        province_code text CHECK (province_code ~ '^[0-9]{2}$'),
        url           text NOT NULL CHECK (url ~ '^https?://'),
        secret        text NOT NULL CHECK (length(secret) >= 32),
        events        text[] NOT NULL CHECK (cardinality(events) >= 1),
        active        boolean NOT NULL DEFAULT true,
        created_at    timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX webhook_subscription_client ON webhook_subscription (client_id)`);

    await q.query(`
      CREATE TABLE webhook_delivery (
        id               uuid PRIMARY KEY,
        subscription_id  uuid NOT NULL REFERENCES webhook_subscription (id),
        event_id         uuid NOT NULL,
        kind             text NOT NULL,
        body             text NOT NULL,
        status           text NOT NULL CHECK (status IN ('pending', 'delivered', 'given-up')),
        attempts         int  NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        first_attempt_at timestamptz,
        next_attempt_at  timestamptz,
        lease_until      timestamptz,
        lease_token      uuid,
        delivered_at     timestamptz,
        created_at       timestamptz NOT NULL,
        UNIQUE (subscription_id, event_id),
        CHECK ((status = 'delivered') = (delivered_at IS NOT NULL)),
        CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL))
      )`);
    await q.query(`
      CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`
      CREATE TABLE webhook_attempt (
        delivery_id uuid NOT NULL REFERENCES webhook_delivery (id),
        number      int  NOT NULL CHECK (number >= 1),
        at          timestamptz NOT NULL,
        http_status int,
        latency_ms  int NOT NULL CHECK (latency_ms >= 0),
        error       text,
        PRIMARY KEY (delivery_id, number)
      )`);
    // Delivered once per event id per subscription: at most one successful attempt is ever logged.
    await q.query(`
      CREATE UNIQUE INDEX webhook_attempt_one_success ON webhook_attempt (delivery_id)
        WHERE http_status BETWEEN 200 AND 299`);
    await q.query(appendOnly('webhook_attempt', 'A logged delivery attempt'));

    for (const row of formVersionRows()) {
      await q.query(
        `INSERT INTO report_form_version
           (form_id, version, frequency, reporter, effective_from, published_on, form, definition)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          row.formId,
          row.version,
          row.frequency,
          row.reporter,
          row.effectiveFrom,
          row.publishedOn,
          JSON.stringify(row.form),
          JSON.stringify(row.definition),
        ],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'webhook_attempt',
      'webhook_delivery',
      'webhook_subscription',
      'notice_read',
      'notice',
      'periodic_report_reopen_request',
      'periodic_report_event',
      'periodic_report_version',
      'periodic_report',
      'report_form_version',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    for (const fn of [
      'webhook_attempt_append_only',
      'periodic_report_no_delete',
      'periodic_report_guard',
      'periodic_report_event_append_only',
      'periodic_report_version_append_only',
      'report_form_version_append_only',
    ]) {
      await q.query(`DROP FUNCTION ${fn}()`);
    }
  }
}
