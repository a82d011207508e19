import type { MigrationInterface, QueryRunner } from 'typeorm';

const CENTI_HA = (column: string) => `${column} int CHECK (${column} >= 0)`;
const COUNT = (column: string) => `${column} int NOT NULL DEFAULT 0 CHECK (${column} >= 0)`;
const PLANT_STATUS = `wastewater_plant_status text
  CHECK (wastewater_plant_status IN ('planned', 'under-construction', 'in-use'))`;

/**
 * The cluster registry's whole snapshots (clusters.cluster.recorded) on the cluster projection, kept at the
 * highest revision (0: known only from clusters.cluster.registered), and the approved periodic reports
 * (clusters.report.approved), one row per cluster and period at the highest approved version.
 */
export class ClusterRegistryAndReports1763900000670 implements MigrationInterface {
  name = 'ClusterRegistryAndReports1763900000670';

  async up(q: QueryRunner): Promise<void> {
    // The status check of the first migration has no name of ours: drop it whatever Postgres called it.
    await q.query(`
      DO $$
      DECLARE c record;
      BEGIN
        FOR c IN SELECT conname FROM pg_constraint
                  WHERE conrelid = 'cluster_projection'::regclass AND contype = 'c'
                    AND pg_get_constraintdef(oid) LIKE '%status%'
        LOOP
          EXECUTE format('ALTER TABLE cluster_projection DROP CONSTRAINT %I', c.conname);
        END LOOP;
      END $$`);
    await q.query(`
      ALTER TABLE cluster_projection
        ADD CONSTRAINT cluster_projection_status CHECK
          (status IN ('planned', 'established', 'detailed-plan', 'infrastructure', 'operating', 'removed')),
        ADD COLUMN revision int NOT NULL DEFAULT 0 CHECK (revision >= 0),
        ADD COLUMN commune text,
        ADD COLUMN established_on date,
        ADD COLUMN ${CENTI_HA('leasable_area_centi_ha')},
        ADD COLUMN ${CENTI_HA('leased_area_centi_ha')},
        ADD COLUMN ${PLANT_STATUS},
        ADD COLUMN ${COUNT('tenant_projects')},
        ADD COLUMN ${COUNT('tenant_firms')},
        ADD COLUMN ${COUNT('tenant_workers')},
        ADD COLUMN recorded_at timestamptz`);
    await q.query(`
      CREATE TABLE cluster_report_projection (
        cluster_id               uuid NOT NULL,
        period_kind              text NOT NULL CHECK (period_kind IN ('six-monthly', 'annual')),
        year                     int  NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        report_id                uuid NOT NULL,
        version                  int  NOT NULL CHECK (version >= 1),
        cluster_code             text NOT NULL,
        province_code            text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        province_as_of           date NOT NULL,
        approved_on              date NOT NULL,
        submitted_late           boolean NOT NULL,
        total_area_centi_ha      int  NOT NULL CHECK (total_area_centi_ha >= 0),
        leasable_area_centi_ha   int  NOT NULL CHECK (leasable_area_centi_ha >= 0),
        leased_area_centi_ha     int  NOT NULL CHECK (leased_area_centi_ha >= 0),
        ${PLANT_STATUS},
        tenant_projects          int  NOT NULL CHECK (tenant_projects >= 0),
        tenant_firms             int  NOT NULL CHECK (tenant_firms >= 0),
        tenant_workers           int  NOT NULL CHECK (tenant_workers >= 0),
        PRIMARY KEY (cluster_id, period_kind, year)
      )`);
    await q.query(`CREATE INDEX cluster_report_projection_year ON cluster_report_projection (year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE cluster_report_projection`);
    await q.query(`DELETE FROM cluster_projection WHERE status = 'removed'`);
    await q.query(`
      ALTER TABLE cluster_projection
        DROP CONSTRAINT cluster_projection_status,
        DROP COLUMN revision, DROP COLUMN commune, DROP COLUMN established_on,
        DROP COLUMN leasable_area_centi_ha, DROP COLUMN leased_area_centi_ha, DROP COLUMN wastewater_plant_status,
        DROP COLUMN tenant_projects, DROP COLUMN tenant_firms, DROP COLUMN tenant_workers, DROP COLUMN recorded_at,
        ADD CHECK (status IN ('planned', 'established', 'detailed-plan', 'infrastructure', 'operating'))`);
  }
}
