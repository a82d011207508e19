// The national conference view under load, next to a hand-written SQL floor for the same figures.
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { HttpPool } from '../booth-rush/http-pool';
import { summarise, type Summary } from '../shared/stats';

/**
 * The floor: one hand-written statement giving the view's project figures for the year — per recorded
 * province code and status: count, requested, appraised, allocated (the year's decisions less what stops gave
 * back), contracted, advances, paid, settled, counterpart — plus the year's plan budgets. The service runs the
 * same sums as grouped queries (and the per-content, cluster, fair, award-round and booth ones), rolls codes up
 * to today's units and answers JSON over HTTP: the ratio is what that costs.
 */
export const FLOOR_SQL = `
  WITH alloc AS (
    SELECT project_id, sum(amount_vnd - previous_vnd) AS allocated_vnd
      FROM allocation_projection WHERE plan_year = $1 GROUP BY project_id)
  SELECT p.province_code, p.province_as_of, p.status, count(*) AS projects,
         sum(p.requested_support_vnd) AS requested, sum(p.appraised_support_vnd) AS appraised,
         sum(coalesce(a.allocated_vnd, 0) - p.released_vnd) AS allocated,
         sum(p.contract_value_vnd) AS contracted, sum(p.advanced_vnd) AS advanced, sum(p.paid_vnd) AS paid,
         sum(p.settled_vnd) AS settled, sum(p.counterpart_vnd) AS counterpart,
         (SELECT sum(budget_vnd) FROM plan_projection WHERE year = $1) AS plan_budget
    FROM project_projection p LEFT JOIN alloc a USING (project_id)
   WHERE p.plan_year = $1
   GROUP BY p.province_code, p.province_as_of, p.status`;

export interface ConferenceViewOptions {
  /** Serves /api/v1/conferences/national: the reporting service or the gateway. */
  url: string;
  /** A bearer token it accepts (an internal token for the service, a user token for the gateway). */
  token: string;
  /** The reporting database (read only). */
  databaseUrl: string;
  year: number;
  /** Measured requests and queries (default 200). */
  iterations?: number;
  /** Unmeasured ones of each first (default 20). */
  warmup?: number;
}

export interface ConferenceViewFigures {
  view: Summary;
  floor: Summary;
  /** view ÷ floor */
  ratio: { p50: number; p99: number };
  /** The year's projects the view counted (totals.projects); the floor counted the same. */
  projects: number;
  /** Σ allocated over the year's projects, as the view and the floor both give it. */
  allocatedVnd: number;
}

/**
 * GET /api/v1/conferences/national?year= one request at a time (latency, not throughput) and the SQL floor on
 * the same database, alternately, so that a change in the machine's load weighs on both alike. Throws when the
 * two disagree on the number of projects or on Σ allocated.
 */
export async function measureConferenceView({
  url,
  token,
  databaseUrl,
  year,
  iterations = 200,
  warmup = 20,
}: ConferenceViewOptions): Promise<ConferenceViewFigures> {
  const path = `/api/v1/conferences/national?year=${year}`;
  const http = new HttpPool(url, 1);
  const db = new Client({ connectionString: databaseUrl, application_name: 'kc-bench-conference-view' });
  await db.connect();
  try {
    let projects = 0;
    let allocatedVnd = 0;
    const view = async () => {
      const answer = await http.expect<{ totals: { projects: number; allocatedVnd: number } }>(
        200,
        'GET',
        path,
        {
          token,
        },
      );
      ({ projects, allocatedVnd } = answer.totals);
    };
    let floorProjects = 0;
    let floorAllocated = 0;
    const floor = async () => {
      const { rows } = await db.query<{ projects: string; allocated: string }>(FLOOR_SQL, [year]);
      floorProjects = rows.reduce((sum, r) => sum + Number(r.projects), 0);
      floorAllocated = rows.reduce((sum, r) => sum + Number(r.allocated), 0);
    };
    const timed = async (fn: () => Promise<void>) => {
      const t = performance.now();
      await fn();
      return performance.now() - t;
    };
    for (let i = 0; i < warmup; i++) {
      await view();
      await floor();
    }
    const viewMs: number[] = [];
    const floorMs: number[] = [];
    for (let i = 0; i < iterations; i++) {
      viewMs.push(await timed(view));
      floorMs.push(await timed(floor));
    }
    if (projects !== floorProjects || allocatedVnd !== floorAllocated)
      throw new Error(
        `conference view ${year}: the view counts ${projects} projects and ${allocatedVnd} VND allocated, ` +
          `the SQL ${floorProjects} and ${floorAllocated}`,
      );
    const v = summarise(viewMs) as Summary;
    const f = summarise(floorMs) as Summary;
    return { view: v, floor: f, ratio: { p50: v.p50 / f.p50, p99: v.p99 / f.p99 }, projects, allocatedVnd };
  } finally {
    http.close();
    await db.end();
  }
}
