import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIndustrialCluster1763900000200 implements MigrationInterface {
  name = 'CreateIndustrialCluster1763900000200';

  async up(q: QueryRunner): Promise<void> {
    // Areas are hundredths of a hectare; 5–75 ha is the widest size the law allows (the 10-ha floor has exceptions).
    await q.query(`
      CREATE TABLE industrial_cluster (
        id                     uuid PRIMARY KEY,
        code                   text NOT NULL CHECK (code ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$' AND length(code) <= 50),
        name                   text NOT NULL,
        province_code          text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        commune                text,
        status                 text NOT NULL
                               CHECK (status IN ('planned', 'established', 'detailed-plan', 'infrastructure', 'operating')),
        total_area_centi_ha    int  NOT NULL CHECK (total_area_centi_ha BETWEEN 500 AND 7500),
        leasable_area_centi_ha int  CHECK (leasable_area_centi_ha >= 0),
        leased_area_centi_ha   int  CHECK (leased_area_centi_ha >= 0),
        developer_name         text,
        created_at             timestamptz NOT NULL DEFAULT now(),
        CHECK (leasable_area_centi_ha <= total_area_centi_ha),
        CHECK (leased_area_centi_ha <= coalesce(leasable_area_centi_ha, total_area_centi_ha))
      )`);
    // The code identifies a cluster across the platform.
    await q.query(`CREATE UNIQUE INDEX industrial_cluster_code_unique ON industrial_cluster (code)`);
    await q.query(
      `CREATE INDEX industrial_cluster_by_province ON industrial_cluster (province_code, status)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE industrial_cluster`);
  }
}
