import { RuleViolationError } from '@kc/errors';
import type { ProvinceDirectory } from './annual-plan';

/** The longest a programme may run: programmes are five-year periods; ten leaves room without admitting typos. */
export const MAX_PROGRAMME_YEARS = 10;

export interface ContentGroupDraft {
  code: string;
  nameVi: string;
  nameEn: string;
  activityContents: number[];
  /** False when the group is taken from a national programme whose split is not confirmed. */
  verified: boolean;
}

export interface ProvincialProgrammeDraft {
  provinceCode: string;
  firstYear: number;
  lastYear: number;
  targets: readonly { contentGroupCode: string }[];
}

export interface NationalPeriod {
  code: string;
  firstYear: number;
  lastYear: number;
  contentGroups: ContentGroupDraft[];
}

/**
 * The content groups a provincial programme reuses from the national programme of its period: the province's
 * years must lie within one national programme, whose taxonomy then applies.
 */
export function nationalGroupsFor(
  programme: Pick<ProvincialProgrammeDraft, 'firstYear' | 'lastYear'>,
  nationals: readonly NationalPeriod[],
): ContentGroupDraft[] {
  const period = nationals.find(
    (n) => n.firstYear <= programme.firstYear && programme.lastYear <= n.lastYear,
  );
  if (!period) {
    throw new RuleViolationError(
      {
        vi:
          `Không có chương trình quốc gia nào bao trọn giai đoạn ${programme.firstYear}–${programme.lastYear}: ` +
          'hãy đặt nhóm nội dung riêng cho chương trình',
        en:
          `No national programme covers ${programme.firstYear}–${programme.lastYear} whole: ` +
          `give the programme its own content groups`,
      },
      'programme.no-national-period',
      'nationalContentGroups',
    );
  }
  return period.contentGroups;
}

/**
 * A province's own programme (KCĐP): at most ten years long, for a unit that existed in every one of its
 * years (so a 2021–2025 programme names one of the 63 old units, a 2026–2030 one a unit of the 34), with every
 * target in one of its content groups.
 */
export function assertProvincialProgramme(
  programme: ProvincialProgrammeDraft,
  groups: readonly Pick<ContentGroupDraft, 'code'>[],
  provinces: ProvinceDirectory,
): void {
  if (programme.lastYear - programme.firstYear + 1 > MAX_PROGRAMME_YEARS) {
    throw new RuleViolationError(
      {
        vi: `Chương trình kéo dài tối đa ${MAX_PROGRAMME_YEARS} năm; ${programme.firstYear}–${programme.lastYear} dài hơn`,
        en: `A programme runs at most ${MAX_PROGRAMME_YEARS} years; ${programme.firstYear}–${programme.lastYear} is longer`,
      },
      'programme.too-long',
      'lastYear',
    );
  }
  for (let year = programme.firstYear; year <= programme.lastYear; year++) {
    if (!provinces.nameDuring(programme.provinceCode, year)) {
      throw new RuleViolationError(
        {
          vi: `Đơn vị cấp tỉnh ${programme.provinceCode} không tồn tại trong năm ${year}, một năm của chương trình`,
          en: `Provincial unit ${programme.provinceCode} did not exist in ${year}, a year of the programme`,
        },
        'programme.unknown-province',
        'provinceCode',
      );
    }
  }
  const codes = new Set(groups.map((g) => g.code));
  programme.targets.forEach((target, i) => {
    if (!codes.has(target.contentGroupCode)) {
      throw new RuleViolationError(
        {
          vi: `Mục tiêu ${i + 1} nêu nhóm nội dung ${target.contentGroupCode}, nhóm mà chương trình không có`,
          en: `Target ${i + 1} names content group ${target.contentGroupCode}, which the programme does not have`,
        },
        'programme.unknown-content-group',
        `targets[${i}].contentGroupCode`,
      );
    }
  });
}
