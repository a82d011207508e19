import type { EntityManager } from 'typeorm';
import { sql, vndTransformer } from '@kc/persistence';
import type { AdvanceRule, DisbursementGuard, DisbursementKind, ProjectMoney } from '../../domain/advances';
import type { PlanLevel } from '../../domain/lifecycle';

/** What a disbursement is judged on: the project's keys and money, and the advance rule of its category. */
export interface DisbursementProject extends ProjectMoney {
  id: string;
  code: string;
  planId: string;
  planYear: number;
  planLevel: PlanLevel;
  provinceCode: string;
  advanceCategory: AdvanceRule['category'];
  /** The rule of its advance category in force on the disbursement's date (null: none). */
  rule: AdvanceRule | null;
}

/**
 * One statement: the project (undefined if there is none) with the advance rule in force on `on` for its
 * category. Read without a lock: the guarded UPDATE of `recordDisbursement` repeats every bound judged on it.
 */
export async function disbursementProject(
  manager: EntityManager,
  projectId: string,
  on: string,
): Promise<DisbursementProject | undefined> {
  const [row] = await sql<{
    id: string;
    code: string;
    plan_id: string;
    plan_year: number;
    plan_level: PlanLevel;
    province_code: string;
    status: string;
    contract_value_vnd: string | null;
    advanced_vnd: string;
    paid_vnd: string;
    last_progress_percent: number | null;
    advance_category: AdvanceRule['category'];
    rule: AdvanceRule | null;
  }>(
    manager,
    `SELECT p.id, p.code, p.plan_id, p.plan_year, p.plan_level, p.province_code, p.status, p.contract_value_vnd,
            p.advanced_vnd, p.paid_vnd, p.last_progress_percent, p.advance_category,
            (SELECT json_build_object('id', r.id, 'category', r.category, 'ratePercent', r.rate_percent,
                      'progressAbovePercent', r.progress_above_percent,
                      'onlyAfterAcceptance', r.only_after_acceptance, 'legalBasis', r.legal_basis)
               FROM advance_rule r
              WHERE r.category = p.advance_category AND r.valid_from <= $2::date
                AND (r.valid_to IS NULL OR r.valid_to >= $2::date)) AS rule
       FROM project p WHERE p.id = $1`,
    [projectId, on],
  );
  if (!row) return undefined;
  return {
    id: row.id,
    code: row.code,
    planId: row.plan_id,
    planYear: row.plan_year,
    planLevel: row.plan_level,
    provinceCode: row.province_code,
    status: row.status,
    contractValueVnd: vnd(row.contract_value_vnd),
    advancedVnd: vnd(row.advanced_vnd) as number,
    paidVnd: vnd(row.paid_vnd) as number,
    lastProgressPercent: row.last_progress_percent,
    advanceCategory: row.advance_category,
    rule: row.rule,
  };
}

export interface NewDisbursement {
  id: string;
  projectId: string;
  provinceCode: string;
  kind: DisbursementKind;
  amountVnd: number;
  on: string;
  reference: string | null;
  advanceRuleId: string | null;
  recordedBy: string;
  recordedAt: Date;
}

/**
 * One statement: an UPDATE of the project row whose WHERE repeats every bound of the guard (the CHECKs on the
 * table stand behind it), and the disbursement row with the totals it left, only if the UPDATE applied. Null
 * when the row no longer satisfies the guard (a concurrent disbursement got there first): nothing is written.
 */
export async function recordDisbursement(
  manager: EntityManager,
  guard: DisbursementGuard,
  d: NewDisbursement,
): Promise<{ advancedVnd: number; paidVnd: number } | null> {
  // A refund returns unused advances first; advanced_vnd <= paid_vnd (CHECK) keeps holding.
  const set =
    guard.kind === 'advance'
      ? 'advanced_vnd = advanced_vnd + $2, paid_vnd = paid_vnd + $2'
      : guard.kind === 'payment'
        ? 'paid_vnd = paid_vnd + $2'
        : 'advanced_vnd = advanced_vnd - least(advanced_vnd, $2), paid_vnd = paid_vnd - $2';
  const [row] = await sql<{ advanced_vnd: string; paid_vnd: string }>(
    manager,
    `WITH moved AS (
       UPDATE project SET ${set}, version = version + 1, updated_at = now()
        WHERE id = $1 AND status = ANY($3) AND contract_value_vnd IS NOT NULL
          AND ($4::bigint IS NULL OR advanced_vnd + $2 <= $4)
          AND ($5::bigint IS NULL OR paid_vnd + $2 <= $5)
          AND ($6::int IS NULL OR coalesce(last_progress_percent, 0) > $6)
          AND ($7 <> 'refund' OR paid_vnd - $2 >= 0)
       RETURNING advanced_vnd, paid_vnd),
     recorded AS (
       INSERT INTO disbursement (id, project_id, province_code, kind, amount_vnd, on_date, reference,
                                 advance_rule_id, advanced_after_vnd, paid_after_vnd, recorded_by, recorded_at)
       SELECT $8::uuid, $1::uuid, $9::text, $7::text, $2::bigint, $10::date, $11::text, $12::text, advanced_vnd,
              paid_vnd, $13::text, $14::timestamptz
         FROM moved)
     SELECT advanced_vnd, paid_vnd FROM moved`,
    [
      d.projectId,
      guard.amountVnd,
      guard.statuses,
      guard.maxAdvancedVnd,
      guard.maxPaidVnd,
      guard.progressAbovePercent,
      guard.kind,
      d.id,
      d.provinceCode,
      d.on,
      d.reference,
      d.advanceRuleId,
      d.recordedBy,
      d.recordedAt,
    ],
    { inTransaction: true },
  );
  return row ? { advancedVnd: vnd(row.advanced_vnd) as number, paidVnd: vnd(row.paid_vnd) as number } : null;
}

const vnd = (value: string | null) => vndTransformer.from(value) as number | null;
