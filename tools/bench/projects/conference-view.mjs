// The national conference view under load, next to a hand-written SQL floor for the same figures.
// A part of the projects benchmark (tools/bench/projects): it needs a reporting service whose projections are
// loaded (e.g. 50,000 projects over eight years), its database, and a token the service (or gateway) accepts.
import pg from 'pg';

/**
 * The floor: one hand-written statement giving the view's project figures for the year — per recorded
 * province code and status: count, requested, appraised, allocated (the year's decisions less what stops gave
 * back), contracted, advances, paid, settled, counterpart — plus the year's plan budgets. The service runs the
 * same sums as grouped queries, rolls codes up to today's units and answers JSON over HTTP: the ratio is
 * what that costs.
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

/** Nearest-rank percentile of sorted milliseconds. */
function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
  };
}

async function timed(fn) {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * Measures GET /api/v1/conferences/national?year= one request at a time (latency, not throughput), then the
 * SQL floor on the same database the same number of times, after a warm-up of each.
 *
 * @param {{
 *   url: string,          // base URL serving /api/v1/conferences/national: the reporting service or the gateway
 *   token: string,        // bearer token it accepts (an internal token for the service, a user token for the gateway)
 *   databaseUrl: string,  // the reporting database (read-only use)
 *   year: number,         // the plan year to report
 *   iterations?: number,  // measured requests and queries (default 200)
 *   warmup?: number,      // unmeasured ones first (default 20)
 * }} opts
 * @returns {Promise<{
 *   view: { n: number, p50: number, p99: number, max: number },   // milliseconds
 *   floor: { n: number, p50: number, p99: number, max: number },
 *   ratio: { p50: number, p99: number },                          // view ÷ floor
 *   projects: number,                                             // the year's projects the view counted
 * }>}
 */
export async function measureConferenceView({
  url,
  token,
  databaseUrl,
  year,
  iterations = 200,
  warmup = 20,
}) {
  const endpoint = `${url.replace(/\/$/, '')}/api/v1/conferences/national?year=${year}`;
  let projects = 0;
  const view = async () => {
    const res = await fetch(endpoint, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200)
      throw new Error(`GET ${endpoint} → ${res.status} ${(await res.text()).slice(0, 200)}`);
    projects = (await res.json()).totals.projects;
  };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const floor = () => client.query(FLOOR_SQL, [year]);
    for (let i = 0; i < warmup; i++) await view();
    const viewMs = [];
    for (let i = 0; i < iterations; i++) viewMs.push(await timed(view));
    for (let i = 0; i < warmup; i++) await floor();
    const floorMs = [];
    for (let i = 0; i < iterations; i++) floorMs.push(await timed(floor));
    const v = stats(viewMs);
    const f = stats(floorMs);
    return {
      view: v,
      floor: f,
      ratio: { p50: v.p50 / f.p50, p99: v.p99 / f.p99 },
      projects,
    };
  } finally {
    await client.end();
  }
}
