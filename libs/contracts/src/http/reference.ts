import { z } from 'zod';
import { COVERAGE_START } from '@kc/reference-data';
import { isoDate } from '../primitives';

/** GET /api/v1/reference/provinces — the units in force on `asOf` (default: today in Asia/Ho_Chi_Minh). */
export const listProvincesQuery = z.strictObject({
  asOf: isoDate
    .refine(
      (date) => date >= COVERAGE_START,
      `must not be before ${COVERAGE_START}, the earliest date covered`,
    )
    .optional(),
});
export type ListProvincesQuery = z.infer<typeof listProvincesQuery>;

/** GET /api/v1/reference/regions and /activity-contents take no query parameters. */
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
