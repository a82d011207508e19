import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Award certificates (awards.certificate.events) for the conference figures: issued, valid, withdrawn. */
export class AwardCertificateProjection1763900000650 implements MigrationInterface {
  name = 'AwardCertificateProjection1763900000650';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE award_certificate_projection (
        number         text PRIMARY KEY CHECK (length(number) BETWEEN 1 AND 40),
        certificate_id uuid NOT NULL UNIQUE,
        round_id       uuid,
        level          text NOT NULL CHECK (level IN ('commune', 'provincial', 'regional', 'national')),
        round_year     int  NOT NULL CHECK (round_year BETWEEN 2000 AND 2100),
        product_group  text NOT NULL CHECK (length(product_group) BETWEEN 1 AND 60),
        province_code  text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        issued_on      date NOT NULL,
        valid_until    date NOT NULL CHECK (valid_until >= issued_on),
        withdrawn_on   date CHECK (withdrawn_on >= issued_on)
      )`);
    // The conference queries select by the year of issue and by validity at a year's end.
    await q.query(
      `CREATE INDEX award_certificate_projection_issued ON award_certificate_projection (issued_on)`,
    );
    await q.query(
      `CREATE INDEX award_certificate_projection_valid ON award_certificate_projection (valid_until)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE award_certificate_projection`);
  }
}
