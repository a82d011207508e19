import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Booth subsidy policies as versioned reference data, each fair's choice of one, and the province's
 * certification and the check-in of a registration. The support of a certified registration is fixed on its
 * row, so a later policy version never changes what was certified.
 */
export class CreateSubsidyCertification1763900000320 implements MigrationInterface {
  name = 'CreateSubsidyCertification1763900000320';

  async up(q: QueryRunner): Promise<void> {
    // Versions of one policy must not overlap in time: "the version in force on a date" is then one row.
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      CREATE TABLE subsidy_policy (
        code                 text NOT NULL CHECK (code ~ '^[a-z0-9-]{1,60}$'),
        version              int  NOT NULL CHECK (version >= 1),
        title                text NOT NULL,
        legal_basis          text NOT NULL,
        verified             boolean NOT NULL,
        support_bp           int  NOT NULL CHECK (support_bp BETWEEN 0 AND 10000),
        cap_vnd_per_facility bigint CHECK (cap_vnd_per_facility >= 0),
        valid_from           date NOT NULL,
        valid_to             date,
        PRIMARY KEY (code, version),
        CHECK (valid_to IS NULL OR valid_to >= valid_from),
        EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
      )`);
    // Domain notes §4: the 2014 booth-rent norms, not verified against Circular 28/2018/TT-BTC in force.
    await q.query(`
      INSERT INTO subsidy_policy
        (code, version, title, legal_basis, verified, support_bp, cap_vnd_per_facility, valid_from, valid_to)
      VALUES
        ('domestic-fair-organiser', 1,
         'Hội chợ trong nước do chương trình khuyến công tổ chức: hỗ trợ 100% tiền thuê gian hàng',
         'Thông tư 28/2018/TT-BTC; mức 100% tiền thuê gian hàng theo định mức năm 2014 (chưa xác minh)',
         false, 10000, NULL, '2014-01-01', NULL),
        ('domestic-fair-participant', 1,
         'Cơ sở CNNT tham gia hội chợ trong nước khác: hỗ trợ 80% tiền thuê gian hàng',
         'Thông tư 28/2018/TT-BTC; mức 80% tiền thuê gian hàng theo định mức năm 2014 (chưa xác minh)',
         false, 8000, NULL, '2014-01-01', NULL)`);

    await q.query(`
      ALTER TABLE trade_fair
        ADD COLUMN subsidy_policy_code    text,
        ADD COLUMN subsidy_policy_version int,
        ADD FOREIGN KEY (subsidy_policy_code, subsidy_policy_version) REFERENCES subsidy_policy (code, version),
        ADD CHECK ((subsidy_policy_code IS NULL) = (subsidy_policy_version IS NULL))`);
    // Fairs planned before this: the default policy in force on their start date.
    await q.query(`
      UPDATE trade_fair f SET subsidy_policy_code = p.code, subsidy_policy_version = p.version
        FROM subsidy_policy p
       WHERE p.code = 'domestic-fair-organiser'
         AND f.start_date BETWEEN p.valid_from AND coalesce(p.valid_to, 'infinity')`);

    await q.query(`
      ALTER TABLE fair_registration
        ADD COLUMN certified_at         timestamptz,
        ADD COLUMN certified_by         text,
        ADD COLUMN certified_rent_vnd   bigint CHECK (certified_rent_vnd >= 0),
        ADD COLUMN certified_support_vnd bigint CHECK (certified_support_vnd >= 0),
        ADD COLUMN checked_in_at        timestamptz,
        ADD CHECK (
          (certified_at IS NULL) = (certified_by IS NULL) AND
          (certified_at IS NULL) = (certified_rent_vnd IS NULL) AND
          (certified_at IS NULL) = (certified_support_vnd IS NULL)),
        ADD CHECK (certified_support_vnd <= certified_rent_vnd),
        -- Only an allocation is certified or checked in; a later cancellation keeps the record of both.
        ADD CHECK (certified_at IS NULL OR state IN ('allocated', 'cancelled')),
        ADD CHECK (checked_in_at IS NULL OR state IN ('allocated', 'cancelled'))`);
    await q.query(`
      CREATE INDEX fair_registration_certified ON fair_registration (fair_id, facility_province_code)
        WHERE certified_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX fair_registration_certified`);
    await q.query(`
      ALTER TABLE fair_registration
        DROP COLUMN certified_at, DROP COLUMN certified_by, DROP COLUMN certified_rent_vnd,
        DROP COLUMN certified_support_vnd, DROP COLUMN checked_in_at`);
    await q.query(
      `ALTER TABLE trade_fair DROP COLUMN subsidy_policy_code, DROP COLUMN subsidy_policy_version`,
    );
    await q.query(`DROP TABLE subsidy_policy`);
  }
}
