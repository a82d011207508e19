import { awardLevelLabels } from '@kc/contracts';
import { RuleViolationError } from '@kc/errors';
import type { AwardScope } from './certificate';

/** The entry level is the commune (the district before 07/2025). */
export type AwardLevel = 'commune' | 'provincial' | 'regional' | 'national';
export type RegionCode = 'north' | 'central' | 'south';

/**
 * A round of bình chọn sản phẩm CNNT tiêu biểu: one per year and level, and per province, region or commune
 * below national. `localUnitCode`: the commune's code (5 digits), or the district's (3 digits) before 07/2025.
 */
export interface AwardRound {
  name: string;
  year: number;
  level: AwardLevel;
  provinceCode: string | null;
  regionCode: RegionCode | null;
  localUnitCode: string | null;
  closesOn: string | null;
}

export interface ProvinceDirectory {
  /** True if the code names a provincial unit in force at some point of `year`. */
  inForceDuring(code: string, year: number): boolean;
}

/** The last year the district was the entry level; from 01/07/2025 it is the commune. */
const LAST_DISTRICT_ROUND_YEAR = 2025;
const FIRST_COMMUNE_ROUND_YEAR = 2025;

/**
 * Opens a round. A provincial round belongs to one provincial unit that existed in its year (a 2024 round uses
 * the 63 old units), a regional round to one region, a national round to neither; a commune round to a commune
 * (a district, in the years before 07/2025) of a provincial unit.
 */
export function openAwardRound(round: AwardRound, provinces: ProvinceDirectory): AwardRound {
  const needsProvince = round.level === 'provincial' || round.level === 'commune';
  if (needsProvince !== (round.provinceCode !== null)) {
    throw new RuleViolationError(
      needsProvince
        ? {
            vi: `Vòng bình chọn ${awardLevelLabels[round.level]} phải có tỉnh`,
            en: `A ${round.level} round needs a province`,
          }
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
  if ((round.level === 'commune') !== (round.localUnitCode !== null)) {
    throw new RuleViolationError(
      round.level === 'commune'
        ? {
            vi: 'Vòng bình chọn cấp xã (cấp huyện trước 07/2025) phải có mã xã (mã huyện)',
            en: 'A commune round needs its commune (district before 07/2025) code',
          }
        : {
            vi: `Vòng bình chọn ${awardLevelLabels[round.level]} không gắn với xã hay huyện nào`,
            en: `A ${round.level} round has no commune or district`,
          },
      'award-round.scope-mismatch',
      'localUnitCode',
    );
  }
  if (round.localUnitCode !== null) assertLocalUnitOfItsYear(round.localUnitCode, round.year);
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

/** A district round (3 digits) up to 2025, when the district tier ended; a commune round (5 digits) from 2025. */
function assertLocalUnitOfItsYear(code: string, year: number): void {
  const district = code.length === 3;
  if (district ? year > LAST_DISTRICT_ROUND_YEAR : year < FIRST_COMMUNE_ROUND_YEAR) {
    throw new RuleViolationError(
      district
        ? {
            vi: `Cấp huyện không còn từ 01/07/2025: vòng bình chọn năm ${year} ở cấp cơ sở là cấp xã, mã xã gồm 5 chữ số`,
            en: `The district tier ended on 2025-07-01: a ${year} entry-level round is a commune round, with a 5-digit commune code`,
          }
        : {
            vi: `Trước 07/2025 vòng bình chọn cấp cơ sở do cấp huyện tổ chức: vòng năm ${year} dùng mã huyện gồm 3 chữ số`,
            en: `Before 07/2025 entry-level rounds were held by districts: a ${year} round uses a 3-digit district code`,
          },
      'award-round.local-unit-of-another-era',
      'localUnitCode',
    );
  }
}

/** The scope certificates and entries read a round by. */
export function awardScopeOf(
  round: Pick<AwardRound, 'level' | 'provinceCode' | 'regionCode' | 'localUnitCode'>,
): AwardScope {
  switch (round.level) {
    case 'national':
      return { level: 'national' };
    case 'regional':
      return { level: 'regional', regionCode: round.regionCode! };
    case 'provincial':
      return { level: 'provincial', provinceCode: round.provinceCode! };
    case 'commune':
      return { level: 'commune', provinceCode: round.provinceCode!, localUnitCode: round.localUnitCode! };
  }
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
