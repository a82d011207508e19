import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Award priority read from the awards service's certificates, no longer from what a registrant typed: the copy
 * `award_certificate_ref`, fed by awards.certificate.issued / .withdrawn. A product keeps only the number it
 * named (`awardCertificateNumber`); requests still waiting lose the priority their typed certificate gave, and
 * get it back as the copy fills from the topic (read from its start), if the facility really holds one.
 */
export class AwardCertificateRef1763900000370 implements MigrationInterface {
  name = 'AwardCertificateRef1763900000370';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE award_certificate_ref (
        number          text PRIMARY KEY CHECK (length(number) BETWEEN 1 AND 40),
        holder_tax_code text NOT NULL CHECK (holder_tax_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
        level           text NOT NULL CHECK (level IN ('commune', 'provincial', 'regional', 'national')),
        round_year      int NOT NULL CHECK (round_year BETWEEN 2000 AND 2100),
        product_name    text NOT NULL CHECK (length(product_name) BETWEEN 1 AND 300),
        issued_on       date NOT NULL,
        valid_until     date NOT NULL CHECK (valid_until >= issued_on),
        withdrawn_on    date
      )`);
    await q.query(`CREATE INDEX award_certificate_ref_holder ON award_certificate_ref (holder_tax_code)`);
    // A certificate event judges again the holder's requests still waiting, at every fair.
    await q.query(`
      CREATE INDEX fair_registration_waiting_by_facility ON fair_registration (facility_tax_code)
       WHERE state IN ('requested', 'waitlisted')`);
    await q.query(`
      UPDATE fair_registration r SET products = (
        SELECT jsonb_agg(
                 CASE WHEN p ? 'awardCertificate'
                      THEN (p - 'awardCertificate')
                           || jsonb_build_object('awardCertificateNumber', p -> 'awardCertificate' ->> 'number')
                      ELSE p END
                 ORDER BY i)
          FROM jsonb_array_elements(r.products) WITH ORDINALITY AS product (p, i))
       WHERE jsonb_path_exists(r.products, '$[*].awardCertificate')`);
    await q.query(`
      UPDATE fair_registration SET award_certified = false
       WHERE award_certified AND state IN ('requested', 'waitlisted')`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The typed certificates' years and levels are gone; a named number stays as it is.
    await q.query(`DROP INDEX fair_registration_waiting_by_facility`);
    await q.query(`DROP TABLE award_certificate_ref`);
  }
}
