import { RuleViolationError, type Bilingual } from '@kc/errors';
import type { IsoDate } from '@kc/reference-data';
import { viDate, type DecisionAuthority } from './decision';
import { percent, type Ratio } from './exact-ratio';
import type { CentiHectares } from './hectares';

/** The mountain-district and craft-village clusters have a lower floor than the rest. */
export type SizeCategory = 'standard' | 'mountain-district' | 'craft-village';

export const sizeCategoryLabels: Record<SizeCategory, Bilingual> = {
  standard: { vi: 'cụm công nghiệp', en: 'a cluster' },
  'mountain-district': { vi: 'cụm công nghiệp ở huyện miền núi', en: 'a cluster in a mountain district' },
  'craft-village': { vi: 'cụm công nghiệp làng nghề', en: 'a craft-village cluster' },
};

export type SharedInfrastructure = 'roads' | 'power' | 'water' | 'drainage' | 'wastewater-plant';

/** The steps whose decision the decree assigns to one authority. */
export type DecreeDecidedStep = 'establish' | 'expand' | 'adjust' | 'remove';

/** A bound on an area: `inclusive` says whether the limit itself passes. */
export interface AreaLimit {
  centiHa: CentiHectares;
  inclusive: boolean;
}

/**
 * One version of the decree's rules on clusters, as data with the provision each rule comes from. A new decree
 * gets a new set beside the old ones (never an edit of one): a step is judged by the set in force on the date of
 * its decision.
 */
export interface ClusterRuleSet {
  id: string;
  title: Bilingual;
  validFrom: IsoDate;
  /** The last day in force; null while in force. */
  validTo: IsoDate | null;
  /** What was checked against a source, and what was not. */
  verification: string;
  size: { minCentiHa: Record<SizeCategory, CentiHectares>; maxCentiHa: CentiHectares; basis: Bilingual };
  /** Establishing needs the cluster's place on the province's approved list (or plan). */
  provincialList: { listName: Bilingual; basis: Bilingual };
  /** Establishing needs an organisation that asks to be the infrastructure developer. */
  developer: { basis: Bilingual };
  /**
   * Establishing where clusters already exist in the area: their mean occupancy above `meanAbove`, or their
   * industrial land not yet leased within `orUnleasedWithin`.
   */
  areaOccupancy: { meanAbove: Ratio; orUnleasedWithin: AreaLimit; basis: Bilingual };
  expansion: {
    maxTotal: { centiHa: CentiHectares; basis: Bilingual };
    developer: { basis: Bilingual };
    /** The cluster's own occupancy at least this, or a demand for industrial land above what it has. */
    occupancy: { atLeast: Ratio; basis: Bilingual };
    sharedInfrastructure: { completed: readonly SharedInfrastructure[]; basis: Bilingual };
  };
  decidingAuthority: { authority: DecisionAuthority; steps: readonly DecreeDecidedStep[]; basis: Bilingual };
}

const article = (vi: string, en: string): Bilingual => ({ vi, en });

/**
 * Decree 68/2017/NĐ-CP as amended by Decree 66/2020/NĐ-CP. The thresholds are those of the 2017 text;
 * 66/2020 recast the planning of clusters (the provincial "development plan"), and whether it changed these
 * figures was not confirmed.
 */
const DECREE_68_2017: ClusterRuleSet = {
  id: 'nd-68-2017',
  title: article(
    'Nghị định 68/2017/NĐ-CP (sửa đổi, bổ sung bởi Nghị định 66/2020/NĐ-CP)',
    'Decree 68/2017/ND-CP (as amended by Decree 66/2020/ND-CP)',
  ),
  validFrom: '2017-07-15',
  validTo: '2024-04-30',
  verification:
    'Checked: in force 15/07/2017; size 10–75 ha (5 ha floor for mountain districts and craft villages) in ' +
    'Article 2(1); conditions (mean occupancy > 50 % or unleased land < 50 ha; expansion ≥ 60 % or demand, ' +
    'shared infrastructure completed and in regular operation, ≤ 75 ha) from summaries of the 2017 text. ' +
    'Not checked: the article numbering of the conditions, the deciding authority, and any change by 66/2020.',
  size: {
    minCentiHa: { standard: 1000, 'mountain-district': 500, 'craft-village': 500 },
    maxCentiHa: 7500,
    basis: article('khoản 1 Điều 2 Nghị định 68/2017/NĐ-CP', 'Article 2(1) of Decree 68/2017/ND-CP'),
  },
  provincialList: {
    listName: article(
      'quy hoạch (phương án) phát triển cụm công nghiệp của tỉnh',
      "the province's industrial cluster development plan",
    ),
    basis: article('Nghị định 68/2017/NĐ-CP', 'Decree 68/2017/ND-CP'),
  },
  developer: { basis: article('Nghị định 68/2017/NĐ-CP', 'Decree 68/2017/ND-CP') },
  areaOccupancy: {
    meanAbove: percent(50),
    orUnleasedWithin: { centiHa: 5000, inclusive: false },
    basis: article('Nghị định 68/2017/NĐ-CP', 'Decree 68/2017/ND-CP'),
  },
  expansion: {
    maxTotal: { centiHa: 7500, basis: article('Nghị định 68/2017/NĐ-CP', 'Decree 68/2017/ND-CP') },
    developer: { basis: article('Nghị định 68/2017/NĐ-CP', 'Decree 68/2017/ND-CP') },
    occupancy: { atLeast: percent(60), basis: article('Nghị định 68/2017/NĐ-CP', 'Decree 68/2017/ND-CP') },
    sharedInfrastructure: {
      completed: ['roads', 'power', 'water', 'drainage', 'wastewater-plant'],
      basis: article('Nghị định 68/2017/NĐ-CP', 'Decree 68/2017/ND-CP'),
    },
  },
  decidingAuthority: {
    authority: 'provincial-peoples-committee',
    steps: ['establish', 'expand', 'adjust', 'remove'],
    basis: article('Nghị định 68/2017/NĐ-CP', 'Decree 68/2017/ND-CP'),
  },
};

/** Decree 32/2024/NĐ-CP, which replaced 68/2017 and 66/2020 from 01/05/2024. */
const DECREE_32_2024: ClusterRuleSet = {
  id: 'nd-32-2024',
  title: article('Nghị định 32/2024/NĐ-CP', 'Decree 32/2024/ND-CP'),
  validFrom: '2024-05-01',
  validTo: null,
  verification:
    'Checked: issued 15/03/2024, in force 01/05/2024, replacing 68/2017 and 66/2020; Article 2(1) size; ' +
    'Article 8(1)(a–c) and 8(2)(a–d) conditions, with the essential shared works named as internal roads, water ' +
    'supply and wastewater collection and treatment. From a secondary source only: the provincial ' +
    "People's Committee deciding establishment, expansion, adjustment and removal (Articles 10 and 12).",
  size: {
    minCentiHa: { standard: 1000, 'mountain-district': 500, 'craft-village': 500 },
    maxCentiHa: 7500,
    basis: article('khoản 1 Điều 2 Nghị định 32/2024/NĐ-CP', 'Article 2(1) of Decree 32/2024/ND-CP'),
  },
  provincialList: {
    listName: article(
      'Danh mục các cụm công nghiệp trên địa bàn cấp tỉnh đã được phê duyệt',
      "the approved list of the province's industrial clusters",
    ),
    basis: article(
      'điểm a khoản 1 Điều 8 Nghị định 32/2024/NĐ-CP',
      'Article 8(1)(a) of Decree 32/2024/ND-CP',
    ),
  },
  developer: {
    basis: article(
      'điểm b khoản 1 Điều 8 Nghị định 32/2024/NĐ-CP',
      'Article 8(1)(b) of Decree 32/2024/ND-CP',
    ),
  },
  areaOccupancy: {
    meanAbove: percent(50),
    orUnleasedWithin: { centiHa: 10000, inclusive: true },
    basis: article(
      'điểm c khoản 1 Điều 8 Nghị định 32/2024/NĐ-CP',
      'Article 8(1)(c) of Decree 32/2024/ND-CP',
    ),
  },
  expansion: {
    maxTotal: {
      centiHa: 7500,
      basis: article(
        'điểm a khoản 2 Điều 8 Nghị định 32/2024/NĐ-CP',
        'Article 8(2)(a) of Decree 32/2024/ND-CP',
      ),
    },
    developer: {
      basis: article(
        'điểm b khoản 2 Điều 8 Nghị định 32/2024/NĐ-CP',
        'Article 8(2)(b) of Decree 32/2024/ND-CP',
      ),
    },
    occupancy: {
      atLeast: percent(60),
      basis: article(
        'điểm c khoản 2 Điều 8 Nghị định 32/2024/NĐ-CP',
        'Article 8(2)(c) of Decree 32/2024/ND-CP',
      ),
    },
    sharedInfrastructure: {
      completed: ['roads', 'water', 'wastewater-plant'],
      basis: article(
        'điểm d khoản 2 Điều 8 Nghị định 32/2024/NĐ-CP',
        'Article 8(2)(d) of Decree 32/2024/ND-CP',
      ),
    },
  },
  decidingAuthority: {
    authority: 'provincial-peoples-committee',
    steps: ['establish', 'expand', 'adjust', 'remove'],
    basis: article(
      'Điều 10 và Điều 12 Nghị định 32/2024/NĐ-CP',
      'Articles 10 and 12 of Decree 32/2024/ND-CP',
    ),
  },
};

/** Oldest first; the periods never overlap (a test holds them to that). */
export const clusterRuleSets: readonly ClusterRuleSet[] = [DECREE_68_2017, DECREE_32_2024];

/** The rule set in force on `date` (the date of a step's decision). */
export function ruleSetOn(date: IsoDate): ClusterRuleSet {
  const found = clusterRuleSets.find((s) => s.validFrom <= date && (s.validTo === null || date <= s.validTo));
  if (!found) {
    const first = clusterRuleSets[0].validFrom;
    throw new RuleViolationError(
      {
        vi: `Hệ thống chưa có quy định về cụm công nghiệp áp dụng cho quyết định ngày ${viDate(date)} (quy định sớm nhất được ghi nhận có hiệu lực từ ${viDate(first)})`,
        en: `No cluster rules are recorded for a decision dated ${date} (the earliest recorded rules apply from ${first})`,
      },
      'cluster.no-rule-set',
      'decision.date',
    );
  }
  return found;
}
