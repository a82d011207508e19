import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  AwardRoundGroup,
  BoothGroup,
  CountGroup,
  PlanGroup,
  ProjectGroup,
  YearFacts,
} from '../../application/year-facts';

/** Postgres sums of bigint come back as numeric strings; a figure must stay an exact integer. */
function exact(value: string | number): number {
  const amount = Number(value);
  if (!Number.isSafeInteger(amount)) throw new RangeError(`figure ${value} is not a safe integer`);
  return amount;
}

const RECORDED = `province_code AS "provinceCode", to_char(province_as_of, 'YYYY-MM-DD') AS "asOf"`;

/**
 * One grouped query per projection (six in all, run together), each returning a row per (code, reading date):
 * at most a few hundred rows whatever the number of facts. Rolling codes up to units happens in the domain.
 */
@Injectable()
export class ConferenceQueries {
  constructor(private readonly dataSource: DataSource) {}

  async factsOf(year: number): Promise<YearFacts> {
    const [plans, projects, clusters, fairs, awardRounds, booths] = await Promise.all([
      this.dataSource.query(
        `SELECT level, ${RECORDED}, count(*) AS count, coalesce(sum(budget_vnd), 0) AS "budgetVnd"
           FROM plan_projection WHERE year = $1
          GROUP BY level, province_code, province_as_of`,
        [year],
      ),
      this.dataSource.query(
        `SELECT ${RECORDED},
                count(*) FILTER (WHERE status = 'registered') AS registered,
                count(*) FILTER (WHERE status = 'approved') AS approved,
                coalesce(sum(requested_support_vnd), 0) AS "requestedSupportVnd",
                coalesce(sum(approved_support_vnd), 0) AS "approvedSupportVnd"
           FROM project_projection WHERE plan_year = $1
          GROUP BY province_code, province_as_of`,
        [year],
      ),
      // Clusters have no year: every registered cluster counts, as of now.
      this.dataSource.query(
        `SELECT ${RECORDED}, count(*) AS count FROM cluster_projection GROUP BY province_code, province_as_of`,
      ),
      this.dataSource.query(
        `SELECT ${RECORDED}, count(*) AS count FROM fair_projection WHERE year = $1
          GROUP BY province_code, province_as_of`,
        [year],
      ),
      this.dataSource.query(
        `SELECT level, region_code AS "regionCode", ${RECORDED}, count(*) AS count
           FROM award_round_projection WHERE year = $1
          GROUP BY level, region_code, province_code, province_as_of`,
        [year],
      ),
      this.dataSource.query(
        `SELECT ${RECORDED},
                coalesce(sum(booth_count) FILTER (WHERE cancelled_at IS NULL), 0) AS allocated,
                coalesce(sum(booth_count) FILTER (WHERE cancelled_at IS NULL AND certified_at IS NOT NULL), 0)
                  AS supported,
                coalesce(sum(support_vnd) FILTER (WHERE cancelled_at IS NULL), 0) AS "supportVnd"
           FROM booth_projection WHERE fair_year = $1
          GROUP BY province_code, province_as_of`,
        [year],
      ),
    ]);
    return {
      plans: plans.map((r: PlanGroup) => ({ ...r, count: exact(r.count), budgetVnd: exact(r.budgetVnd) })),
      projects: projects.map((r: ProjectGroup) => ({
        ...r,
        registered: exact(r.registered),
        approved: exact(r.approved),
        requestedSupportVnd: exact(r.requestedSupportVnd),
        approvedSupportVnd: exact(r.approvedSupportVnd),
      })),
      clusters: clusters.map((r: CountGroup) => ({ ...r, count: exact(r.count) })),
      fairs: fairs.map((r: CountGroup) => ({ ...r, count: exact(r.count) })),
      awardRounds: awardRounds.map((r: AwardRoundGroup) => ({ ...r, count: exact(r.count) })),
      booths: booths.map((r: BoothGroup) => ({
        ...r,
        allocated: exact(r.allocated),
        supported: exact(r.supported),
        supportVnd: exact(r.supportVnd),
      })),
    };
  }
}
