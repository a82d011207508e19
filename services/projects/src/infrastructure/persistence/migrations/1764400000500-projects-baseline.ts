import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The projects baseline (issue 4): replaces the walking skeleton's tables (no production data existed).
 * Every money and lifecycle invariant of the design has a constraint here, so no code path can break it.
 */
export class ProjectsBaseline1764400000500 implements MigrationInterface {
  name = 'ProjectsBaseline1764400000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE plan_ref (
        id            uuid PRIMARY KEY,
        name          text NOT NULL,
        year          int  NOT NULL,
        level         text NOT NULL CHECK (level IN ('national', 'provincial')),
        province_code text,
        CONSTRAINT plan_ref_level_province CHECK ((level = 'provincial') = (province_code IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE project_code_counter (
        plan_id       uuid NOT NULL REFERENCES plan_ref (id),
        province_code text NOT NULL,
        last_sequence int  NOT NULL,
        PRIMARY KEY (plan_id, province_code)
      )`);
    await q.query(`
      CREATE TABLE project (
        id                     uuid PRIMARY KEY,
        code                   text NOT NULL UNIQUE,
        plan_id                uuid NOT NULL REFERENCES plan_ref (id),
        plan_year              int  NOT NULL,
        plan_level             text NOT NULL CHECK (plan_level IN ('national', 'provincial')),
        funding_source         text NOT NULL CHECK (funding_source IN ('KCQG', 'KCDP')),
        title                  text NOT NULL,
        title_search           text NOT NULL,
        kind                   text NOT NULL CHECK (kind IN ('ordinary', 'flagship', 'group')),
        activity_contents      int[] NOT NULL CHECK (cardinality(activity_contents) BETWEEN 1 AND 9
                                 AND activity_contents <@ ARRAY[1,2,3,4,5,6,7,8,9]),
        implementing_unit      text NOT NULL,
        unit_search            text NOT NULL,
        partners               text[] NOT NULL DEFAULT '{}',
        province_code          text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        commune                text,
        start_date             date NOT NULL,
        end_date               date NOT NULL,
        kcqg_vnd               bigint NOT NULL CHECK (kcqg_vnd >= 0),
        kcdp_vnd               bigint NOT NULL CHECK (kcdp_vnd >= 0),
        counterpart_vnd        bigint NOT NULL CHECK (counterpart_vnd >= 0),
        other_vnd              bigint NOT NULL CHECK (other_vnd >= 0),
        requested_support_vnd  bigint NOT NULL CHECK (requested_support_vnd > 0),
        norm_code              text,
        norm_units             int CHECK (norm_units > 0),
        procurement_mode       text NOT NULL CHECK (procurement_mode IN ('bidding', 'selection')),
        advance_category       text NOT NULL CHECK (advance_category IN
                                 ('cluster-infrastructure', 'training-events-media', 'model-machinery',
                                  'enterprise-founding')),
        status                 text NOT NULL CHECK (status IN
                                 ('draft', 'registered', 'base-appraised', 'submitted', 'ministry-appraised',
                                  'in-plan', 'contracted', 'in-progress', 'accepted', 'liquidated', 'settled',
                                  'rejected', 'extended', 'stopped')),
        appraised_support_vnd  bigint CHECK (appraised_support_vnd >= 0),
        allocated_support_vnd  bigint NOT NULL DEFAULT 0 CHECK (allocated_support_vnd >= 0),
        contract_mode          text CHECK (contract_mode IN ('contract', 'task-assignment')),
        contract_number        text,
        contract_signed_on     date,
        contract_parties       text[],
        contract_value_vnd     bigint CHECK (contract_value_vnd > 0),
        advanced_vnd           bigint NOT NULL DEFAULT 0 CHECK (advanced_vnd >= 0),
        paid_vnd               bigint NOT NULL DEFAULT 0 CHECK (paid_vnd >= 0),
        last_progress_month    text CHECK (last_progress_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        last_progress_percent  int CHECK (last_progress_percent BETWEEN 0 AND 100),
        accepted_on            date,
        acceptance_result      text,
        liquidated_on          date,
        final_value_vnd        bigint CHECK (final_value_vnd >= 0),
        settled_vnd            bigint CHECK (settled_vnd >= 0),
        settled_on             date,
        settlement_late        boolean,
        stopped_on             date,
        version                int NOT NULL DEFAULT 1,
        created_at             timestamptz NOT NULL DEFAULT now(),
        updated_at             timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT project_schedule CHECK (end_date >= start_date),
        CONSTRAINT project_flagship CHECK (kind <> 'flagship'
          OR (cardinality(activity_contents) >= 2 AND end_date > start_date + interval '1 year')),
        CONSTRAINT project_requested_from_plan_source CHECK (requested_support_vnd =
          CASE funding_source WHEN 'KCQG' THEN kcqg_vnd ELSE kcdp_vnd END),
        CONSTRAINT project_funding_source_of_plan CHECK ((plan_level = 'national') = (funding_source = 'KCQG')),
        CONSTRAINT project_appraised_within_requested CHECK (appraised_support_vnd <= requested_support_vnd),
        CONSTRAINT project_contract_within_allocated CHECK (contract_value_vnd <= allocated_support_vnd),
        CONSTRAINT project_contract_complete CHECK ((contract_value_vnd IS NULL) = (contract_number IS NULL)
          AND (contract_value_vnd IS NULL) = (contract_signed_on IS NULL)
          AND (contract_value_vnd IS NULL) = (contract_mode IS NULL)),
        CONSTRAINT project_paid_within_contract CHECK (paid_vnd <= coalesce(contract_value_vnd, 0)),
        CONSTRAINT project_advanced_within_paid CHECK (advanced_vnd <= paid_vnd),
        -- Before acceptance at most 70 % of the contract may be disbursed (advances).
        CONSTRAINT project_advance_cap_before_acceptance CHECK (accepted_on IS NOT NULL
          OR paid_vnd * 10 <= coalesce(contract_value_vnd, 0) * 7),
        CONSTRAINT project_final_within_contract CHECK (final_value_vnd <= contract_value_vnd),
        CONSTRAINT project_settled_within_paid CHECK (settled_vnd <= paid_vnd),
        CONSTRAINT project_settlement_complete CHECK ((settled_vnd IS NULL) = (settled_on IS NULL)),
        -- Statuses that need their record to exist.
        CONSTRAINT project_contracted_has_contract CHECK (status IN
          ('draft', 'registered', 'base-appraised', 'submitted', 'ministry-appraised', 'in-plan', 'rejected',
           'stopped') OR contract_value_vnd IS NOT NULL),
        CONSTRAINT project_settled_has_settlement CHECK (status <> 'settled' OR settled_on IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX project_by_plan ON project (plan_id, province_code)`);
    await q.query(`CREATE INDEX project_by_year ON project (plan_year, province_code, status)`);
    await q.query(`CREATE INDEX project_by_content ON project USING gin (activity_contents)`);
    // One trigram index over the folded code, title and implementing unit serves the diacritic-blind `q`.
    await q.query(`CREATE INDEX project_search_trgm ON project
      USING gin ((lower(code) || ' ' || title_search || ' ' || unit_search) gin_trgm_ops)`);
    await q.query(`
      CREATE TABLE project_beneficiary (
        project_id uuid NOT NULL REFERENCES project (id),
        tax_code   text NOT NULL CHECK (tax_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
        name       text NOT NULL,
        legal_form text NOT NULL,
        PRIMARY KEY (project_id, tax_code)
      )`);
    await q.query(`
      CREATE TABLE double_funding_exemption (
        id               uuid PRIMARY KEY,
        tax_code         text NOT NULL CHECK (tax_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
        activity_content int  NOT NULL CHECK (activity_content BETWEEN 1 AND 9),
        period           daterange NOT NULL CHECK (NOT isempty(period)),
        justification    text NOT NULL,
        decision_number  text,
        recorded_by      text NOT NULL,
        recorded_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX double_funding_exemption_lookup ON double_funding_exemption
      USING gist (tax_code, activity_content, period)`);
    // No double funding: one facility, one content, overlapping periods — across every plan, national and
    // provincial — unless an exemption justifies it.
    await q.query(`
      CREATE TABLE beneficiary_funding (
        project_id       uuid NOT NULL REFERENCES project (id),
        tax_code         text NOT NULL,
        activity_content int  NOT NULL CHECK (activity_content BETWEEN 1 AND 9),
        period           daterange NOT NULL,
        active           boolean NOT NULL DEFAULT true,
        exemption_id     uuid REFERENCES double_funding_exemption (id),
        PRIMARY KEY (project_id, tax_code, activity_content),
        CONSTRAINT beneficiary_funding_no_double EXCLUDE USING gist
          (tax_code WITH =, activity_content WITH =, period WITH &&) WHERE (active AND exemption_id IS NULL)
      )`);
    await q.query(`
      CREATE TABLE appraisal (
        id                    uuid PRIMARY KEY,
        project_id            uuid NOT NULL REFERENCES project (id),
        level                 text NOT NULL CHECK (level IN ('base', 'ministry')),
        reviewer              text NOT NULL,
        criteria              jsonb NOT NULL,
        result                text NOT NULL CHECK (result IN ('passed', 'failed')),
        appraised_support_vnd bigint CHECK (appraised_support_vnd >= 0),
        remarks               text,
        appraised_on          date NOT NULL,
        recorded_by           text NOT NULL,
        created_at            timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT appraisal_support_only_ministry_pass CHECK
          ((appraised_support_vnd IS NOT NULL) = (level = 'ministry' AND result = 'passed'))
      )`);
    await q.query(`CREATE INDEX appraisal_by_project ON appraisal (project_id, created_at)`);
    await q.query(`
      CREATE TABLE adjustment (
        id              uuid PRIMARY KEY,
        project_id      uuid NOT NULL REFERENCES project (id),
        kind            text NOT NULL CHECK (kind IN ('support-increase', 'content-change', 'extension', 'stop',
                          'location', 'beneficiary', 'partner', 'timing', 'group-detail')),
        level           text NOT NULL CHECK (level IN ('minister', 'agency', 'province')),
        decision_number text,
        decided_on      date,
        reason          text NOT NULL,
        before          jsonb NOT NULL,
        after           jsonb NOT NULL,
        recorded_by     text NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT adjustment_minister_needs_decision CHECK
          (level <> 'minister' OR (decision_number IS NOT NULL AND decided_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX adjustment_by_project ON adjustment (project_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'adjustment',
      'appraisal',
      'beneficiary_funding',
      'double_funding_exemption',
      'project_beneficiary',
      'project',
      'project_code_counter',
      'plan_ref',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
