import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { withConcurrency } from './http-pool';

export interface FloorResult {
  transactions: number;
  held: number;
  refused: number;
  elapsedMs: number;
  latencyMs: number[];
  /** Booths taken twice or beyond the copy's inventory, and counters past capacity: must be 0. */
  overbooked: number;
}

/**
 * The bare allocation statements of trade-fairs (BoothAllocation.tryHold), on a scratch copy of one fair's
 * booth and booth_bucket rows in the trade-fairs database: per request one transaction with the conditional
 * counter UPDATE (the province's quota, else the pool) and the SKIP LOCKED take of a free booth. No HTTP, no
 * registration row, no outbox: the floor the platform's request path is measured against.
 */
export class SqlFloor {
  private readonly booths: string;
  private readonly buckets: string;
  private created = false;

  constructor(
    private readonly databaseUrl: string,
    runId: string,
  ) {
    this.booths = `bench_booth_rush_${runId}_booth`;
    this.buckets = `bench_booth_rush_${runId}_bucket`;
  }

  /** Copies the fair's rows while they are fresh (all booths free, no quota used). */
  async copyFair(fairId: string): Promise<number> {
    return this.withClient(async (db) => {
      await db.query(`CREATE TABLE ${this.booths} (LIKE booth INCLUDING ALL)`);
      await db.query(`CREATE TABLE ${this.buckets} (LIKE booth_bucket INCLUDING ALL)`);
      this.created = true;
      const { rowCount } = await db.query(
        `INSERT INTO ${this.booths} SELECT * FROM booth WHERE fair_id = $1`,
        [fairId],
      );
      await db.query(`INSERT INTO ${this.buckets} SELECT * FROM booth_bucket WHERE fair_id = $1`, [fairId]);
      return rowCount ?? 0;
    });
  }

  /** One transaction per request, `connections` at a time, each worker on its own connection. */
  async run(
    fairId: string,
    requests: readonly { provinceCode: string }[],
    connections: number,
  ): Promise<FloorResult> {
    const clients = await Promise.all(
      Array.from({ length: connections }, async () => {
        const c = new Client({ connectionString: this.databaseUrl, application_name: 'kc-bench-booth-rush' });
        await c.connect();
        return c;
      }),
    );
    const free = [...clients];
    const latencyMs: number[] = [];
    let held = 0;
    const started = performance.now();
    try {
      await withConcurrency(requests, connections, async (request) => {
        const db = free.pop() as Client;
        const t = performance.now();
        try {
          if (await this.hold(db, fairId, request.provinceCode)) held++;
        } finally {
          latencyMs.push(performance.now() - t);
          free.push(db);
        }
      });
    } finally {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    }
    const elapsedMs = performance.now() - started;
    return {
      transactions: requests.length,
      held,
      refused: requests.length - held,
      elapsedMs,
      latencyMs,
      overbooked: await this.overbooked(),
    };
  }

  /** Drops the scratch tables; returns what it could not drop. */
  async close(): Promise<string[]> {
    if (!this.created) return [];
    return this.withClient(async (db) => {
      await db.query(`DROP TABLE IF EXISTS ${this.booths}, ${this.buckets}`);
      return [];
    }).catch(() => [this.booths, this.buckets]);
  }

  /** BoothAllocation.tryHold for one standard booth, with its deadlock retry. */
  private async hold(db: Client, fairId: string, provinceCode: string): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await db.query('BEGIN');
        let taken = false;
        for (const bucket of [provinceCode, 'pool']) {
          const charged = await db.query(
            `UPDATE ${this.buckets} SET used = used + $3
              WHERE fair_id = $1 AND bucket = $2 AND used + $3 <= capacity RETURNING bucket`,
            [fairId, bucket, 1],
          );
          if (charged.rowCount === 0) continue;
          const booths = await db.query<{ id: string }>(
            `SELECT id, code FROM ${this.booths} WHERE fair_id = $1 AND kind = $2 AND state = 'free'
              ORDER BY code LIMIT $3 FOR UPDATE SKIP LOCKED`,
            [fairId, 'standard', 1],
          );
          if (booths.rowCount === 0) break; // rolled back below, like the service's give-back
          await db.query(
            `UPDATE ${this.booths} SET state = 'held', registration_id = $1 WHERE id = ANY($2::uuid[])`,
            [randomUUID(), booths.rows.map((b) => b.id)],
          );
          taken = true;
          break;
        }
        await db.query(taken ? 'COMMIT' : 'ROLLBACK');
        return taken;
      } catch (error) {
        await db.query('ROLLBACK').catch(() => undefined);
        const code = (error as { code?: string }).code;
        if (attempt >= 8 || (code !== '40P01' && code !== '40001')) throw error;
      }
    }
  }

  private overbooked(): Promise<number> {
    return this.withClient(async (db) => {
      const { rows } = await db.query<{ n: number }>(
        `SELECT (SELECT count(*)::int FROM ${this.buckets} WHERE used > capacity)
              + greatest(0, (SELECT count(*)::int FROM ${this.booths} WHERE state <> 'free')
                          - (SELECT coalesce(sum(capacity), 0)::int FROM ${this.buckets})) AS n`,
      );
      return rows[0].n;
    });
  }

  private async withClient<T>(work: (db: Client) => Promise<T>): Promise<T> {
    const db = new Client({ connectionString: this.databaseUrl, application_name: 'kc-bench-booth-rush' });
    await db.connect();
    try {
      return await work(db);
    } finally {
      await db.end().catch(() => undefined);
    }
  }
}
