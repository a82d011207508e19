import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Petitions (kiến nghị) to the agency, and inspections of clusters with findings and follow-up actions. */
export class ClusterPetitionsInspections1764100000110 implements MigrationInterface {
  name = 'ClusterPetitionsInspections1764100000110';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cluster_petition (
        id                 uuid PRIMARY KEY,
        province_code      text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        cluster_id         uuid REFERENCES industrial_cluster (id),
        cluster_code       text,
        petitioner         text NOT NULL CHECK (petitioner IN ('province', 'developer')),
        developer_tax_code text,
        subject            text NOT NULL CHECK (btrim(subject) <> ''),
        content            text NOT NULL CHECK (btrim(content) <> ''),
        received_on        date NOT NULL,
        response_due_on    date NOT NULL CHECK (response_due_on > received_on),
        calendar_version   text NOT NULL,
        status             text NOT NULL CHECK (status IN ('received', 'in-progress', 'answered', 'closed')),
        answer             text,
        answered_by        text,
        answered_on        date,
        close_note         text,
        closed_by          text,
        closed_on          date,
        filed_by           text NOT NULL,
        filed_at           timestamptz NOT NULL,
        CHECK ((petitioner = 'developer') = (developer_tax_code IS NOT NULL)),
        CHECK (petitioner <> 'developer' OR cluster_id IS NOT NULL),
        CHECK ((answer IS NULL) = (answered_by IS NULL) AND (answer IS NULL) = (answered_on IS NULL)),
        CHECK (status <> 'answered' OR answer IS NOT NULL),
        CHECK ((status = 'closed') = (closed_by IS NOT NULL AND closed_on IS NOT NULL AND close_note IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX cluster_petition_by_province ON cluster_petition (province_code, status)`);

    await q.query(`
      CREATE TABLE cluster_inspection (
        id            uuid PRIMARY KEY,
        cluster_id    uuid NOT NULL REFERENCES industrial_cluster (id),
        cluster_code  text NOT NULL,
        province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        inspected_on  date NOT NULL,
        authority     text NOT NULL CHECK (btrim(authority) <> ''),
        summary       text,
        recorded_by   text NOT NULL,
        recorded_at   timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX cluster_inspection_by_province ON cluster_inspection (province_code, inspected_on)`,
    );
    await q.query(`
      CREATE TABLE cluster_inspection_finding (
        inspection_id uuid NOT NULL REFERENCES cluster_inspection (id),
        number        int  NOT NULL CHECK (number >= 1),
        description   text NOT NULL CHECK (btrim(description) <> ''),
        severity      text NOT NULL CHECK (severity IN ('minor', 'major', 'critical')),
        PRIMARY KEY (inspection_id, number)
      )`);
    await q.query(`
      CREATE TABLE cluster_inspection_action (
        id             uuid PRIMARY KEY,
        inspection_id  uuid NOT NULL REFERENCES cluster_inspection (id),
        position       int  NOT NULL,
        finding        int,
        description    text NOT NULL CHECK (btrim(description) <> ''),
        due_on         date NOT NULL,
        completed_on   date,
        completed_by   text,
        note           text,
        FOREIGN KEY (inspection_id, finding) REFERENCES cluster_inspection_finding (inspection_id, number),
        CHECK ((completed_on IS NULL) = (completed_by IS NULL) AND (completed_on IS NULL) = (note IS NULL)),
        UNIQUE (inspection_id, position)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE cluster_inspection_action`);
    await q.query(`DROP TABLE cluster_inspection_finding`);
    await q.query(`DROP TABLE cluster_inspection`);
    await q.query(`DROP TABLE cluster_petition`);
  }
}
