/**
 * Direct reads of the chaos profile's databases: the ground truth the read models are compared with, and the
 * outboxes and inboxes. A fresh connection per query, tried again while Postgres is coming back.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { chaosEnv } from './gateway';

export const DATABASES = {
  plans: 'plans',
  projects: 'projects',
  clusters: 'clusters',
  'trade-fairs': 'trade_fairs',
  awards: 'awards',
  reporting: 'reporting',
  gateway: 'gateway',
} as const;
export type ServiceName = keyof typeof DATABASES;
export const SERVICES = Object.keys(DATABASES) as ServiceName[];

export async function query<T = Record<string, unknown>>(
  service: ServiceName,
  sql: string,
  params: unknown[] = [],
  deadlineMs = 60_000,
): Promise<T[]> {
  const url = new URL(chaosEnv('KC_CHAOS_PG_URL'));
  url.pathname = `/kc_chaos_${DATABASES[service]}`;
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const client = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 3_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.query(sql, params)).rows as T[];
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      // Connection refused or cut, or the server starting or shutting down: it will answer again.
      const transient = /^(ECONN|57P0|08)/.test(code) || /terminat|timeout|Connection/i.test(String(error));
      if (!transient || Date.now() > deadline) throw error;
      await sleep(250);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** How many outbox rows each service has not published yet (only rows written before `before`, if given). */
export async function unpublished(before?: Date): Promise<Record<ServiceName, number>> {
  const counts = await Promise.all(
    SERVICES.map(async (service) => {
      const [row] = await query<{ n: number }>(
        service,
        `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL AND ($1::timestamptz IS NULL OR created_at < $1)`,
        [before ?? null],
      );
      return [service, row.n] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<ServiceName, number>;
}

/**
 * Events a consumer handled more than once. The inbox's key forbids a second row, so this looks at effects:
 * a handler records one audit entry per record it changes, naming the event, in the inbox transaction — the
 * same entry twice for one event means the handler's writes committed twice.
 */
export async function handledTwice(): Promise<
  { service: ServiceName; event: string; resource: string; times: number }[]
> {
  const found = await Promise.all(
    SERVICES.map(async (service) =>
      (
        await query<{ event: string; resource: string; times: number }>(
          service,
          `SELECT envelope->'payload'->>'causedByEvent' AS event,
                  concat(envelope->'payload'->>'action', ' ', envelope->'payload'->>'resourceId') AS resource,
                  count(*)::int AS times
             FROM outbox
            WHERE type = 'audit.record.appended' AND envelope->'payload'->>'causedByEvent' IS NOT NULL
            GROUP BY 1, 2 HAVING count(*) > 1`,
        )
      ).map((row) => ({ service, ...row })),
    ),
  );
  return found.flat();
}
