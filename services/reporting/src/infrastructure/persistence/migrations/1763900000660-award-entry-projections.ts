import type { MigrationInterface, QueryRunner } from 'typeorm';

const LEVEL = `level text NOT NULL CHECK (level IN ('commune', 'provincial', 'regional', 'national'))`;
const PROVINCE_CODE = `province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$')`;
const PRODUCT_GROUP = `product_group text NOT NULL CHECK (length(product_group) BETWEEN 1 AND 60)`;

/**
 * Award entries (awards.entry.events), the published results' entries and passes per entrant code and group
 * (awards.round.events) and conferred artisan titles (awards.artisan.events), for the conference figures.
 */
export class AwardEntryProjections1763900000660 implements MigrationInterface {
  name = 'AwardEntryProjections1763900000660';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE award_entry_projection (
        entry_id     uuid PRIMARY KEY,
        round_id     uuid NOT NULL,
        ${LEVEL},
        round_year   int  NOT NULL CHECK (round_year BETWEEN 2000 AND 2100),
        ${PRODUCT_GROUP},
        ${PROVINCE_CODE},
        submitted_on date NOT NULL
      )`);
    await q.query(`CREATE INDEX award_entry_projection_year ON award_entry_projection (round_year)`);
    // A result's rows read their code on the day of entry of the round's entries under that code.
    await q.query(
      `CREATE INDEX award_entry_projection_round ON award_entry_projection (round_id, province_code, submitted_on)`,
    );
    await q.query(`
      CREATE TABLE award_result_projection (
        round_id       uuid NOT NULL,
        ${PROVINCE_CODE},
        ${PRODUCT_GROUP},
        ${LEVEL},
        year           int  NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        announced_on   date NOT NULL,
        province_as_of date NOT NULL CHECK (province_as_of <= announced_on),
        entries        int  NOT NULL CHECK (entries > 0),
        passed         int  NOT NULL CHECK (passed BETWEEN 0 AND entries),
        PRIMARY KEY (round_id, province_code, product_group)
      )`);
    await q.query(`CREATE INDEX award_result_projection_year ON award_result_projection (year)`);
    await q.query(`
      CREATE TABLE artisan_title_projection (
        nomination_id  uuid PRIMARY KEY,
        title          text NOT NULL CHECK (title IN ('meritorious', 'people')),
        ${PROVINCE_CODE},
        province_as_of date NOT NULL CHECK (province_as_of <= conferred_on),
        year           int  NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        conferred_on   date NOT NULL CHECK (extract(year FROM conferred_on) = year)
      )`);
    await q.query(`CREATE INDEX artisan_title_projection_year ON artisan_title_projection (year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE artisan_title_projection`);
    await q.query(`DROP TABLE award_result_projection`);
    await q.query(`DROP TABLE award_entry_projection`);
  }
}
