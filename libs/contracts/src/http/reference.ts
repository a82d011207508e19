import { z } from 'zod';
import { COVERAGE_START } from '@kc/reference-data';
import { isoDate, provinceCode } from '../primitives';
import { ruleIssue } from '../messages';

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

export interface ProvinceView {
  code: string;
  nameVi: string;
  nameEn: string;
  /** "Tỉnh Sơn La", "Thành phố Hà Nội" */
  fullNameVi: string;
  kind: 'province' | 'city';
  regionCode: 'north' | 'central' | 'south';
  validFrom: string;
  validTo: string | null;
  /** For a unit that has ended: the code of the unit its territory went into. */
  successorCode?: string;
}

/** One unit with its lineage: GET /api/v1/reference/provinces/{code}?asOf=. */
export interface ProvinceDetailView extends ProvinceView {
  /** The date asked about. */
  asOf: string;
  /** False when the code's unit had ended by `asOf`: the view is the unit as it last stood, see successorCode. */
  inForce: boolean;
  /** The units whose territory went into this one on its first day (the unit itself when it continued). */
  predecessors: ProvinceView[];
}

export interface ProvincesView {
  asOf: string;
  items: ProvinceView[];
}

export interface RegionView {
  code: 'north' | 'central' | 'south';
  nameVi: string;
  nameEn: string;
  /** The units of the region on `asOf`. */
  provinceCodes: string[];
}

export interface RegionsView {
  asOf: string;
  items: RegionView[];
}

export interface ActivityContentView {
  code: number;
  nameVi: string;
  nameEn: string;
}

export interface ActivityContentsView {
  items: ActivityContentView[];
}
