import { RuleViolationError, type Bilingual } from '@kc/errors';

/**
 * Scoring of one product by one juror (Circular 26/2014/TT-BCT as amended): four criteria, 100 points in all.
 * Every score is kept in integer tenths of a point (35.5 points = 355) so sums and comparisons stay exact.
 */
export const criterionIds = [
  'market',
  'economic-technical-social-environmental',
  'cultural-aesthetic',
  'other',
] as const;
export type CriterionId = (typeof criterionIds)[number];

export interface SubCriterion {
  /** Lower-case letters, digits and hyphens: it names the score on a sheet. */
  id: string;
  label: Bilingual;
  maxTenths: number;
}

export interface Criterion {
  id: CriterionId;
  label: Bilingual;
  maxTenths: number;
  /** Empty: the criterion is scored as a whole. Otherwise the sheet scores each sub-criterion instead. */
  subCriteria: SubCriterion[];
}

/** The criteria of a round: always the four statutory ones; a round may split each into sub-criteria. */
export interface CriteriaConfig {
  criteria: Criterion[];
}

/** The statutory criteria and maxima, not split. */
export const statutoryCriteria: CriteriaConfig = {
  criteria: [
    {
      id: 'market',
      label: {
        vi: 'Đáp ứng thị trường và khả năng phát triển sản xuất',
        en: 'Market fit and capacity to grow production',
      },
      maxTenths: 400,
      subCriteria: [],
    },
    {
      id: 'economic-technical-social-environmental',
      label: {
        vi: 'Kinh tế – kỹ thuật – xã hội và môi trường',
        en: 'Economic, technical, social and environmental',
      },
      maxTenths: 400,
      subCriteria: [],
    },
    {
      id: 'cultural-aesthetic',
      label: { vi: 'Tính văn hóa và thẩm mỹ', en: 'Cultural and aesthetic value' },
      maxTenths: 100,
      subCriteria: [],
    },
    {
      id: 'other',
      label: { vi: 'Tiêu chí khác', en: 'Other criteria' },
      maxTenths: 100,
      subCriteria: [],
    },
  ],
};

/** Tenths of a point shown as points: 355 → "35.5", 400 → "40". */
export const tenthsAsPoints = (tenths: number): string =>
  tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
/** The same in Vietnamese writing, with a decimal comma: 355 → "35,5". */
const tenthsAsPointsVi = (tenths: number): string => tenthsAsPoints(tenths).replace('.', ',');

const configError = (vi: string, en: string, code: string, field: string): RuleViolationError =>
  new RuleViolationError({ vi, en }, `award-criteria.${code}`, field);

/** Refuses a round's criteria unless they are the statutory four with their maxima and consistent splits. */
export function checkCriteriaConfig(config: CriteriaConfig): CriteriaConfig {
  const ids = config.criteria.map((c) => c.id);
  const statutory = statutoryCriteria.criteria;
  const sameCriteria =
    ids.length === statutory.length &&
    statutory.every((s, i) => ids[i] === s.id && config.criteria[i].maxTenths === s.maxTenths);
  if (!sameCriteria) {
    throw configError(
      'Tiêu chí chấm điểm phải gồm đúng bốn tiêu chí theo quy định, theo thứ tự: đáp ứng thị trường (40 điểm), kinh tế – kỹ thuật – xã hội và môi trường (40), văn hóa và thẩm mỹ (10), tiêu chí khác (10)',
      'The criteria must be exactly the four statutory ones, in order: market fit (40 points), economic-technical-social-environmental (40), cultural-aesthetic (10), other (10)',
      'statutory-mismatch',
      'criteria',
    );
  }
  config.criteria.forEach((criterion, i) => {
    const field = `criteria.${i}`;
    if (!criterion.label.vi.trim() || !criterion.label.en.trim()) {
      throw configError(
        `Tiêu chí ${criterion.id} phải có tên bằng tiếng Việt và tiếng Anh`,
        `Criterion ${criterion.id} needs a Vietnamese and an English name`,
        'missing-label',
        `${field}.label`,
      );
    }
    const seen = new Set<string>();
    criterion.subCriteria.forEach((sub, j) => {
      const subField = `${field}.subCriteria.${j}`;
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(sub.id) || seen.has(sub.id)) {
        throw configError(
          `Tiêu chí thành phần “${sub.id}” của “${criterion.label.vi}” phải có mã riêng gồm chữ thường, chữ số và dấu gạch nối`,
          `Sub-criterion “${sub.id}” of “${criterion.label.en}” needs its own id of lower-case letters, digits and hyphens`,
          'invalid-sub-criterion-id',
          `${subField}.id`,
        );
      }
      seen.add(sub.id);
      if (!Number.isSafeInteger(sub.maxTenths) || sub.maxTenths <= 0) {
        throw configError(
          `Điểm tối đa của tiêu chí thành phần “${sub.label.vi}” phải dương và có nhiều nhất một chữ số thập phân`,
          `The maximum of sub-criterion “${sub.label.en}” must be positive with at most one decimal`,
          'invalid-max',
          `${subField}.maxTenths`,
        );
      }
      if (!sub.label.vi.trim() || !sub.label.en.trim()) {
        throw configError(
          `Tiêu chí thành phần ${sub.id} phải có tên bằng tiếng Việt và tiếng Anh`,
          `Sub-criterion ${sub.id} needs a Vietnamese and an English name`,
          'missing-label',
          `${subField}.label`,
        );
      }
    });
    const subSum = criterion.subCriteria.reduce((sum, sub) => sum + sub.maxTenths, 0);
    if (criterion.subCriteria.length > 0 && subSum !== criterion.maxTenths) {
      throw configError(
        `Tổng điểm tối đa các tiêu chí thành phần của “${criterion.label.vi}” là ${tenthsAsPointsVi(subSum)}, phải bằng ${tenthsAsPointsVi(criterion.maxTenths)} điểm`,
        `The sub-criteria maxima of “${criterion.label.en}” sum to ${tenthsAsPoints(subSum)}; they must sum to ${tenthsAsPoints(criterion.maxTenths)} points`,
        'sub-criteria-sum',
        `${field}.subCriteria`,
      );
    }
  });
  return config;
}

/** A criterion's score: a number, or one per sub-criterion when the round splits it. */
export type CriterionScore<T> = T | Record<string, T>;
/** Scores keyed by criterion id. */
export type SheetScores<T> = Record<string, CriterionScore<T>>;

/** A sheet as a juror enters it: scores in points with at most one decimal. */
export interface ScoreSheetInput {
  jurorId: string;
  entryCode: string;
  scores: SheetScores<number>;
}

/** A sheet in exact form: scores in integer tenths of a point. */
export interface ScoreSheet {
  jurorId: string;
  entryCode: string;
  scoresTenths: SheetScores<number>;
}

export interface ScoredSheet extends ScoreSheet {
  totalTenths: number;
}

const sheetError = (vi: string, en: string, code: string, field: string): RuleViolationError =>
  new RuleViolationError({ vi, en }, `score-sheet.${code}`, field);

/** Points with at most one decimal → tenths; anything finer is refused rather than rounded. */
function pointsToTenths(points: number, label: Bilingual, field: string): number {
  const tenths = Math.round(points * 10);
  // A one-decimal value times ten lands within float noise of an integer; 35.55 × 10 does not.
  if (!Number.isFinite(points) || Math.abs(points * 10 - tenths) > 1e-9) {
    throw sheetError(
      `Điểm “${label.vi}” (${String(points).replace('.', ',')}) chỉ được có nhiều nhất một chữ số thập phân`,
      `The score for “${label.en}” (${points}) may have at most one decimal`,
      'too-precise',
      field,
    );
  }
  return tenths;
}

/** Converts a sheet entered in points to tenths, refusing scores with more than one decimal. */
export function sheetInTenths(config: CriteriaConfig, input: ScoreSheetInput): ScoreSheet {
  const scoresTenths: SheetScores<number> = {};
  for (const [criterionId, score] of Object.entries(input.scores)) {
    const criterion = config.criteria.find((c) => c.id === criterionId);
    const labelOf = (subId: string): Bilingual =>
      criterion?.subCriteria.find((s) => s.id === subId)?.label ?? { vi: subId, en: subId };
    scoresTenths[criterionId] =
      typeof score === 'number'
        ? pointsToTenths(
            score,
            criterion?.label ?? { vi: criterionId, en: criterionId },
            `scores.${criterionId}`,
          )
        : Object.fromEntries(
            Object.entries(score).map(([subId, points]) => [
              subId,
              pointsToTenths(points, labelOf(subId), `scores.${criterionId}.${subId}`),
            ]),
          );
  }
  return { jurorId: input.jurorId, entryCode: input.entryCode, scoresTenths };
}

function checkedTenths(tenths: unknown, maxTenths: number, label: Bilingual, field: string): number {
  if (typeof tenths !== 'number' || !Number.isSafeInteger(tenths)) {
    throw sheetError(
      `Điểm “${label.vi}” phải là số phần mười điểm (số nguyên)`,
      `The score for “${label.en}” must be a whole number of tenths of a point`,
      'not-tenths',
      field,
    );
  }
  if (tenths < 0 || tenths > maxTenths) {
    throw sheetError(
      `Điểm “${label.vi}” là ${tenthsAsPointsVi(tenths)}, phải từ 0 đến ${tenthsAsPointsVi(maxTenths)}`,
      `The score for “${label.en}” is ${tenthsAsPoints(tenths)}; it must be from 0 to ${tenthsAsPoints(maxTenths)}`,
      'out-of-range',
      field,
    );
  }
  return tenths;
}

/** The score of one criterion: the whole score, or the sum of its sub-criteria's. */
function criterionTenths(criterion: Criterion, score: CriterionScore<number> | undefined): number {
  const field = `scores.${criterion.id}`;
  if (score === undefined) {
    throw sheetError(
      `Phiếu chấm thiếu điểm “${criterion.label.vi}”`,
      `The sheet lacks a score for “${criterion.label.en}”`,
      'missing-score',
      field,
    );
  }
  if (criterion.subCriteria.length === 0) {
    if (typeof score === 'object') {
      throw sheetError(
        `Vòng bình chọn không chia tiêu chí “${criterion.label.vi}” thành tiêu chí thành phần: chấm một điểm cho cả tiêu chí`,
        `The round does not split “${criterion.label.en}” into sub-criteria: give one score for the criterion`,
        'not-split',
        field,
      );
    }
    return checkedTenths(score, criterion.maxTenths, criterion.label, field);
  }
  if (typeof score !== 'object' || score === null) {
    throw sheetError(
      `Vòng bình chọn chia tiêu chí “${criterion.label.vi}” thành tiêu chí thành phần: chấm điểm từng tiêu chí thành phần`,
      `The round splits “${criterion.label.en}” into sub-criteria: score each sub-criterion`,
      'sub-criteria-required',
      field,
    );
  }
  const unknown = Object.keys(score).find((id) => !criterion.subCriteria.some((s) => s.id === id));
  if (unknown !== undefined) {
    throw sheetError(
      `Tiêu chí “${criterion.label.vi}” không có tiêu chí thành phần “${unknown}”`,
      `Criterion “${criterion.label.en}” has no sub-criterion “${unknown}”`,
      'unknown-sub-criterion',
      `${field}.${unknown}`,
    );
  }
  // Each part is within its maximum and the maxima sum to the criterion's (checkCriteriaConfig), so the sum is too.
  return criterion.subCriteria.reduce((sum, sub) => {
    if (!(sub.id in score)) {
      throw sheetError(
        `Phiếu chấm thiếu điểm “${sub.label.vi}” của tiêu chí “${criterion.label.vi}”`,
        `The sheet lacks a score for “${sub.label.en}” of “${criterion.label.en}”`,
        'missing-score',
        `${field}.${sub.id}`,
      );
    }
    return sum + checkedTenths(score[sub.id], sub.maxTenths, sub.label, `${field}.${sub.id}`);
  }, 0);
}

/** Checks a sheet in tenths against the round's criteria and gives it its total (at most 1,000 tenths). */
export function scoreSheet(config: CriteriaConfig, sheet: ScoreSheet): ScoredSheet {
  checkCriteriaConfig(config);
  const unknown = Object.keys(sheet.scoresTenths).find((id) => !config.criteria.some((c) => c.id === id));
  if (unknown !== undefined) {
    throw sheetError(
      `Không có tiêu chí “${unknown}” trong vòng bình chọn`,
      `The round has no criterion “${unknown}”`,
      'unknown-criterion',
      `scores.${unknown}`,
    );
  }
  const totalTenths = config.criteria.reduce(
    (sum, criterion) => sum + criterionTenths(criterion, sheet.scoresTenths[criterion.id]),
    0,
  );
  return { ...sheet, totalTenths };
}
