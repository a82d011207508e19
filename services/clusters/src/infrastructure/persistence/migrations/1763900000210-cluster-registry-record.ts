import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bare cluster table grows into the registry's record (size category, provincial-list decision, developer,
 * investment, infrastructure, revision), with its lifecycle steps and tenant projects in tables of their own.
 * Existing rows keep their figures: revision 1, category `standard`, no works recorded, and a developer named
 * before the registry recorded as chosen by the earlier procedure.
 */
export class ClusterRegistryRecord1763900000210 implements MigrationInterface {
  name = 'ClusterRegistryRecord1763900000210';

  async up(q: QueryRunner): Promise<void> {
    // The first table's checks were unnamed; drop them all and state the record's checks under names.
    const checks: { conname: string }[] = await q.query(
      `SELECT conname FROM pg_constraint WHERE conrelid = 'industrial_cluster'::regclass AND contype = 'c'`,
    );
    for (const { conname } of checks) {
      await q.query(`ALTER TABLE industrial_cluster DROP CONSTRAINT "${conname}"`);
    }
    await q.query(`
      ALTER TABLE industrial_cluster
        ADD COLUMN revision                  int  NOT NULL DEFAULT 1,
        ADD COLUMN former_district           text,
        ADD COLUMN size_category             text NOT NULL DEFAULT 'standard',
        ADD COLUMN provincial_list_decision  text,
        ADD COLUMN provincial_list_date      date,
        ADD COLUMN industrial_area_centi_ha  int,
        ADD COLUMN developer_kind            text,
        ADD COLUMN developer_tax_code        text,
        ADD COLUMN developer_selection       text,
        ADD COLUMN investment_registered_vnd bigint,
        ADD COLUMN investment_realised_vnd   bigint,
        ADD COLUMN roads_status              text NOT NULL DEFAULT 'none',
        ADD COLUMN power_status              text NOT NULL DEFAULT 'none',
        ADD COLUMN water_status              text NOT NULL DEFAULT 'none',
        ADD COLUMN drainage_status           text NOT NULL DEFAULT 'none',
        ADD COLUMN wastewater_plant_status   text,
        ADD COLUMN wastewater_capacity_m3_per_day int,
        ADD COLUMN updated_at                timestamptz NOT NULL DEFAULT now()`);
    // A developer named before the registry: its kind read from its name, its selection "earlier procedure".
    await q.query(`
      UPDATE industrial_cluster SET
        developer_selection = 'earlier-procedure',
        developer_kind = CASE
          WHEN developer_name ILIKE '%hợp tác xã%' THEN 'cooperative'
          WHEN developer_name ILIKE 'ban quản lý%' OR developer_name ILIKE 'trung tâm%' THEN 'state-unit'
          ELSE 'enterprise' END
      WHERE developer_name IS NOT NULL`);
    await q.query(`UPDATE industrial_cluster SET updated_at = created_at`);
    const works = `('none', 'planned', 'under-construction', 'in-use')`;
    await q.query(`
      ALTER TABLE industrial_cluster
        ADD CONSTRAINT industrial_cluster_code_format
          CHECK (code ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$' AND length(code) <= 50),
        ADD CONSTRAINT industrial_cluster_province_format CHECK (province_code ~ '^[0-9]{2}$'),
        ADD CONSTRAINT industrial_cluster_status
          CHECK (status IN ('planned', 'established', 'detailed-plan', 'infrastructure', 'operating', 'removed')),
        ADD CONSTRAINT industrial_cluster_revision CHECK (revision >= 1),
        ADD CONSTRAINT industrial_cluster_size_category
          CHECK (size_category IN ('standard', 'mountain-district', 'craft-village')),
        -- 5–75 ha holds under every rule set; the 10-ha floor of a standard cluster is judged by the rules in force
        -- on its decision (a cluster established before them may be smaller), so the service checks it.
        ADD CONSTRAINT industrial_cluster_total_area CHECK (total_area_centi_ha BETWEEN 500 AND 7500),
        ADD CONSTRAINT industrial_cluster_areas_not_negative CHECK (
          industrial_area_centi_ha >= 0 AND leasable_area_centi_ha >= 0 AND leased_area_centi_ha >= 0),
        ADD CONSTRAINT industrial_cluster_industrial_within_total
          CHECK (industrial_area_centi_ha <= total_area_centi_ha),
        ADD CONSTRAINT industrial_cluster_leasable_within_industrial
          CHECK (leasable_area_centi_ha <= coalesce(industrial_area_centi_ha, total_area_centi_ha)),
        ADD CONSTRAINT industrial_cluster_leased_within_leasable
          CHECK (leased_area_centi_ha <= coalesce(leasable_area_centi_ha, industrial_area_centi_ha, total_area_centi_ha)),
        ADD CONSTRAINT industrial_cluster_provincial_list
          CHECK ((provincial_list_decision IS NULL) = (provincial_list_date IS NULL)),
        ADD CONSTRAINT industrial_cluster_developer CHECK (
          (developer_name IS NULL) = (developer_kind IS NULL)
          AND (developer_name IS NULL) = (developer_selection IS NULL)
          AND (developer_name IS NOT NULL OR developer_tax_code IS NULL)),
        ADD CONSTRAINT industrial_cluster_developer_kind
          CHECK (developer_kind IN ('enterprise', 'cooperative', 'state-unit')),
        ADD CONSTRAINT industrial_cluster_developer_selection
          CHECK (developer_selection IN ('evaluation-council', 'state-assignment', 'earlier-procedure')),
        ADD CONSTRAINT industrial_cluster_investment
          CHECK (investment_registered_vnd >= 0 AND investment_realised_vnd >= 0),
        ADD CONSTRAINT industrial_cluster_works CHECK (
          roads_status IN ${works} AND power_status IN ${works}
          AND water_status IN ${works} AND drainage_status IN ${works}),
        ADD CONSTRAINT industrial_cluster_wastewater_plant CHECK (
          (wastewater_plant_status IS NULL) = (wastewater_capacity_m3_per_day IS NULL)
          AND wastewater_plant_status IN ('planned', 'under-construction', 'in-use')
          AND wastewater_capacity_m3_per_day > 0)`);

    await q.query(`
      CREATE TABLE cluster_lifecycle_step (
        id                 uuid PRIMARY KEY,
        cluster_id         uuid NOT NULL REFERENCES industrial_cluster (id),
        seq                int  NOT NULL CHECK (seq >= 1),
        step               text NOT NULL CHECK (step IN ('establish', 'approve-detailed-plan', 'start-infrastructure',
                                                         'start-operating', 'expand', 'adjust', 'remove')),
        from_status        text NOT NULL,
        to_status          text NOT NULL,
        decision_number    text NOT NULL CHECK (length(decision_number) > 0),
        decision_date      date NOT NULL,
        decision_authority text NOT NULL CHECK (decision_authority IN ('provincial-peoples-committee',
                             'district-peoples-committee', 'commune-peoples-committee',
                             'department-of-industry-and-trade', 'other')),
        decision_issued_by text NOT NULL CHECK (length(decision_issued_by) > 0),
        rule_set_id        text NOT NULL,
        total_area_centi_ha int NOT NULL CHECK (total_area_centi_ha BETWEEN 500 AND 7500),
        note               text,
        recorded_at        timestamptz NOT NULL DEFAULT now(),
        recorded_by        text NOT NULL,
        UNIQUE (cluster_id, seq)
      )`);

    await q.query(`
      CREATE TABLE cluster_tenant (
        id                   uuid PRIMARY KEY,
        cluster_id           uuid NOT NULL REFERENCES industrial_cluster (id),
        name                 text NOT NULL,
        firm_tax_code        text NOT NULL CHECK (firm_tax_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
        firm_name            text NOT NULL,
        leased_area_centi_ha int  NOT NULL CHECK (leased_area_centi_ha >= 0),
        registered_vnd       bigint NOT NULL CHECK (registered_vnd >= 0),
        realised_vnd         bigint NOT NULL CHECK (realised_vnd >= 0),
        workers              int  NOT NULL CHECK (workers >= 0),
        status               text NOT NULL CHECK (status IN ('registered', 'under-construction', 'operating', 'stopped')),
        created_at           timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX cluster_tenant_by_cluster ON cluster_tenant (cluster_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE cluster_tenant`);
    await q.query(`DROP TABLE cluster_lifecycle_step`);
    // Removed clusters and the record's figures have no place in the bare table: they go with their columns.
    await q.query(`DELETE FROM industrial_cluster WHERE status = 'removed'`);
    await q.query(`
      ALTER TABLE industrial_cluster
        DROP COLUMN revision, DROP COLUMN former_district, DROP COLUMN size_category,
        DROP COLUMN provincial_list_decision, DROP COLUMN provincial_list_date, DROP COLUMN industrial_area_centi_ha,
        DROP COLUMN developer_kind, DROP COLUMN developer_tax_code, DROP COLUMN developer_selection,
        DROP COLUMN investment_registered_vnd, DROP COLUMN investment_realised_vnd, DROP COLUMN roads_status,
        DROP COLUMN power_status, DROP COLUMN water_status, DROP COLUMN drainage_status,
        DROP COLUMN wastewater_plant_status, DROP COLUMN wastewater_capacity_m3_per_day, DROP COLUMN updated_at,
        DROP CONSTRAINT industrial_cluster_status,
        ADD CONSTRAINT industrial_cluster_status
          CHECK (status IN ('planned', 'established', 'detailed-plan', 'infrastructure', 'operating'))`);
  }
}
