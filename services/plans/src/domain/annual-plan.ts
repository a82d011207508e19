import { RuleViolationError } from '@kc/errors';

export type PlanLevel = 'national' | 'provincial';

export interface AnnualPlanDraft {
  year: number;
  level: PlanLevel;
  provinceCode: string | null;
  name?: string;
  budgetVnd: number;
}

export interface AnnualPlan {
  year: number;
  level: PlanLevel;
  provinceCode: string | null;
  name: string;
  budgetVnd: number;
}

export interface ProvinceDirectory {
  /** The unit's Vietnamese name if the code names a unit in force at some point of `year`. */
  nameDuring(code: string, year: number): string | undefined;
}

/**
 * An annual khuyến công plan: the national plan (KCQG funds) or one province's plan (KCĐP funds). A
 * provincial plan must name a unit that existed in its year — 2024 plans use the 63 old units.
 */
export function draftAnnualPlan(draft: AnnualPlanDraft, provinces: ProvinceDirectory): AnnualPlan {
  if (draft.level === 'national') {
    return {
      ...draft,
      provinceCode: null,
      name: draft.name ?? `Kế hoạch khuyến công quốc gia năm ${draft.year}`,
    };
  }
  const provinceName = draft.provinceCode ? provinces.nameDuring(draft.provinceCode, draft.year) : undefined;
  if (!draft.provinceCode || !provinceName) {
    throw new RuleViolationError(
      `Provincial unit ${draft.provinceCode ?? '(none)'} did not exist in ${draft.year}`,
      'plan.unknown-province',
      'provinceCode',
    );
  }
  return {
    ...draft,
    name: draft.name ?? `Kế hoạch khuyến công địa phương năm ${draft.year} — ${provinceName}`,
  };
}
