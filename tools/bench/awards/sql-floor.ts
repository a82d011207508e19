import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';

export interface FloorRow {
  code: string;
  group: string;
  sumTenths: number;
  sheetCount: number;
  passed: boolean;
  rank: number;
}

/**
 * The aggregation the published result rests on, by hand: per entry the sum and count of its sheets, pass
 * (sum ≥ 700 × count, in integers) and its rank within its product group by exact average (equal averages share
 * a rank: 1, 1, 3). One statement over award_score_sheet and award_entry (the group lives on the entry); no
 * panel check, pseudonyms, canonical JSON, hash, certificates or events.
 */
export const FLOOR_SQL = `
  SELECT e.code, e.product_group AS "group", sum(s.total_tenths)::int AS "sumTenths",
         count(*)::int AS "sheetCount",
         sum(s.total_tenths) >= 700 * count(*) AS passed,
         rank() OVER (PARTITION BY e.product_group
                      ORDER BY sum(s.total_tenths)::numeric / count(*) DESC)::int AS rank
  FROM award_score_sheet s JOIN award_entry e ON e.id = s.entry_id
  WHERE s.round_id = $1
  GROUP BY e.product_group, e.id, e.code`;

/** Runs the floor `samples` times after one warm-up run; returns each run's time and the last answer. */
export async function timeFloor(
  db: Client,
  roundId: string,
  samples: number,
): Promise<{ ms: number[]; rows: FloorRow[] }> {
  await db.query(FLOOR_SQL, [roundId]);
  const ms: number[] = [];
  let rows: FloorRow[] = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    rows = (await db.query<FloorRow>(FLOOR_SQL, [roundId])).rows;
    ms.push(performance.now() - t);
  }
  return { ms, rows };
}

/**
 * Where the published figures and the floor's differ (entry by entry: sum, count, pass, rank); empty when they
 * agree. The published result names entries by code, as the floor does.
 */
export function disagreements(published: FloorRow[], floor: FloorRow[]): string[] {
  const byCode = new Map(floor.map((row) => [row.code, row]));
  const out: string[] = [];
  if (published.length !== floor.length)
    out.push(`${published.length} entries published, ${floor.length} by SQL`);
  for (const p of published) {
    const f = byCode.get(p.code);
    if (!f) {
      out.push(`${p.code}: not in the floor's answer`);
      continue;
    }
    for (const field of ['group', 'sumTenths', 'sheetCount', 'passed', 'rank'] as const) {
      if (p[field] !== f[field]) out.push(`${p.code}.${field}: published ${p[field]}, SQL ${f[field]}`);
    }
  }
  return out;
}
