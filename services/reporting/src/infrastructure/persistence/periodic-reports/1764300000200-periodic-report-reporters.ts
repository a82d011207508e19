import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reporters besides the provincial departments (docs/design/periodic-reports.md, "Other reporting units"):
 * the certificate projection keeps the holder (tax code and name, from awards.certificate.issued) so that a year's
 * holders can be listed and a business user matched to its own report; a notice names the reporter inside the
 * unit (a project, a facility) so that a holder sees its own notices only. Certificates projected before this
 * keep NULL holders until the awards topic is replayed (the completeness panel counts them apart).
 */
export class PeriodicReportReporters1764300000200 implements MigrationInterface {
  name = 'PeriodicReportReporters1764300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE award_certificate_projection
        ADD COLUMN holder_tax_code text CHECK (length(holder_tax_code) BETWEEN 1 AND 60),
        ADD COLUMN holder_name text CHECK (length(holder_name) BETWEEN 1 AND 300),
        ADD CONSTRAINT award_certificate_projection_holder_both
          CHECK ((holder_tax_code IS NULL) = (holder_name IS NULL))`);
    await q.query(
      `CREATE INDEX award_certificate_projection_holder ON award_certificate_projection (holder_tax_code)`,
    );
    await q.query(`
      ALTER TABLE notice
        ADD COLUMN reporter_id text CHECK (length(reporter_id) BETWEEN 1 AND 60)`);
    await q.query(
      `CREATE INDEX notice_reporter ON notice (reporter_id, created_at DESC) WHERE reporter_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notice_reporter`);
    await q.query(`ALTER TABLE notice DROP COLUMN reporter_id`);
    await q.query(`DROP INDEX award_certificate_projection_holder`);
    await q.query(`
      ALTER TABLE award_certificate_projection
        DROP CONSTRAINT award_certificate_projection_holder_both,
        DROP COLUMN holder_name,
        DROP COLUMN holder_tax_code`);
  }
}
