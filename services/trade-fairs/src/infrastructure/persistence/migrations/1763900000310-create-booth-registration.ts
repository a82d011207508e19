import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Booth inventory, quotas and registrations. Overbooking is impossible by construction: a booth row names at
 * most one registration (held or allocated), and every held or allocated booth is charged to one counter row —
 * a province's quota or the fair's common pool — whose CHECK keeps used ≤ capacity.
 */
export class CreateBoothRegistration1763900000310 implements MigrationInterface {
  name = 'CreateBoothRegistration1763900000310';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE trade_fair
        ADD COLUMN registration_opens_at  timestamptz,
        ADD COLUMN registration_closes_at timestamptz,
        ADD COLUMN hold_minutes           int NOT NULL DEFAULT 15 CHECK (hold_minutes BETWEEN 1 AND 1440),
        ADD COLUMN facility_booth_limit   int NOT NULL DEFAULT 2 CHECK (facility_booth_limit BETWEEN 1 AND 20),
        ADD COLUMN last_waitlist_position int NOT NULL DEFAULT 0 CHECK (last_waitlist_position >= 0),
        ADD CHECK ((registration_opens_at IS NULL) = (registration_closes_at IS NULL)),
        ADD CHECK (registration_opens_at < registration_closes_at)`);

    await q.query(`
      CREATE TABLE fair_registration (
        id                     uuid PRIMARY KEY,
        fair_id                uuid NOT NULL REFERENCES trade_fair (id),
        idempotency_key        text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        request_hash           text NOT NULL,
        facility_tax_code      text NOT NULL CHECK (facility_tax_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
        facility_name          text NOT NULL,
        facility_province_code text NOT NULL CHECK (facility_province_code ~ '^[0-9]{2}$'),
        facility_legal_form    text NOT NULL,
        products               jsonb NOT NULL,
        booth_count            int  NOT NULL CHECK (booth_count BETWEEN 1 AND 20),
        booth_kind             text NOT NULL CHECK (booth_kind IN ('standard', 'double', 'corner')),
        state                  text NOT NULL
          CHECK (state IN ('held', 'allocated', 'waitlisted', 'expired', 'cancelled')),
        charged_to             text CHECK (charged_to = 'pool' OR charged_to ~ '^[0-9]{2}$'),
        hold_expires_at        timestamptz,
        waitlist_position      int CHECK (waitlist_position >= 1),
        cancel_reason          text,
        created_at             timestamptz NOT NULL DEFAULT now(),
        updated_at             timestamptz NOT NULL DEFAULT now(),
        CHECK ((state IN ('held', 'allocated')) = (charged_to IS NOT NULL)),
        CHECK ((state = 'held') = (hold_expires_at IS NOT NULL)),
        CHECK (state <> 'waitlisted' OR waitlist_position IS NOT NULL),
        CHECK ((state = 'cancelled') = (cancel_reason IS NOT NULL))
      )`);
    // A direct re-send with the same key finds the first registration instead of making a second.
    await q.query(
      `CREATE UNIQUE INDEX fair_registration_idempotency ON fair_registration (fair_id, idempotency_key)`,
    );
    // One live request per facility and fair, so the per-facility booth limit holds across requests.
    await q.query(`
      CREATE UNIQUE INDEX fair_registration_one_live_per_facility ON fair_registration (fair_id, facility_tax_code)
        WHERE state IN ('held', 'allocated', 'waitlisted')`);
    await q.query(`
      CREATE UNIQUE INDEX fair_registration_waitlist ON fair_registration (fair_id, waitlist_position)
        WHERE waitlist_position IS NOT NULL`);
    await q.query(`
      CREATE INDEX fair_registration_holds ON fair_registration (fair_id, hold_expires_at) WHERE state = 'held'`);
    await q.query(
      `CREATE INDEX fair_registration_by_province ON fair_registration (fair_id, facility_province_code)`,
    );

    await q.query(`
      CREATE TABLE booth (
        id              uuid PRIMARY KEY,
        fair_id         uuid NOT NULL REFERENCES trade_fair (id),
        code            text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9.-]{0,19}$'),
        hall            text NOT NULL,
        zone            text,
        kind            text NOT NULL CHECK (kind IN ('standard', 'double', 'corner')),
        area_m2         numeric(7, 2) NOT NULL CHECK (area_m2 > 0),
        rent_vnd        bigint NOT NULL CHECK (rent_vnd >= 0),
        x               numeric(8, 2) NOT NULL CHECK (x >= 0),
        y               numeric(8, 2) NOT NULL CHECK (y >= 0),
        w               numeric(8, 2) NOT NULL CHECK (w > 0),
        h               numeric(8, 2) NOT NULL CHECK (h > 0),
        state           text NOT NULL DEFAULT 'free' CHECK (state IN ('free', 'held', 'allocated')),
        -- Checked at commit: a new registration takes its booths before its own row is written.
        registration_id uuid REFERENCES fair_registration (id) DEFERRABLE INITIALLY DEFERRED,
        CHECK ((state = 'free') = (registration_id IS NULL)),
        UNIQUE (fair_id, code)
      )`);
    await q.query(`CREATE INDEX booth_free ON booth (fair_id, kind, code) WHERE state = 'free'`);
    await q.query(
      `CREATE INDEX booth_by_registration ON booth (registration_id) WHERE registration_id IS NOT NULL`,
    );

    // Booths reserved for a province (bucket = its code) or open to all (bucket = 'pool'); the capacities of a
    // fair's buckets add up to its inventory.
    await q.query(`
      CREATE TABLE booth_bucket (
        fair_id    uuid NOT NULL REFERENCES trade_fair (id),
        bucket     text NOT NULL CHECK (bucket = 'pool' OR bucket ~ '^[0-9]{2}$'),
        capacity   int  NOT NULL CHECK (capacity >= 0),
        used       int  NOT NULL DEFAULT 0 CHECK (used >= 0),
        release_at timestamptz,
        released   boolean NOT NULL DEFAULT false,
        PRIMARY KEY (fair_id, bucket),
        CONSTRAINT booth_bucket_within_capacity CHECK (used <= capacity),
        CHECK ((bucket = 'pool') = (release_at IS NULL)),
        CHECK (NOT (bucket = 'pool' AND released))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE booth_bucket`);
    await q.query(`DROP TABLE booth`);
    await q.query(`DROP TABLE fair_registration`);
    await q.query(`
      ALTER TABLE trade_fair
        DROP COLUMN registration_opens_at, DROP COLUMN registration_closes_at, DROP COLUMN hold_minutes,
        DROP COLUMN facility_booth_limit, DROP COLUMN last_waitlist_position`);
  }
}
