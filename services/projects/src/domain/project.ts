import { formatVnd, fundingSourceLabels } from '@kc/contracts';
import { RuleViolationError } from '@kc/errors';
import { supportField } from './funding-norm';
import type { PlanLevel } from './lifecycle';

export interface PlanFacts {
  id: string;
  year: number;
  level: PlanLevel;
  provinceCode: string | null;
}

/** A provincial plan funds only projects of its own province; the national plan funds any province. */
/**
 * A project's unit code must name a unit in force on the day the project starts (the reference data's one
 * rule): a 2026 project cannot belong to 30 Hải Dương, merged into 04 Hải Phòng on 2025-07-01.
 */
export function assertUnitInForce(
  units: { isInForce(code: string, on: string): boolean },
  provinceCode: string,
  startDate: string,
): void {
  if (!units.isInForce(provinceCode, startDate)) {
    throw new RuleViolationError(
      {
        vi: `Mã đơn vị ${provinceCode} không còn hiệu lực vào ngày ${startDate}, ngày bắt đầu đề án`,
        en: `unit code ${provinceCode} names no provincial unit in force on ${startDate}, the project's start date`,
      },
      'project.unit-not-in-force',
      'provinceCode',
    );
  }
}

export function assertPlanAcceptsProvince(plan: PlanFacts, provinceCode: string): void {
  if (plan.level === 'provincial' && plan.provinceCode !== provinceCode) {
    throw new RuleViolationError(
      {
        vi: `Kế hoạch của tỉnh ${plan.provinceCode} không hỗ trợ đề án của tỉnh ${provinceCode}`,
        en: `the provincial plan of unit ${plan.provinceCode} cannot fund a project of unit ${provinceCode}`,
      },
      'project.plan-province-mismatch',
      'provinceCode',
    );
  }
}

export const fundingSourceOf = (plan: { level: PlanLevel }): 'KCQG' | 'KCDP' =>
  plan.level === 'national' ? 'KCQG' : 'KCDP';

/** `KCQG-2026-40-007` for the national plan, `KCDP-2026-40-007` for a provincial one. */
export function projectCode(plan: PlanFacts, provinceCode: string, sequence: number): string {
  return `${fundingSourceOf(plan)}-${plan.year}-${provinceCode}-${String(sequence).padStart(3, '0')}`;
}

export interface DraftFacts {
  kind: 'ordinary' | 'flagship' | 'group';
  activityContents: number[];
  startDate: string;
  endDate: string;
  kcqgVnd: number;
  kcdpVnd: number;
}

/** The day one year after `date` (29 Feb → 1 Mar). */
const oneYearAfter = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
};

/**
 * The support a project asks for is its budget line of the plan's own source (KCQG for the national plan,
 * KCĐP for a provincial one); a flagship project (đề án điểm) needs ≥ 2 contents and runs more than a year.
 */
export function requestedSupport(plan: { level: PlanLevel }, draft: DraftFacts): number {
  const source = fundingSourceOf(plan);
  const requested = source === 'KCQG' ? draft.kcqgVnd : draft.kcdpVnd;
  if (requested <= 0) {
    const field = supportField(source);
    throw new RuleViolationError(
      {
        vi: `Đề án thuộc kế hoạch ${fundingSourceLabels[source]} phải đề nghị kinh phí ${fundingSourceLabels[source]}`,
        en: `a project of a ${source} plan must ask for ${source} support`,
      },
      'project.no-requested-support',
      field,
    );
  }
  return requested;
}

export function assertKindRules(draft: DraftFacts): void {
  if (draft.kind !== 'flagship') return;
  if (draft.activityContents.length < 2) {
    throw new RuleViolationError(
      {
        vi: 'Đề án điểm phải có ít nhất 2 nội dung',
        en: 'a flagship project needs at least 2 activity contents',
      },
      'project.flagship-contents',
      'activityContents',
    );
  }
  if (draft.endDate <= oneYearAfter(draft.startDate)) {
    throw new RuleViolationError(
      { vi: 'Đề án điểm phải kéo dài hơn 1 năm', en: 'a flagship project must run for more than one year' },
      'project.flagship-duration',
      'endDate',
    );
  }
}

/**
 * Settlement (quyết toán) is due by 22 January of the year after the project's budget year: the plan year,
 * or the year its (extended) end date falls in when that is later.
 */
export function settlementDeadline(planYear: number, endDate: string): string {
  const budgetYear = Math.max(planYear, Number(endDate.slice(0, 4)));
  return `${budgetYear + 1}-01-22`;
}

export const isSettlementLate = (settledOn: string, planYear: number, endDate: string): boolean =>
  settledOn > settlementDeadline(planYear, endDate);

/** A money ceiling breached by a request: 422 naming the field. */
export function assertAtMost(
  value: number,
  limit: number,
  field: string,
  code: string,
  what: { vi: string; en: string },
): void {
  if (value > limit) {
    throw new RuleViolationError(
      {
        vi: `${what.vi}: ${formatVnd(value)} VND vượt ${formatVnd(limit)} VND`,
        en: `${what.en}: ${formatVnd(value)} VND exceeds ${formatVnd(limit)} VND`,
      },
      code,
      field,
    );
  }
}
