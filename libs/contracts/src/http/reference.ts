import { z } from 'zod';
import { COVERAGE_START } from '@kc/reference-data';
import { activityContentCode, isoDate, provinceCode } from '../primitives';
import { ruleIssue } from '../messages';
import { listOf } from './pagination';

/**
 * GET /api/v1/reference/provinces, /provinces/{code} and /regions — `asOf` (default: today in
 * Asia/Ho_Chi_Minh) must be a real calendar date, YYYY-MM-DD, not before the data coverage starts.
 */
export const listProvincesQuery = z.strictObject({
  asOf: isoDate
    .refine(
      (date) => date >= COVERAGE_START,
      ruleIssue(
        'not-before-coverage',
        `không được trước ${COVERAGE_START}, ngày sớm nhất có dữ liệu`,
        `must not be before ${COVERAGE_START}, the earliest date covered`,
      ),
    )
    .optional(),
});
export type ListProvincesQuery = z.infer<typeof listProvincesQuery>;
export const provinceQuery = listProvincesQuery;
export const regionsQuery = listProvincesQuery;

export const provinceParams = z.strictObject({ code: provinceCode });
export type ProvinceParams = z.infer<typeof provinceParams>;

/** GET /api/v1/reference/activity-contents takes no query parameters. */
export const noReferenceQuery = z.strictObject({});

const regionCode = z.enum(['north', 'central', 'south']);

export const provinceView = z.object({
  code: provinceCode,
  nameVi: z.string(),
  nameEn: z.string(),
  /** "Tỉnh Sơn La", "Thành phố Hà Nội" */
  fullNameVi: z.string(),
  kind: z.enum(['province', 'city']),
  regionCode,
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  /** For a unit that has ended: the code of the unit its territory went into (absent while in force). */
  successorCode: provinceCode.optional(),
});
export type ProvinceView = z.infer<typeof provinceView>;

/** One unit with its lineage: GET /api/v1/reference/provinces/{code}?asOf=. */
export const provinceDetailView = provinceView.extend({
  /** The date asked about. */
  asOf: isoDate,
  /** False when the code's unit had ended by `asOf`: the view is the unit as it last stood, see successorCode. */
  inForce: z.boolean(),
  /** The units whose territory went into this one on its first day (the unit itself when it continued). */
  predecessors: z.array(provinceView),
});
export type ProvinceDetailView = z.infer<typeof provinceDetailView>;

export const provincesView = z.object({
  asOf: isoDate,
  items: z.array(provinceView),
});
export type ProvincesView = z.infer<typeof provincesView>;

export const regionView = z.object({
  code: regionCode,
  nameVi: z.string(),
  nameEn: z.string(),
  /** The units of the region on `asOf`. */
  provinceCodes: z.array(provinceCode),
});
export type RegionView = z.infer<typeof regionView>;

export const regionsView = z.object({
  asOf: isoDate,
  items: z.array(regionView),
});
export type RegionsView = z.infer<typeof regionsView>;

export const activityContentView = z.object({
  code: activityContentCode,
  nameVi: z.string(),
  nameEn: z.string(),
});
export type ActivityContentView = z.infer<typeof activityContentView>;

export const activityContentsView = listOf(activityContentView);
export type ActivityContentsView = z.infer<typeof activityContentsView>;
