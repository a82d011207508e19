import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAwardComplaint1763900000470 implements MigrationInterface {
  name = 'CreateAwardComplaint1763900000470';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE award_complaint (
        id                uuid PRIMARY KEY,
        round_id          uuid NOT NULL REFERENCES award_round (id),
        facility_tax_code text NOT NULL CHECK (facility_tax_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
        facility_name     text NOT NULL CHECK (btrim(facility_name) <> ''),
        province_code     text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        content           text NOT NULL CHECK (btrim(content) <> ''),
        announced_on      date NOT NULL,
        window_closes_on  date NOT NULL,
        received_on       date NOT NULL,
        answer_due_on     date NOT NULL,
        calendar_version  text NOT NULL,
        filed_by          text NOT NULL,
        filed_at          timestamptz NOT NULL,
        outcome           text CHECK (outcome IN ('upheld', 'rejected')),
        reason            text CHECK (char_length(btrim(reason)) >= 10),
        answered_on       date,
        answered_by       text,
        -- Received within the window (announcement day to its 15th working day), answered after receipt.
        CHECK (received_on BETWEEN announced_on AND window_closes_on),
        CHECK (answer_due_on > received_on),
        CHECK (answered_on >= received_on),
        -- An answer is whole: its outcome, reason, date and author together, or none of them.
        CHECK (num_nulls(outcome, reason, answered_on, answered_by) IN (0, 4))
      )`);
    await q.query(`CREATE INDEX award_complaint_round ON award_complaint (round_id, received_on, filed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE award_complaint`);
  }
}
