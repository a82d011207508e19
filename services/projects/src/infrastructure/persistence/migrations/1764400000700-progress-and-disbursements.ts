import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monthly progress reports, disbursements with their advance rules (data, with the legal basis), and stored
 * sheet imports. The money caps themselves are CHECKs on `project` (baseline migration); these tables record
 * the movements, and a UNIQUE or CHECK stands behind each rule of their own.
 */
export class ProgressAndDisbursements1764400000700 implements MigrationInterface {
  name = 'ProgressAndDisbursements1764400000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE advance_rule (
        id                     text PRIMARY KEY,
        category               text NOT NULL CHECK (category IN ('cluster-infrastructure',
                                 'training-events-media', 'model-machinery', 'enterprise-founding')),
        rate_percent           int  NOT NULL CHECK (rate_percent BETWEEN 1 AND 100),
        progress_above_percent int  CHECK (progress_above_percent BETWEEN 0 AND 99),
        only_after_acceptance  boolean NOT NULL,
        legal_basis            text NOT NULL CHECK (legal_basis <> ''),
        valid_from             date NOT NULL,
        valid_to               date,
        verified               boolean NOT NULL,
        CONSTRAINT advance_rule_period CHECK (valid_to IS NULL OR valid_to >= valid_from),
        -- One rule per category in force on any date.
        CONSTRAINT advance_rule_one_in_force EXCLUDE USING gist
          (category WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
      )`);
    // The rates of domain.md §5. The clause that sets them is not checked against the circular's text, so the
    // rows say so (verified = false) and a later version can replace them with a valid_from.
    await q.query(
      `
      INSERT INTO advance_rule
        (id, category, rate_percent, progress_above_percent, only_after_acceptance, legal_basis, valid_from,
         verified)
      VALUES
        ('cluster-infrastructure-2018', 'cluster-infrastructure', 30, 50, false, $1, '2018-01-01', false),
        ('training-events-media-2018', 'training-events-media', 70, NULL, false, $1, '2018-01-01', false),
        ('model-machinery-2018', 'model-machinery', 70, 70, false, $1, '2018-01-01', false),
        ('enterprise-founding-2018', 'enterprise-founding', 100, NULL, true, $1, '2018-01-01', false)`,
      [
        'Quy trình khuyến công quốc gia: Thông tư 36/2013/TT-BCT, sửa đổi bởi Thông tư 17/2018/TT-BCT ' +
          '(mức tạm ứng theo ghi chép nghiệp vụ, chưa đối chiếu điều khoản)',
      ],
    );
    await q.query(`
      CREATE TABLE progress_report (
        id            uuid PRIMARY KEY,
        project_id    uuid NOT NULL REFERENCES project (id),
        province_code text NOT NULL,
        month         text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        percent_done  int  NOT NULL CHECK (percent_done BETWEEN 0 AND 100),
        spent_vnd     bigint NOT NULL CHECK (spent_vnd >= 0),
        narrative     text NOT NULL,
        attachments   jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(attachments) = 'array'),
        received_at   timestamptz NOT NULL,
        late          boolean NOT NULL,
        reported_by   text NOT NULL,
        CONSTRAINT progress_report_one_per_month UNIQUE (project_id, month)
      )`);
    await q.query(`
      CREATE TABLE disbursement (
        id                  uuid PRIMARY KEY,
        project_id          uuid NOT NULL REFERENCES project (id),
        province_code       text NOT NULL,
        kind                text NOT NULL CHECK (kind IN ('advance', 'payment', 'refund')),
        amount_vnd          bigint NOT NULL CHECK (amount_vnd > 0),
        on_date             date NOT NULL,
        reference           text,
        advance_rule_id     text REFERENCES advance_rule (id),
        advanced_after_vnd  bigint NOT NULL CHECK (advanced_after_vnd >= 0),
        paid_after_vnd      bigint NOT NULL CHECK (paid_after_vnd >= 0),
        recorded_by         text NOT NULL,
        recorded_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT disbursement_rule_for_advances CHECK ((kind = 'advance') = (advance_rule_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX disbursement_by_project ON disbursement (project_id, recorded_at)`);
    await q.query(`
      CREATE TABLE project_import (
        id            uuid PRIMARY KEY,
        plan_id       uuid NOT NULL REFERENCES plan_ref (id),
        sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        file_name     text NOT NULL,
        mode          text NOT NULL CHECK (mode IN ('all', 'valid-rows')),
        result        jsonb NOT NULL,
        project_ids   uuid[] NOT NULL,
        imported_by   text NOT NULL,
        imported_at   timestamptz NOT NULL DEFAULT now(),
        -- The same file for the same plan is imported once; sending it again answers with this result.
        CONSTRAINT project_import_once UNIQUE (plan_id, sha256)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['project_import', 'disbursement', 'progress_report', 'advance_rule']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
