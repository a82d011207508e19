import type { MigrationInterface, QueryRunner } from 'typeorm';

const fail = (message: string) =>
  `RAISE EXCEPTION ${message} USING ERRCODE = 'integrity_constraint_violation'`;

/**
 * Managing webhooks (issue 16, docs/design/periodic-reports.md, Webhooks): secret rotation with an overlap,
 * unsubscribing, pausing, and redriving a given-up delivery. The rules the service relies on are held here too:
 *
 * - at most two secrets sign (the current one, and the previous one for at most 24 h after a rotation — the
 *   domain's SECRET_OVERLAP_SECONDS); a secret changes only by a recorded rotation; unsubscribing erases both;
 * - a subscription is never deleted and an unsubscribed one never changes again (its delivery log stays);
 * - a delivery is never deleted and what it sends never changes; delivered and cancelled are final; a given-up
 *   delivery goes back to pending only by a redrive, and never for an unsubscribed subscription. With the one-2xx
 *   index of the first migration, a delivered event id is never sent again.
 */
export class WebhookManagement1764300000300 implements MigrationInterface {
  name = 'WebhookManagement1764300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_secret_rotation (
        subscription_id uuid NOT NULL REFERENCES webhook_subscription (id),
        number          int  NOT NULL CHECK (number >= 1),
        idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        request_hash    text NOT NULL,
        rotated_at      timestamptz NOT NULL,
        rotated_by      text NOT NULL,
        overlap_seconds int  NOT NULL CHECK (overlap_seconds BETWEEN 0 AND 86400),
        PRIMARY KEY (subscription_id, number),
        UNIQUE (subscription_id, idempotency_key)
      )`);
    await q.query(`
      CREATE FUNCTION webhook_secret_rotation_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${fail(`'A recorded secret rotation cannot be changed or deleted (% on webhook_secret_rotation)', TG_OP`)};
      END $$;
      CREATE TRIGGER webhook_secret_rotation_append_only BEFORE UPDATE OR DELETE ON webhook_secret_rotation
        FOR EACH ROW EXECUTE FUNCTION webhook_secret_rotation_append_only()`);

    await q.query(`ALTER TABLE webhook_subscription ALTER COLUMN secret DROP NOT NULL`);
    await q.query(`
      ALTER TABLE webhook_subscription
        ADD COLUMN rotations                  int NOT NULL DEFAULT 0 CHECK (rotations >= 0),
        ADD COLUMN secret_rotated_at          timestamptz,
        ADD COLUMN previous_secret            text,
        ADD COLUMN previous_secret_expires_at timestamptz,
        ADD COLUMN updated_at                 timestamptz,
        ADD COLUMN unsubscribed_at            timestamptz,
        ADD COLUMN unsubscribed_by            text,
        ADD CONSTRAINT webhook_subscription_rotated CHECK ((rotations = 0) = (secret_rotated_at IS NULL)),
        ADD CONSTRAINT webhook_subscription_previous_secret CHECK (
          (previous_secret IS NULL) = (previous_secret_expires_at IS NULL)
          AND (previous_secret IS NULL OR (
            length(previous_secret) >= 32 AND previous_secret <> secret
            AND previous_secret_expires_at > secret_rotated_at
            AND previous_secret_expires_at <= secret_rotated_at + interval '24 hours'))),
        ADD CONSTRAINT webhook_subscription_unsubscribed CHECK (
          (unsubscribed_at IS NULL) = (unsubscribed_by IS NULL)
          AND (unsubscribed_at IS NULL) = (secret IS NOT NULL)
          AND (unsubscribed_at IS NULL OR (NOT active AND previous_secret IS NULL))),
        ADD CONSTRAINT webhook_subscription_known_events CHECK (
          events <@ ARRAY['periodic-report.returned', 'periodic-report.approved', 'periodic-report.reminder',
                          'periodic-report.overdue']::text[])`);
    await q.query(`
      CREATE FUNCTION webhook_subscription_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          ${fail(`'webhook_subscription %: a subscription is never deleted (unsubscribing keeps its log)', OLD.id`)};
        END IF;
        IF OLD.unsubscribed_at IS NOT NULL THEN
          ${fail(`'webhook_subscription %: an unsubscribed subscription never changes', OLD.id`)};
        END IF;
        IF (NEW.id, NEW.client_id, NEW.province_code, NEW.created_at)
           IS DISTINCT FROM (OLD.id, OLD.client_id, OLD.province_code, OLD.created_at) THEN
          ${fail(`'webhook_subscription %: whose subscription it is cannot change', OLD.id`)};
        END IF;
        IF NEW.rotations NOT IN (OLD.rotations, OLD.rotations + 1) THEN
          ${fail(`'webhook_subscription %: rotations are counted one by one', OLD.id`)};
        END IF;
        IF NEW.rotations = OLD.rotations + 1 THEN
          IF NEW.secret IS NULL OR NEW.secret = OLD.secret OR NOT EXISTS (
               SELECT 1 FROM webhook_secret_rotation r
                WHERE r.subscription_id = NEW.id AND r.number = NEW.rotations AND r.rotated_at = NEW.secret_rotated_at)
          THEN
            ${fail(`'webhook_subscription %: a rotation sets a new secret and is recorded', OLD.id`)};
          END IF;
        ELSIF NEW.unsubscribed_at IS NULL
          AND (NEW.secret, NEW.previous_secret, NEW.previous_secret_expires_at, NEW.secret_rotated_at)
              IS DISTINCT FROM (OLD.secret, OLD.previous_secret, OLD.previous_secret_expires_at, OLD.secret_rotated_at)
        THEN
          ${fail(`'webhook_subscription %: its secrets change only by a rotation', OLD.id`)};
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER webhook_subscription_guard BEFORE UPDATE OR DELETE ON webhook_subscription
        FOR EACH ROW EXECUTE FUNCTION webhook_subscription_guard()`);

    // The first migration's inline CHECK on status is named by Postgres' rule <table>_<column>_check.
    await q.query(`ALTER TABLE webhook_delivery DROP CONSTRAINT webhook_delivery_status_check`);
    await q.query(`
      ALTER TABLE webhook_delivery
        ADD COLUMN cancelled_at        timestamptz,
        ADD COLUMN redrives            int NOT NULL DEFAULT 0 CHECK (redrives >= 0),
        ADD COLUMN redriven_at         timestamptz,
        ADD COLUMN redriven_by         text,
        ADD COLUMN round_first_attempt int NOT NULL DEFAULT 1,
        ADD COLUMN round_started_at    timestamptz,
        ADD CONSTRAINT webhook_delivery_status_check
          CHECK (status IN ('pending', 'delivered', 'given-up', 'cancelled')),
        ADD CONSTRAINT webhook_delivery_kind CHECK (kind IN ('periodic-report.returned', 'periodic-report.approved',
          'periodic-report.reminder', 'periodic-report.overdue', 'webhook.ping')),
        ADD CONSTRAINT webhook_delivery_cancelled CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
        ADD CONSTRAINT webhook_delivery_redriven CHECK (
          (redrives = 0) = (redriven_at IS NULL) AND (redriven_at IS NULL) = (redriven_by IS NULL))`);
    // The attempt budget of the current round (the first, or the one a redrive opened) counts from its first
    // attempt; its start is known once that attempt was made.
    await q.query(`UPDATE webhook_delivery SET round_started_at = first_attempt_at`);
    await q.query(`
      ALTER TABLE webhook_delivery ADD CONSTRAINT webhook_delivery_round CHECK (
        round_first_attempt BETWEEN 1 AND attempts + 1
        AND (round_started_at IS NULL) = (attempts < round_first_attempt))`);
    await q.query(`
      CREATE FUNCTION webhook_delivery_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE unsubscribed timestamptz;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          ${fail(`'webhook_delivery %: a delivery is never deleted (the log stays)', OLD.id`)};
        END IF;
        IF TG_OP = 'UPDATE' THEN
          IF (NEW.id, NEW.subscription_id, NEW.event_id, NEW.kind, NEW.body, NEW.created_at)
             IS DISTINCT FROM (OLD.id, OLD.subscription_id, OLD.event_id, OLD.kind, OLD.body, OLD.created_at) THEN
            ${fail(`'webhook_delivery %: what a delivery sends never changes', OLD.id`)};
          END IF;
          IF NEW.attempts < OLD.attempts OR NEW.redrives < OLD.redrives THEN
            ${fail(`'webhook_delivery %: its attempts and redrives only grow', OLD.id`)};
          END IF;
          IF OLD.status IN ('delivered', 'cancelled') THEN
            ${fail(`'webhook_delivery %: % is final', OLD.id, OLD.status`)};
          END IF;
          IF OLD.status = 'given-up' AND NOT (NEW.status = 'pending' AND NEW.redrives = OLD.redrives + 1) THEN
            ${fail(`'webhook_delivery %: a given-up delivery moves only by a redrive', OLD.id`)};
          END IF;
          IF NEW.redrives <> OLD.redrives AND OLD.status <> 'given-up' THEN
            ${fail(`'webhook_delivery %: only a given-up delivery is redriven', OLD.id`)};
          END IF;
        END IF;
        IF NEW.status = 'pending' AND (TG_OP = 'INSERT' OR OLD.status <> 'pending') THEN
          SELECT unsubscribed_at INTO unsubscribed FROM webhook_subscription WHERE id = NEW.subscription_id;
          IF unsubscribed IS NOT NULL THEN
            ${fail(`'webhook_delivery %: its subscription was unsubscribed', NEW.id`)};
          END IF;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER webhook_delivery_guard BEFORE INSERT OR UPDATE OR DELETE ON webhook_delivery
        FOR EACH ROW EXECUTE FUNCTION webhook_delivery_guard()`);
    await q.query(
      `CREATE INDEX webhook_delivery_log ON webhook_delivery (subscription_id, status, created_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX webhook_delivery_log`);
    await q.query(`DROP TRIGGER webhook_delivery_guard ON webhook_delivery`);
    await q.query(`DROP FUNCTION webhook_delivery_guard()`);
    await q.query(`
      ALTER TABLE webhook_delivery
        DROP CONSTRAINT webhook_delivery_round, DROP CONSTRAINT webhook_delivery_redriven,
        DROP CONSTRAINT webhook_delivery_cancelled, DROP CONSTRAINT webhook_delivery_kind,
        DROP CONSTRAINT webhook_delivery_status_check,
        DROP COLUMN round_started_at, DROP COLUMN round_first_attempt, DROP COLUMN redriven_by,
        DROP COLUMN redriven_at, DROP COLUMN redrives, DROP COLUMN cancelled_at`);
    // The old schema knows no cancelled delivery and no unsubscribed endpoint: the nearest it can hold is a
    // delivery given up, and a paused endpoint whose secret nobody holds.
    await q.query(`UPDATE webhook_delivery SET status = 'given-up' WHERE status = 'cancelled'`);
    await q.query(`
      ALTER TABLE webhook_delivery
        ADD CONSTRAINT webhook_delivery_status_check CHECK (status IN ('pending', 'delivered', 'given-up'))`);
    await q.query(`DROP TRIGGER webhook_subscription_guard ON webhook_subscription`);
    await q.query(`DROP FUNCTION webhook_subscription_guard()`);
    await q.query(`
      ALTER TABLE webhook_subscription
        DROP CONSTRAINT webhook_subscription_known_events, DROP CONSTRAINT webhook_subscription_unsubscribed,
        DROP CONSTRAINT webhook_subscription_previous_secret, DROP CONSTRAINT webhook_subscription_rotated,
        DROP COLUMN unsubscribed_by, DROP COLUMN unsubscribed_at, DROP COLUMN updated_at,
        DROP COLUMN previous_secret_expires_at, DROP COLUMN previous_secret, DROP COLUMN secret_rotated_at,
        DROP COLUMN rotations`);
    await q.query(`
      UPDATE webhook_subscription SET secret = md5(random()::text) || md5(random()::text), active = false
       WHERE secret IS NULL`);
    await q.query(`ALTER TABLE webhook_subscription ALTER COLUMN secret SET NOT NULL`);
    await q.query(`DROP TABLE webhook_secret_rotation`);
    await q.query(`DROP FUNCTION webhook_secret_rotation_append_only()`);
  }
}
