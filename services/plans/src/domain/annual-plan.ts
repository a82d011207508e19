import { RuleViolationError } from '@kc/errors';

export type PlanLevel = 'national' | 'provincial';
export type FundingSource = 'KCQG' | 'KCDP';

export interface AnnualPlanDraft {
  year: number;
  level: PlanLevel;
  provinceCode: string | null;
  name?: string;
  budgetVnd: number;
  registrationDeadline?: string;
}

export interface AnnualPlan {
  year: number;
  level: PlanLevel;
  provinceCode: string | null;
  name: string;
  budgetVnd: number;
  registrationDeadline: string;
}

export interface ProgrammeSpan {
  code: string;
  level: PlanLevel;
  provinceCode: string | null;
  firstYear: number;
  lastYear: number;
}

/** The plan's own source: the national plan spends KCQG funds, a provincial plan its province's KCĐP funds. */
export const ownFundingSource = (level: PlanLevel): FundingSource => (level === 'national' ? 'KCQG' : 'KCDP');

/** `MM-DD` of the year before the plan's year, e.g. 20 June 2025 for the 2026 plan. */
export const defaultRegistrationDeadline = (year: number, monthDay: string): string =>
  `${year - 1}-${monthDay}`;

/**
 * A plan belongs to a programme of its own level covering its year: the national plan to a national programme,
 * a provincial plan to its own province's programme.
 */
export function assertProgrammeCovers(programme: ProgrammeSpan, plan: AnnualPlan): void {
  if (programme.level !== plan.level || programme.provinceCode !== plan.provinceCode) {
    throw new RuleViolationError(
      plan.level === 'national'
        ? {
            vi: `Kế hoạch quốc gia chỉ thuộc chương trình cấp quốc gia, không thuộc ${programme.code}`,
            en: `The national plan may only name a national programme, not ${programme.code}`,
          }
        : {
            vi: `Kế hoạch của tỉnh ${plan.provinceCode} chỉ thuộc chương trình của chính tỉnh đó, không thuộc ${programme.code}`,
            en:
              `The provincial plan of ${plan.provinceCode} may only name its own province's programme, ` +
              `not ${programme.code}`,
          },
      'plan.programme-of-other-owner',
      'programmeId',
    );
  }
  if (plan.year < programme.firstYear || plan.year > programme.lastYear) {
    throw new RuleViolationError(
      {
        vi:
          `Chương trình ${programme.code} (${programme.firstYear}–${programme.lastYear}) không bao gồm kế ` +
          `hoạch ${plan.level === 'national' ? 'quốc gia' : 'của tỉnh'} năm ${plan.year}`,
        en:
          `Programme ${programme.code} (${programme.firstYear}–${programme.lastYear}) ` +
          `does not cover the ${plan.level} plan of ${plan.year}`,
      },
      'plan.programme-not-covering',
      'programmeId',
    );
  }
}

export interface ProvinceDirectory {
  /** The unit's Vietnamese name if the code names a unit in force at some point of `year`. */
  nameDuring(code: string, year: number): string | undefined;
}

/**
 * An annual khuyến công plan: the national plan (KCQG funds) or one province's plan (KCĐP funds). A
 * provincial plan must name a unit that existed in its year — 2024 plans use the 63 old units. Without a given
 * registration deadline, provinces report by the configured day of the year before (a province running its own
 * KCĐP procedure may set another when it creates its plan).
 */
export function draftAnnualPlan(
  draft: AnnualPlanDraft,
  provinces: ProvinceDirectory,
  deadlineMonthDay: string,
): AnnualPlan {
  const registrationDeadline =
    draft.registrationDeadline ?? defaultRegistrationDeadline(draft.year, deadlineMonthDay);
  if (draft.level === 'national') {
    return {
      ...draft,
      registrationDeadline,
      provinceCode: null,
      name: draft.name ?? `Kế hoạch khuyến công quốc gia năm ${draft.year}`,
    };
  }
  const provinceName = draft.provinceCode ? provinces.nameDuring(draft.provinceCode, draft.year) : undefined;
  if (!draft.provinceCode || !provinceName) {
    throw new RuleViolationError(
      {
        vi: `Đơn vị cấp tỉnh ${draft.provinceCode ?? '(không có)'} không tồn tại trong năm ${draft.year}`,
        en: `Provincial unit ${draft.provinceCode ?? '(none)'} did not exist in ${draft.year}`,
      },
      'plan.unknown-province',
      'provinceCode',
    );
  }
  return {
    ...draft,
    registrationDeadline,
    name: draft.name ?? `Kế hoạch khuyến công địa phương năm ${draft.year} — ${provinceName}`,
  };
}
