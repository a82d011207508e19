import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { provincesAsOf } from '@kc/reference-data';
import { readingDateForYear } from '../../../services/reporting/src/domain/province-dates';
import { targetsOf } from '../shared/bench-platform.mjs';

/** The bench profile's reporting database, where the projections are put. */
export function reportingDatabase(): string {
  const url = targetsOf('bench').databases.find((u) => u.endsWith('/kc_bench_reporting'));
  if (!url) throw new Error('the bench profile names no reporting database');
  return url;
}

const STATUSES = ['registered', 'in-plan', 'contracted', 'in-progress', 'accepted'] as const;

/** Like the projects benchmark's data set: a national programme's projects over eight years. */
const YEARS = 8;

/**
 * Puts `count` projects straight into the reporting service's projection (as its consumer would have built them
 * from the projects' events), spread over the eight years up to `year` and over their units, so that the
 * conference views sum a national programme while the benchmark's own writes arrive through the platform.
 */
export async function preloadProjections(databaseUrl: string, year: number, count: number): Promise<void> {
  const db = new Client({ connectionString: databaseUrl, application_name: 'kc-bench-event-lag' });
  await db.connect();
  try {
    const units = provincesAsOf(`${year}-01-01`).map((u) => u.code);
    const planId = randomUUID();
    for (let start = 0; start < count; start += 10_000) {
      const n = Math.min(10_000, count - start);
      const ids = Array.from({ length: n }, () => randomUUID());
      const unitOf = (i: number) => units[Math.floor((start + i) / YEARS) % units.length];
      const yearOf = (i: number) => year - ((start + i) % YEARS);
      await db.query(
        `INSERT INTO project_projection (project_id, code, title, plan_id, plan_year, plan_level, funding_source,
           kind, activity_contents, advance_category, province_code, province_as_of, start_date, end_date, status,
           status_changed_at, requested_support_vnd, appraised_support_vnd, counterpart_vnd, contract_value_vnd,
           contracted_on, advanced_vnd, paid_vnd, registered_at)
         SELECT id, 'BENCH-' || $2::int || '-' || ord, 'Đề án nạp sẵn (benchmark) số ' || ord, $3, y, 'national',
                'KCQG', 'ordinary', ARRAY[1 + ord % 9], 'training-events-media', unit, as_of::date,
                make_date(y, 2, 1), make_date(y, 11, 30), status, now(), support, support, support,
                CASE WHEN status IN ('contracted', 'in-progress', 'accepted') THEN support END,
                CASE WHEN status IN ('contracted', 'in-progress', 'accepted') THEN make_date(y, 3, 1) END,
                0, 0, now()
           FROM unnest($1::uuid[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::int[])
                WITH ORDINALITY AS t(id, unit, as_of, status, support, y, ord)`,
        [
          ids,
          start,
          planId,
          ids.map((_, i) => unitOf(i)),
          ids.map((_, i) => readingDateForYear(unitOf(i), yearOf(i))),
          ids.map((_, i) => STATUSES[(start + i) % STATUSES.length]),
          ids.map((_, i) => (50 + ((start + i) % 950)) * 1_000_000),
          ids.map((_, i) => yearOf(i)),
        ],
      );
    }
    await db.query('ANALYZE project_projection');
  } finally {
    await db.end();
  }
}

export interface HallFigures {
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

const WARM_UP_SECONDS = 3;

/** The hall asking for a few seconds, unmeasured: the gateway's code is compiled hot, as after a minute in a hall. */
export async function warmUpHall(url: string, token: string, connections: number): Promise<void> {
  await autocannon({
    url,
    connections,
    duration: WARM_UP_SECONDS,
    headers: { authorization: `Bearer ${token}` },
  });
}

/** A conference hall: `connections` dashboards asking for the view back to back for `seconds`. */
export async function hallLoad(
  url: string,
  token: string,
  connections: number,
  seconds: number,
): Promise<HallFigures> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    connections,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
