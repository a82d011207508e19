import type { Client } from 'pg';
import type { LoadedEntry } from './entries';
import type { CouncilMember } from './round-setup';
import { splitTotal } from './sheets';

/**
 * Sheets numbered `from`… (entry ⌊k / jurors⌋, juror k mod jurors, as scoring.ts numbers them) straight into
 * award_score_sheet, as the service's PUT would have stored them (scores in tenths, the total, one time for
 * submitted and updated), in batches of unnest() INSERTs: when only the first sheets are measured through the
 * gateway, the round still closes and publishes at full size. No audit rows for these.
 */
export async function insertSheets(
  db: Client,
  roundId: string,
  entries: LoadedEntry[],
  jury: CouncilMember[],
  totals: number[][],
  from: number,
): Promise<number> {
  const count = entries.length * jury.length;
  const batch = 10_000;
  for (let start = from; start < count; start += batch) {
    const cols: unknown[][] = [[], [], [], []];
    for (let k = start; k < Math.min(count, start + batch); k++) {
      const entry = Math.floor(k / jury.length);
      const juror = k % jury.length;
      const total = totals[entry][juror];
      [entries[entry].id, jury[juror].userId, JSON.stringify(splitTotal(total)), total].forEach((v, c) =>
        cols[c].push(v),
      );
    }
    await db.query(
      `INSERT INTO award_score_sheet
         (entry_id, juror_id, round_id, scores_tenths, total_tenths, submitted_at, updated_at)
       SELECT entry, juror, $5, scores::jsonb, total, now(), now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[]) AS t(entry, juror, scores, total)`,
      [...cols, roundId],
    );
  }
  await db.query('ANALYZE award_score_sheet');
  return Math.max(0, count - from);
}
