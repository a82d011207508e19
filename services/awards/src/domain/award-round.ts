import { awardLevelLabels } from '@kc/contracts';
import { RuleViolationError } from '@kc/errors';

export type AwardLevel = 'provincial' | 'regional' | 'national';
export type RegionCode = 'north' | 'central' | 'south';

/** A round of bình chọn sản phẩm CNNT tiêu biểu: one per year and level, and per province or region below national. */
export interface AwardRound {
  name: string;
  year: number;
  level: AwardLevel;
  provinceCode: string | null;
  regionCode: RegionCode | null;
  closesOn: string | null;
}

export interface ProvinceDirectory {
  /** True if the code names a provincial unit in force at some point of `year`. */
  inForceDuring(code: string, year: number): boolean;
}

/**
 * Opens a round. A provincial round belongs to one provincial unit that existed in its year (a 2024 round uses
 * the 63 old units), a regional round to one region, a national round to neither.
 */
export function openAwardRound(round: AwardRound, provinces: ProvinceDirectory): AwardRound {
  if ((round.level === 'provincial') !== (round.provinceCode !== null)) {
    throw new RuleViolationError(
      round.level === 'provincial'
        ? { vi: 'Vòng bình chọn cấp tỉnh phải có tỉnh', en: 'A provincial round needs a province' }
        : {
            vi: `Vòng bình chọn ${awardLevelLabels[round.level]} không gắn với tỉnh nào`,
            en: `A ${round.level} round has no province`,
          },
      'award-round.scope-mismatch',
      'provinceCode',
    );
  }
  if ((round.level === 'regional') !== (round.regionCode !== null)) {
    throw new RuleViolationError(
      round.level === 'regional'
        ? { vi: 'Vòng bình chọn cấp khu vực phải có khu vực', en: 'A regional round needs a region' }
        : {
            vi: `Vòng bình chọn ${awardLevelLabels[round.level]} không gắn với khu vực nào`,
            en: `A ${round.level} round has no region`,
          },
      'award-round.scope-mismatch',
      'regionCode',
    );
  }
  if (round.provinceCode !== null && !provinces.inForceDuring(round.provinceCode, round.year)) {
    throw new RuleViolationError(
      {
        vi: `Đơn vị cấp tỉnh ${round.provinceCode} không tồn tại trong năm ${round.year}`,
        en: `Provincial unit ${round.provinceCode} did not exist in ${round.year}`,
      },
      'award-round.unknown-province',
      'provinceCode',
    );
  }
  return round;
}

/**
 * In practice regional rounds run in even years and national rounds in odd years. That is custom, not law: a
 * round off that rhythm is opened, with a warning for the person who opens it.
 */
export function awardRoundWarnings(round: Pick<AwardRound, 'year' | 'level'>): string[] {
  const even = round.year % 2 === 0;
  if (round.level === 'regional' && !even) {
    return [`Regional rounds normally run in even years; ${round.year} is odd.`];
  }
  if (round.level === 'national' && even) {
    return [`National rounds normally run in odd years; ${round.year} is even.`];
  }
  return [];
}
