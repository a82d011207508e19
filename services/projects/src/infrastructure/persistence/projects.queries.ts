import type { EntityManager } from 'typeorm';
import type { Beneficiary, ProjectStatus } from '@kc/contracts';
import { sql } from '@kc/persistence';
import type { PlanLevel } from '../../domain/lifecycle';
import type { PlanRefEntity } from './plan-ref.entity';
import { ProjectEntity } from './project.entity';

/** A plan of plan_ref (rows are written once, from plans.plan.created), or undefined. */
export async function planRef(manager: EntityManager, id: string): Promise<PlanRefEntity | undefined> {
  const [plan] = await sql<PlanRefEntity>(
    manager,
    `SELECT id, name, year, level, province_code AS "provinceCode" FROM plan_ref WHERE id = $1`,
    [id],
  );
  return plan;
}

/** Atomic per (plan, province): concurrent creations get distinct sequence numbers. */
export async function nextProjectSequence(
  manager: EntityManager,
  planId: string,
  provinceCode: string,
): Promise<number> {
  const [row] = await sql<{ last_sequence: number }>(
    manager,
    `INSERT INTO project_code_counter (plan_id, province_code, last_sequence) VALUES ($1, $2, 1)
     ON CONFLICT (plan_id, province_code) DO UPDATE SET last_sequence = project_code_counter.last_sequence + 1
     RETURNING last_sequence`,
    [planId, provinceCode],
  );
  return row.last_sequence;
}

/** The facts of a new draft; every other column takes its default (nothing appraised, allocated or paid). */
export type NewDraft = Pick<
  ProjectEntity,
  | 'id'
  | 'code'
  | 'planId'
  | 'planYear'
  | 'planLevel'
  | 'fundingSource'
  | 'title'
  | 'titleSearch'
  | 'kind'
  | 'activityContents'
  | 'implementingUnit'
  | 'unitSearch'
  | 'partners'
  | 'provinceCode'
  | 'commune'
  | 'startDate'
  | 'endDate'
  | 'kcqgVnd'
  | 'kcdpVnd'
  | 'counterpartVnd'
  | 'otherVnd'
  | 'requestedSupportVnd'
  | 'normCode'
  | 'normUnits'
  | 'procurementMode'
  | 'advanceCategory'
  | 'updatedAt'
> & { beneficiaries: Beneficiary[] };

/** One statement: the draft and its beneficiaries; the project as stored (defaults included). */
export async function insertDraft(manager: EntityManager, d: NewDraft): Promise<ProjectEntity> {
  const [row] = await sql(
    manager,
    `WITH created AS (
       INSERT INTO project (id, code, plan_id, plan_year, plan_level, funding_source, title, title_search, kind,
                            activity_contents, implementing_unit, unit_search, partners, province_code, commune,
                            start_date, end_date, kcqg_vnd, kcdp_vnd, counterpart_vnd, other_vnd,
                            requested_support_vnd, norm_code, norm_units, procurement_mode, advance_category,
                            status, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
               $22, $23, $24, $25, $26, 'draft', $27)
       RETURNING ${projectColumns(manager)}),
     beneficiaries AS (
       INSERT INTO project_beneficiary (project_id, tax_code, name, legal_form)
       SELECT c.id, b.tax_code, b.name, b.legal_form
         FROM created c, unnest($28::text[], $29::text[], $30::text[]) AS b(tax_code, name, legal_form))
     SELECT * FROM created`,
    [
      d.id,
      d.code,
      d.planId,
      d.planYear,
      d.planLevel,
      d.fundingSource,
      d.title,
      d.titleSearch,
      d.kind,
      d.activityContents,
      d.implementingUnit,
      d.unitSearch,
      d.partners,
      d.provinceCode,
      d.commune,
      d.startDate,
      d.endDate,
      d.kcqgVnd,
      d.kcdpVnd,
      d.counterpartVnd,
      d.otherVnd,
      d.requestedSupportVnd,
      d.normCode,
      d.normUnits,
      d.procurementMode,
      d.advanceCategory,
      d.updatedAt,
      d.beneficiaries.map((b) => b.taxCode),
      d.beneficiaries.map((b) => b.name),
      d.beneficiaries.map((b) => b.legalForm),
    ],
    { inTransaction: true },
  );
  return asProjectEntity(manager, row);
}

/** What registering a project is decided on: its lifecycle facts, version and claims' facts. */
export interface RegistrationFacts {
  id: string;
  code: string;
  status: ProjectStatus;
  planLevel: PlanLevel;
  provinceCode: string;
  version: number;
  activityContents: number[];
  startDate: string;
  endDate: string;
  /** Its beneficiaries' tax codes, in order. */
  taxCodes: string[];
}

/**
 * One statement: the project (undefined if there is none) with its beneficiaries' tax codes. `lock` holds the
 * row until the transaction ends; unlocked, the guarded UPDATE of `registerDraft` repeats what it was read at.
 */
export async function registrationFacts(
  manager: EntityManager,
  id: string,
  lock = false,
): Promise<RegistrationFacts | undefined> {
  const [row] = await sql<RegistrationFacts>(
    manager,
    `SELECT p.id, p.code, p.status, p.plan_level AS "planLevel", p.province_code AS "provinceCode", p.version,
            p.activity_contents AS "activityContents", p.start_date::text AS "startDate",
            p.end_date::text AS "endDate",
            (SELECT coalesce(array_agg(b.tax_code ORDER BY b.tax_code), '{}') FROM project_beneficiary b
              WHERE b.project_id = p.id) AS "taxCodes"
       FROM project p WHERE p.id = $1 ${lock ? 'FOR UPDATE OF p' : ''}`,
    [id],
    { inTransaction: lock },
  );
  return row;
}

export interface Registration {
  id: string;
  from: ProjectStatus;
  to: ProjectStatus;
  /** The version the facts were read at: the UPDATE applies only if nothing changed since. */
  version: number;
  at: Date;
  /** The claims on support (tax code × activity content, in order) over `period` (`[start,end]`). */
  claims: { taxCode: string; content: number }[];
  period: string;
}

/**
 * One statement: the status step of a project still at `from` and `version`, and its claims on support. The
 * exclusion constraint `beneficiary_funding_no_double` refuses double funding; `ON CONFLICT DO NOTHING` waits
 * for a concurrent claim to commit or roll back, so of two parallel registrations exactly one wins. Null when
 * the project changed since it was read (nothing is written); else the project as stored and the claims
 * written (those missing collided).
 */
export async function registerDraft(
  manager: EntityManager,
  r: Registration,
): Promise<{ project: ProjectEntity; claimed: { taxCode: string; content: number }[] } | null> {
  const [row] = await sql<Record<string, unknown> & { claimed: [string, number][] }>(
    manager,
    `WITH moved AS (
       UPDATE project SET status = $2, version = version + 1, updated_at = $4
        WHERE id = $1 AND status = $3 AND version = $5
       RETURNING ${projectColumns(manager)}),
     claimed AS (
       INSERT INTO beneficiary_funding (project_id, tax_code, activity_content, period, active, exemption_id)
       SELECT m.id, c.tax_code, c.content, $8::daterange, true,
              (SELECT e.id FROM double_funding_exemption e
                WHERE e.tax_code = c.tax_code AND e.activity_content = c.content AND e.period @> $8::daterange
                ORDER BY e.recorded_at LIMIT 1)
         FROM moved m, unnest($6::text[], $7::int[]) WITH ORDINALITY AS c(tax_code, content, n)
        ORDER BY c.n
       ON CONFLICT DO NOTHING
       RETURNING tax_code, activity_content)
     SELECT moved.*,
            (SELECT coalesce(json_agg(json_build_array(tax_code, activity_content)), '[]') FROM claimed) AS claimed
       FROM moved`,
    [
      r.id,
      r.to,
      r.from,
      r.at,
      r.version,
      r.claims.map((c) => c.taxCode),
      r.claims.map((c) => c.content),
      r.period,
    ],
    { inTransaction: true },
  );
  if (!row) return null;
  return {
    project: asProjectEntity(manager, row),
    claimed: row.claimed.map(([taxCode, content]) => ({ taxCode, content })),
  };
}

/**
 * Every column of a project, each named as ProjectEntity names it: the rows a statement returns become
 * entities through `asProjectEntity`, so an answer is built from the statement that wrote the row.
 */
function projectColumns(manager: EntityManager): string {
  return projectMetadata(manager)
    .columns.map((column) => `${column.databaseName} AS "${column.propertyName}"`)
    .join(', ');
}

/** A row of `projectColumns` hydrated as TypeORM would (dates as YYYY-MM-DD, VND as numbers). */
function asProjectEntity(manager: EntityManager, row: Record<string, unknown>): ProjectEntity {
  const metadata = projectMetadata(manager);
  const entity = metadata.create() as ProjectEntity;
  for (const column of metadata.columns) {
    column.setEntityValue(
      entity,
      manager.connection.driver.prepareHydratedValue(row[column.propertyName], column),
    );
  }
  return entity;
}

const projectMetadata = (manager: EntityManager) => manager.connection.getMetadata(ProjectEntity);
