import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ConferenceClusterPeriod } from '@kc/contracts';
import type {
  ArtisanTitleGroup,
  ClusterRegistryGroup,
  ClusterReportGroup,
  AwardRoundGroup,
  BoothGroup,
  AwardCountGroup,
  ContentGroup,
  CountGroup,
  PlanGroup,
  ProjectGroup,
  YearFacts,
} from '../../application/year-facts';
import { approvedReportsOf } from './periodic-reports/approved-reports.queries';

/** Postgres sums of bigint come back as numeric strings; a figure must stay an exact integer. */
function exact(value: string | number): number {
  const amount = Number(value);
  if (!Number.isSafeInteger(amount)) throw new RangeError(`figure ${value} is not a safe integer`);
  return amount;
}

const RECORDED = `province_code AS "provinceCode", to_char(province_as_of, 'YYYY-MM-DD') AS "asOf"`;

/**
 * The year's projects with their allocation: what the year's decisions left each with (every allocation row
 * carries the change it made), less what a stop gave back to the plan.
 */
const YEAR_PROJECTS = `year_projects AS (
  SELECT p.*, coalesce(a.allocated_vnd, 0) - p.released_vnd AS allocated_vnd
    FROM project_projection p
    LEFT JOIN (SELECT project_id, sum(amount_vnd - previous_vnd) AS allocated_vnd
                 FROM allocation_projection WHERE plan_year = $1 GROUP BY project_id) a USING (project_id)
   WHERE p.plan_year = $1)`;

/** The money of a group of the year's projects. */
const PROJECT_SUMS = `count(*) AS count,
  coalesce(sum(requested_support_vnd), 0) AS "requestedSupportVnd",
  coalesce(sum(appraised_support_vnd), 0) AS "appraisedSupportVnd",
  coalesce(sum(allocated_vnd), 0) AS "allocatedVnd",
  coalesce(sum(contract_value_vnd), 0) AS "contractedVnd",
  coalesce(sum(advanced_vnd), 0) AS "advancedVnd",
  coalesce(sum(paid_vnd), 0) AS "paidVnd",
  coalesce(sum(settled_vnd), 0) AS "settledVnd",
  coalesce(sum(counterpart_vnd), 0) AS "counterpartVnd"`;

const PROJECT_MONEY = [
  'count',
  'requestedSupportVnd',
  'appraisedSupportVnd',
  'allocatedVnd',
  'contractedVnd',
  'advancedVnd',
  'paidVnd',
  'settledVnd',
  'counterpartVnd',
] as const;

/** Parses a driver row in place: it is this call's own, and there are many (a copy each was measurable). */
function projectGroup<G extends ProjectGroup>(row: G): G {
  for (const key of PROJECT_MONEY) row[key] = exact(row[key]);
  return row;
}

/** A certificate's holder code is read on its day of issue (as the awards service recorded it). */
const HOLDER = `province_code AS "provinceCode", to_char(issued_on, 'YYYY-MM-DD') AS "asOf"`;
const YEAR_END = `make_date($1, 12, 31)`;

/**
 * A result row's entrant code is read on the day of entry: the earliest of the round's projected entries under
 * that code, else (its entries not projected yet) `province_as_of`, the last day up to the announcement on which
 * the code named a unit.
 */
const ENTRANT = `r.province_code AS "provinceCode",
  to_char(coalesce(
    (SELECT min(e.submitted_on) FROM award_entry_projection e
      WHERE e.round_id = r.round_id AND e.province_code = r.province_code),
    r.province_as_of), 'YYYY-MM-DD') AS "asOf"`;

/** The tenants and areas of a group of clusters or reports (a registry row without a figure adds 0). */
const CLUSTER_SUMS = `count(*) AS count,
  coalesce(sum(total_area_centi_ha), 0) AS "totalCentiHa",
  coalesce(sum(leasable_area_centi_ha), 0) AS "leasableCentiHa",
  coalesce(sum(leased_area_centi_ha), 0) AS "leasedCentiHa",
  count(*) FILTER (WHERE wastewater_plant_status = 'in-use') AS "withPlantInUse",
  coalesce(sum(tenant_projects), 0) AS projects,
  coalesce(sum(tenant_firms), 0) AS firms,
  coalesce(sum(tenant_workers), 0) AS workers`;

const CLUSTER_FIGURES = [
  'count',
  'totalCentiHa',
  'leasableCentiHa',
  'leasedCentiHa',
  'withPlantInUse',
  'projects',
  'firms',
  'workers',
] as const;

function clusterGroup<G extends ClusterRegistryGroup | ClusterReportGroup>(row: G): G {
  for (const key of CLUSTER_FIGURES) row[key] = exact(row[key]);
  return row;
}

/**
 * The year's approved cluster reports to count, one per cluster: with `annual-else-six-monthly` the annual report
 * when there is one, else the six-monthly (the table keeps each period's latest approval only).
 */
const COUNTED_REPORTS = `counted_reports AS (
  SELECT DISTINCT ON (cluster_id) *
    FROM cluster_report_projection
   WHERE year = $1 AND ($2 = 'annual-else-six-monthly' OR period_kind = $2)
   ORDER BY cluster_id, (period_kind = 'annual') DESC)`;

/**
 * One grouped query per figure family (thirteen in all, run together), each returning a row per (code, reading
 * date): at most a few hundred rows whatever the number of facts (certificates: per day of issue, which a
 * round's certificates share; entries: per day of entry). Rolling codes up to units happens in the domain.
 * Beside them, the year's approved periodic reports (a few per unit).
 */
@Injectable()
export class ConferenceQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** `manager`: a transaction's, for figures read in one snapshot (a frozen pack); by default the pool's. */
  async factsOf(
    year: number,
    manager: EntityManager = this.dataSource.manager,
    clusterPeriod: ConferenceClusterPeriod = 'annual-else-six-monthly',
  ): Promise<YearFacts> {
    const [
      plans,
      projects,
      contents,
      clusterRegistry,
      clusterReports,
      fairs,
      awardRounds,
      booths,
      entries,
      passes,
      issued,
      valid,
      artisanTitles,
      approvedReports,
    ] = await Promise.all([
      manager.query(
        `SELECT level, ${RECORDED}, count(*) AS count, coalesce(sum(budget_vnd), 0) AS "budgetVnd"
           FROM plan_projection WHERE year = $1
          GROUP BY level, province_code, province_as_of`,
        [year],
      ),
      manager.query(
        `WITH ${YEAR_PROJECTS}
         SELECT ${RECORDED}, status, ${PROJECT_SUMS}
           FROM year_projects
          GROUP BY province_code, province_as_of, status`,
        [year],
      ),
      manager.query(
        `WITH ${YEAR_PROJECTS}
         SELECT content AS "activityContent", ${RECORDED}, status, ${PROJECT_SUMS}
           FROM year_projects CROSS JOIN LATERAL unnest(activity_contents) AS content
          GROUP BY content, province_code, province_as_of, status`,
        [year],
      ),
      // The registry has no year: every cluster counts as its latest revision left it, as of now.
      manager.query(
        `SELECT ${RECORDED}, status, ${CLUSTER_SUMS}
           FROM cluster_projection GROUP BY province_code, province_as_of, status`,
      ),
      manager.query(
        `WITH ${COUNTED_REPORTS}
         SELECT ${RECORDED}, period_kind AS "periodKind", ${CLUSTER_SUMS},
                count(*) FILTER (WHERE submitted_late) AS late
           FROM counted_reports GROUP BY province_code, province_as_of, period_kind`,
        [year, clusterPeriod],
      ),
      manager.query(
        `SELECT ${RECORDED}, count(*) AS count FROM fair_projection WHERE year = $1
          GROUP BY province_code, province_as_of`,
        [year],
      ),
      manager.query(
        `SELECT level, region_code AS "regionCode", ${RECORDED}, count(*) AS count
           FROM award_round_projection WHERE year = $1
          GROUP BY level, region_code, province_code, province_as_of`,
        [year],
      ),
      manager.query(
        `SELECT ${RECORDED},
                coalesce(sum(booth_count) FILTER (WHERE cancelled_at IS NULL), 0) AS allocated,
                coalesce(sum(booth_count) FILTER (WHERE cancelled_at IS NULL AND certified_at IS NOT NULL), 0)
                  AS supported,
                coalesce(sum(support_vnd) FILTER (WHERE cancelled_at IS NULL), 0) AS "supportVnd"
           FROM booth_projection WHERE fair_year = $1
          GROUP BY province_code, province_as_of`,
        [year],
      ),
      manager.query(
        `SELECT level, product_group AS "productGroup", province_code AS "provinceCode",
                to_char(submitted_on, 'YYYY-MM-DD') AS "asOf", count(*) AS count
           FROM award_entry_projection WHERE round_year = $1
          GROUP BY level, product_group, province_code, submitted_on`,
        [year],
      ),
      manager.query(
        `SELECT level, product_group AS "productGroup", "provinceCode", "asOf", sum(passed) AS count
           FROM (SELECT r.level, r.product_group, r.passed, ${ENTRANT}
                   FROM award_result_projection r WHERE r.year = $1 AND r.passed > 0) passes
          GROUP BY level, product_group, "provinceCode", "asOf"`,
        [year],
      ),
      manager.query(
        `SELECT level, product_group AS "productGroup", ${HOLDER}, count(*) AS count
           FROM award_certificate_projection WHERE issued_on BETWEEN make_date($1, 1, 1) AND ${YEAR_END}
          GROUP BY level, product_group, province_code, issued_on`,
        [year],
      ),
      // Valid at the year's end: issued by then, not expired then, and not withdrawn on or before that day.
      manager.query(
        `SELECT ${HOLDER}, count(*) AS count
           FROM award_certificate_projection
          WHERE issued_on <= ${YEAR_END} AND valid_until >= ${YEAR_END}
            AND (withdrawn_on IS NULL OR withdrawn_on > ${YEAR_END})
          GROUP BY province_code, issued_on`,
        [year],
      ),
      manager.query(
        `SELECT title, ${RECORDED}, count(*) AS count FROM artisan_title_projection WHERE year = $1
          GROUP BY title, province_code, province_as_of`,
        [year],
      ),
      approvedReportsOf(manager, year),
    ]);
    return {
      plans: plans.map((r: PlanGroup) => ({ ...r, count: exact(r.count), budgetVnd: exact(r.budgetVnd) })),
      projects: projects.map((r: ProjectGroup) => projectGroup(r)),
      contents: contents.map((r: ContentGroup) => projectGroup(r)),
      clusterRegistry: clusterRegistry.map((r: ClusterRegistryGroup) => clusterGroup(r)),
      clusterPeriod,
      clusterReports: clusterReports.map((r: ClusterReportGroup) => ({
        ...clusterGroup(r),
        late: exact(r.late),
      })),
      fairs: fairs.map((r: CountGroup) => ({ ...r, count: exact(r.count) })),
      awardRounds: awardRounds.map((r: AwardRoundGroup) => ({ ...r, count: exact(r.count) })),
      booths: booths.map((r: BoothGroup) => ({
        ...r,
        allocated: exact(r.allocated),
        supported: exact(r.supported),
        supportVnd: exact(r.supportVnd),
      })),
      awardEntries: entries.map((r: AwardCountGroup) => ({ ...r, count: exact(r.count) })),
      awardPasses: passes.map((r: AwardCountGroup) => ({ ...r, count: exact(r.count) })),
      certificatesIssued: issued.map((r: AwardCountGroup) => ({ ...r, count: exact(r.count) })),
      certificatesValid: valid.map((r: CountGroup) => ({ ...r, count: exact(r.count) })),
      artisanTitles: artisanTitles.map((r: ArtisanTitleGroup) => ({ ...r, count: exact(r.count) })),
      approvedReports,
    };
  }
}
