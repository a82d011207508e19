/**
 * The three khuyến công regions, used by regional conferences, regional fairs and regional award rounds.
 * Which region a unit belongs to is stored on each effective-dated unit record (see provinces.data.ts),
 * so the region of a code is always read "as of a date".
 */
export type RegionCode = 'north' | 'central' | 'south';

export interface Region {
  readonly code: RegionCode;
  readonly nameVi: string;
  readonly nameEn: string;
}

export const regions: readonly Region[] = Object.freeze([
  { code: 'north', nameVi: 'Bắc', nameEn: 'Northern' },
  { code: 'central', nameVi: 'Trung – Tây Nguyên', nameEn: 'Central & Highlands' },
  { code: 'south', nameVi: 'Nam', nameEn: 'Southern' },
] as const satisfies readonly Region[]);

export function isRegionCode(value: unknown): value is RegionCode {
  return regions.some((region) => region.code === value);
}
