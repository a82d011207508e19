import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { IdempotencyRecord } from '../../domain/idempotency';

export type Claim = { claimed: true; marker: string } | { claimed: false; stored: IdempotencyRecord };

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

interface ClaimRow {
  claimed: boolean;
  fingerprint: string | null;
  marker: string | null;
  status: number | null;
  content_type: string | null;
  location: string | null;
  body: Buffer | null;
}

/**
 * One statement, one round trip: inserts the in-flight row, or takes over an expired one; otherwise returns the
 * row the key holds. The CTE and the SELECT share one snapshot, so a row committed by a concurrent claim after
 * it was taken is neither claimed nor seen: no row comes back, and the claim is tried again.
 */
const CLAIM = `
  WITH claimed AS (
    INSERT INTO idempotency_record AS r (key, fingerprint, marker, expires_at)
    VALUES ($1, $2, $3::uuid, now() + $4::int * interval '1 millisecond')
    ON CONFLICT (key) DO UPDATE
      SET fingerprint = EXCLUDED.fingerprint, marker = EXCLUDED.marker, status = NULL, content_type = NULL,
          location = NULL, body = NULL, expires_at = EXCLUDED.expires_at
      WHERE r.expires_at <= now()
    RETURNING true AS claimed
  )
  SELECT claimed, NULL::text AS fingerprint, NULL::uuid AS marker, NULL::int AS status,
         NULL::text AS content_type, NULL::text AS location, NULL::bytea AS body
    FROM claimed
  UNION ALL
  SELECT false, fingerprint, marker, status, content_type, location, body
    FROM idempotency_record
   WHERE key = $1 AND NOT EXISTS (SELECT FROM claimed)`;

function storedRecord(row: ClaimRow): IdempotencyRecord {
  const fingerprint = row.fingerprint!;
  if (row.marker !== null) return { state: 'in-flight', fingerprint, token: row.marker };
  return {
    state: 'completed',
    fingerprint,
    status: row.status!,
    contentType: row.content_type,
    location: row.location,
    body: row.body!.toString('utf8'),
  };
}

/**
 * Idempotency records in the gateway's database (table idempotency_record), kept 24 hours: they outlive a
 * Redis flush or restart, so a retried request is answered from them and never causes a second effect.
 */
@Injectable()
export class IdempotencyStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Atomically marks the key as in flight, or returns what it already holds. The marker expires after
   * `inFlightMs`, so a gateway that dies mid-request does not block the key for a day.
   */
  async claim(idempotencyKey: string, fingerprint: string, inFlightMs: number): Promise<Claim> {
    const marker = randomUUID();
    for (;;) {
      const [row]: ClaimRow[] = await this.dataSource.query(CLAIM, [
        idempotencyKey,
        fingerprint,
        marker,
        inFlightMs,
      ]);
      if (row?.claimed) return { claimed: true, marker };
      if (row) return { claimed: false, stored: storedRecord(row) };
    }
  }

  /** Stores the answer in place of our in-flight marker (compare-and-set: not if the key was taken over). */
  async complete(idempotencyKey: string, marker: string, record: IdempotencyRecord): Promise<void> {
    if (record.state !== 'completed') throw new Error('only a completed request is stored');
    await this.dataSource.query(
      `UPDATE idempotency_record
          SET marker = NULL, fingerprint = $3, status = $4, content_type = $5, location = $6, body = $7,
              expires_at = now() + $8::int * interval '1 millisecond'
        WHERE key = $1 AND marker = $2::uuid`,
      [
        idempotencyKey,
        marker,
        record.fingerprint,
        record.status,
        record.contentType,
        record.location,
        Buffer.from(record.body, 'utf8'),
        IDEMPOTENCY_TTL_MS,
      ],
    );
  }

  /** Frees the key while it still holds our marker, so the client may retry. */
  async release(idempotencyKey: string, marker: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_record WHERE key = $1 AND marker = $2::uuid`, [
      idempotencyKey,
      marker,
    ]);
  }

  /**
   * Deletes up to `limit` expired records (oldest first, by the expiry index); returns how many. Rows another
   * sweeper or a claim holds are skipped, and a row taken over meanwhile is no longer expired, so kept.
   */
  async sweepExpired(limit: number): Promise<number> {
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM idempotency_record
        WHERE expires_at <= now()
          AND key IN (SELECT key FROM idempotency_record WHERE expires_at <= now()
                       ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED)`,
      [limit],
    );
    return deleted;
  }
}
