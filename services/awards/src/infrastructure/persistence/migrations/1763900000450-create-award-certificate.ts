import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAwardCertificate1763900000450 implements MigrationInterface {
  name = 'CreateAwardCertificate1763900000450';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE award_certificate (
        id                   uuid PRIMARY KEY,
        number               text NOT NULL UNIQUE,
        series               text NOT NULL,
        sequence             int  NOT NULL CHECK (sequence BETWEEN 1 AND 9999),
        round_id             uuid REFERENCES award_round (id),
        entry_id             uuid UNIQUE,
        level                text NOT NULL CHECK (level IN ('commune', 'provincial', 'regional', 'national')),
        region_code          text CHECK (region_code IN ('north', 'central', 'south')),
        province_code        text CHECK (province_code ~ '^[0-9]{2}$'),
        local_unit_code      text CHECK (local_unit_code ~ '^([0-9]{3}|[0-9]{5})$'),
        round_year           int  NOT NULL CHECK (round_year BETWEEN 2000 AND 2100),
        product_group        text NOT NULL CHECK (product_group IN ('handicraft', 'agro-food', 'machinery', 'other')),
        product_name         text NOT NULL CHECK (length(btrim(product_name)) BETWEEN 1 AND 300),
        holder_name          text NOT NULL CHECK (length(btrim(holder_name)) BETWEEN 1 AND 300),
        holder_tax_code      text NOT NULL CHECK (holder_tax_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
        holder_province_code text NOT NULL CHECK (holder_province_code ~ '^[0-9]{2}$'),
        issued_on            date NOT NULL,
        valid_until          date NOT NULL,
        withdrawn_on         date,
        withdrawal_reason    text,
        created_at           timestamptz NOT NULL DEFAULT now(),
        -- The number is its round's series and the sequence, so two numbers of one series never share a sequence.
        CHECK (number = series || '-' || lpad(sequence::text, 4, '0')),
        CHECK ((level = 'regional') = (region_code IS NOT NULL)),
        CHECK ((level IN ('provincial', 'commune')) = (province_code IS NOT NULL)),
        CHECK ((level = 'commune') = (local_unit_code IS NOT NULL)),
        -- An entry's certificate comes from its round.
        CHECK (entry_id IS NULL OR round_id IS NOT NULL),
        CHECK (extract(year FROM issued_on) >= round_year),
        -- Valid until 31 December of the third year counted from the issue year.
        CHECK (valid_until = make_date(extract(year FROM issued_on)::int + 2, 12, 31)),
        CHECK ((withdrawn_on IS NULL) = (withdrawal_reason IS NULL)),
        CHECK (withdrawal_reason IS NULL OR char_length(btrim(withdrawal_reason)) >= 10),
        CHECK (withdrawn_on IS NULL OR withdrawn_on >= issued_on),
        UNIQUE (round_id, sequence),
        UNIQUE (series, sequence)
      )`);
    await q.query(`CREATE INDEX award_certificate_list ON award_certificate (round_year DESC, number)`);
    await q.query(
      `CREATE INDEX award_certificate_holder_province ON award_certificate (holder_province_code)`,
    );
    await q.query(`CREATE INDEX award_certificate_holder_tax_code ON award_certificate (holder_tax_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE award_certificate`);
  }
}
