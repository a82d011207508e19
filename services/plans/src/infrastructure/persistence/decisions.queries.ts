import type { EntityManager } from 'typeorm';
import { sql, vndTransformer } from '@kc/persistence';
import type { FundingSource, PlanLevel } from '../../domain/annual-plan';
import type { AllocationLine, DecisionKind } from '../../domain/assignment';
import type { NormVersion } from '../../domain/funding-norm';
import type { ProjectRef } from '../../domain/project-ref';

/*
 * The statements of a plan-assignment decision. All run inside its transaction: the project locks and the
 * guarded ceiling update hold until it ends.
 */

export interface DecisionPlan {
  name: string;
  year: number;
  level: PlanLevel;
  provinceCode: string | null;
}

/** What a decision is judged on, but the allocations in force (see `allocationsInForce`). */
export interface DecisionInputs {
  /** Undefined when there is no such plan. */
  plan: DecisionPlan | undefined;
  projects: Map<string, ProjectRef>;
  /** Every version of the projects' norm codes in the plan's scope (national, and a provincial plan's own). */
  norms: NormVersion[];
}

/**
 * One statement: the plan, and the replica rows of these projects locked in id order — so that two decisions
 * (or a decision and a stop) touching the same projects take turns instead of reading the same "previous"
 * allocation — with the versions of their funding norms.
 */
export async function lockDecisionInputs(
  manager: EntityManager,
  planId: string,
  projectIds: readonly string[],
): Promise<DecisionInputs> {
  const [row] = await sql<{
    name: string;
    year: number;
    level: PlanLevel;
    province_code: string | null;
    projects: ProjectRefJson[];
    norms: NormVersionJson[];
  }>(
    manager,
    `WITH locked AS (
       SELECT project_id, code, plan_id, province_code, funding_source, status, total_cost_vnd,
              requested_support_vnd, appraised_support_vnd, norm_code, norm_units, start_date
         FROM project_ref WHERE project_id = ANY($2::uuid[]) ORDER BY project_id FOR UPDATE)
     SELECT p.name, p.year, p.level, p.province_code,
            (SELECT coalesce(json_agg(json_build_object(
                      'projectId', project_id, 'code', code, 'planId', plan_id, 'provinceCode', province_code,
                      'fundingSource', funding_source, 'status', status, 'totalCostVnd', total_cost_vnd::text,
                      'requestedSupportVnd', requested_support_vnd::text,
                      'appraisedSupportVnd', appraised_support_vnd::text, 'normCode', norm_code,
                      'normUnits', norm_units, 'startDate', start_date)), '[]')
               FROM locked) AS projects,
            (SELECT coalesce(json_agg(json_build_object(
                      'code', n.code, 'provinceCode', n.province_code, 'version', n.version, 'nameVi', n.name_vi,
                      'nameEn', n.name_en, 'legalBasis', n.legal_basis, 'validFrom', n.valid_from,
                      'validTo', n.valid_to, 'maxPercentBp', n.max_percent_bp,
                      'maxVndPerUnit', n.max_vnd_per_unit::text,
                      'priorityMultiplierPermille', n.priority_multiplier_permille) ORDER BY n.valid_from), '[]')
               FROM funding_norm n
              WHERE n.code IN (SELECT norm_code FROM locked)
                AND (n.province_code IS NULL OR (p.level = 'provincial' AND n.province_code = p.province_code)))
              AS norms
       FROM annual_plan p WHERE p.id = $1`,
    [planId, projectIds],
    { inTransaction: true },
  );
  if (!row) return { plan: undefined, projects: new Map(), norms: [] };
  return {
    plan: { name: row.name, year: row.year, level: row.level, provinceCode: row.province_code },
    projects: new Map(row.projects.map((p) => [p.projectId, projectRef(p)])),
    norms: row.norms.map((n) => ({ ...n, maxVndPerUnit: vnd(n.maxVndPerUnit) })),
  };
}

/** The allocation in force per `${projectId}/${source}`: read after the projects are locked, so it is current. */
export async function allocationsInForce(
  manager: EntityManager,
  projectIds: readonly string[],
): Promise<{ projectId: string; fundingSource: FundingSource; amountVnd: number }[]> {
  const rows = await sql<{ project_id: string; funding_source: FundingSource; amount_vnd: string }>(
    manager,
    `SELECT project_id, funding_source, amount_vnd FROM project_allocation WHERE project_id = ANY($1::uuid[])`,
    [projectIds],
    { inTransaction: true },
  );
  return rows.map((r) => ({
    projectId: r.project_id,
    fundingSource: r.funding_source,
    amountVnd: vnd(r.amount_vnd) as number,
  }));
}

export interface NewDecision {
  id: string;
  planId: string;
  number: string;
  signedOn: string;
  kind: DecisionKind;
  decidedBy: string;
}

/**
 * One statement: takes each source's delta from the plan's ceiling by a guarded UPDATE that moves the allocated
 * sum only if it stays within the ceiling (parallel decisions cannot both take the last of it; the CHECK
 * allocated ≤ ceiling stands behind it), and only if every source had room, stores the decision, its lines and
 * the allocations now in force. Returns when the decision was stored (null if a ceiling refused it) and the
 * sources whose ceiling took their delta; a refusal leaves the caller to roll back.
 */
export async function recordDecision(
  manager: EntityManager,
  decision: NewDecision,
  deltas: ReadonlyMap<FundingSource, number>,
  lines: readonly AllocationLine[],
): Promise<{ createdAt: Date | null; taken: FundingSource[] }> {
  const [row] = await sql<{ created_at: Date | null; taken: FundingSource[] }>(
    manager,
    `WITH wanted AS (
       SELECT * FROM unnest($7::text[], $8::bigint[]) AS w(funding_source, delta)),
     taken AS (
       UPDATE plan_ceiling c SET allocated_vnd = c.allocated_vnd + w.delta FROM wanted w
        WHERE c.plan_id = $2 AND c.funding_source = w.funding_source AND c.allocated_vnd + w.delta <= c.ceiling_vnd
       RETURNING c.funding_source),
     decision AS (
       INSERT INTO assignment_decision (id, plan_id, number, signed_on, kind, decided_by)
       SELECT $1::uuid, $2::uuid, $3::text, $4::date, $5::text, $6::text
        WHERE (SELECT count(*) FROM taken) = (SELECT count(*) FROM wanted)
       RETURNING id, created_at),
     line AS (
       SELECT * FROM unnest($9::uuid[], $10::text[], $11::text[], $12::bigint[], $13::bigint[])
         AS l(project_id, funding_source, province_code, amount_vnd, previous_vnd)),
     lines AS (
       INSERT INTO decision_allocation (decision_id, project_id, funding_source, province_code, amount_vnd,
                                        previous_vnd)
       SELECT decision.id, line.project_id, line.funding_source, line.province_code, line.amount_vnd,
              line.previous_vnd
         FROM decision, line),
     in_force AS (
       INSERT INTO project_allocation (project_id, funding_source, plan_id, amount_vnd)
       SELECT line.project_id, line.funding_source, $2::uuid, line.amount_vnd FROM decision, line
       ON CONFLICT (project_id, funding_source)
       DO UPDATE SET plan_id = excluded.plan_id, amount_vnd = excluded.amount_vnd)
     SELECT (SELECT created_at FROM decision) AS created_at, ARRAY(SELECT funding_source FROM taken) AS taken`,
    [
      decision.id,
      decision.planId,
      decision.number,
      decision.signedOn,
      decision.kind,
      decision.decidedBy,
      [...deltas.keys()],
      [...deltas.values()],
      lines.map((l) => l.projectId),
      lines.map((l) => l.fundingSource),
      lines.map((l) => l.provinceCode),
      lines.map((l) => l.amountVnd),
      lines.map((l) => l.previousVnd),
    ],
    { inTransaction: true },
  );
  return { createdAt: row.created_at, taken: row.taken };
}

/** A plan's ceiling of one source as it stands (undefined: the plan has none), to explain a refusal. */
export async function ceilingOf(
  manager: EntityManager,
  planId: string,
  source: FundingSource,
): Promise<{ ceilingVnd: number; allocatedVnd: number } | undefined> {
  const [row] = await sql<{ ceiling_vnd: string; allocated_vnd: string }>(
    manager,
    `SELECT ceiling_vnd, allocated_vnd FROM plan_ceiling WHERE plan_id = $1 AND funding_source = $2`,
    [planId, source],
  );
  return (
    row && { ceilingVnd: vnd(row.ceiling_vnd) as number, allocatedVnd: vnd(row.allocated_vnd) as number }
  );
}

/** Money travels through JSON as text, so no amount is rounded on the way (vndTransformer checks it). */
type ProjectRefJson = Omit<ProjectRef, 'totalCostVnd' | 'requestedSupportVnd' | 'appraisedSupportVnd'> & {
  totalCostVnd: string;
  requestedSupportVnd: string;
  appraisedSupportVnd: string | null;
};
type NormVersionJson = Omit<NormVersion, 'maxVndPerUnit'> & { maxVndPerUnit: string | null };

const vnd = (value: string | null) => vndTransformer.from(value) as number | null;

const projectRef = (p: ProjectRefJson): ProjectRef => ({
  ...p,
  totalCostVnd: vnd(p.totalCostVnd) as number,
  requestedSupportVnd: vnd(p.requestedSupportVnd) as number,
  appraisedSupportVnd: vnd(p.appraisedSupportVnd),
});
