import type { SelectQueryBuilder } from 'typeorm';
import type { ListProjectsQuery } from '@kc/contracts';
import {
  COVERAGE_START,
  foldDiacritics,
  provincesOfRegion,
  REORGANISATION_2025_DATE,
  type RegionCode,
} from '@kc/reference-data';
import type { ProjectEntity } from '../infrastructure/persistence/project.entity';

/** The same expression as the trigram index `project_search_trgm`, so the planner can use it. */
const SEARCH_TEXT = `(lower(p.code) || ' ' || p.title_search || ' ' || p.unit_search)`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The codes of a region's units during a plan year: those in force on its first or last day (2025 has
 * both the 63 old and the 34 new units). Without a year, every unit the region has had.
 */
export function regionUnitCodes(region: RegionCode, year: number | undefined): string[] {
  const today = new Date().toISOString().slice(0, 10);
  const dates =
    year === undefined
      ? [COVERAGE_START, REORGANISATION_2025_DATE, today]
      : [`${year}-01-01`, `${year}-12-31`].filter((d) => d >= COVERAGE_START);
  return [...new Set(dates.flatMap((d) => provincesOfRegion(region, d).map((u) => u.code)))];
}

type Filters = Omit<ListProjectsQuery, 'page' | 'limit' | 'provinceCode' | 'unitAsOf'> & {
  /** The codes `listProvinceFilter` gave for the requested unit and the caller's limit; undefined for all. */
  provinceCodes: string[] | undefined;
};

/** Applies the list filters; the caller's province limit has already been folded into `provinceCodes`. */
export function projectListWhere(builder: SelectQueryBuilder<ProjectEntity>, f: Filters): void {
  builder.where('true');
  if (f.q) {
    builder.andWhere(`${SEARCH_TEXT} LIKE :q`, { q: `%${escapeLike(foldDiacritics(f.q))}%` });
  }
  if (f.planId) builder.andWhere('p.plan_id = :planId', { planId: f.planId });
  if (f.year) builder.andWhere('p.plan_year = :year', { year: f.year });
  if (f.provinceCodes) builder.andWhere('p.province_code = ANY(:provinces)', { provinces: f.provinceCodes });
  if (f.regionCode) {
    builder.andWhere('p.province_code = ANY(:regionUnits)', {
      regionUnits: regionUnitCodes(f.regionCode, f.year),
    });
  }
  if (f.status) builder.andWhere('p.status = :status', { status: f.status });
  if (f.activityContent)
    builder.andWhere(':content = ANY(p.activity_contents)', { content: f.activityContent });
  if (f.kind) builder.andWhere('p.kind = :kind', { kind: f.kind });
  if (f.fundingSource) builder.andWhere('p.funding_source = :source', { source: f.fundingSource });
}
