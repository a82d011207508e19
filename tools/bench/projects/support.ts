import { Client } from 'pg';
import { ms, type Summary } from '../shared/stats';

/** One row of the benchmark's table: name, n, p50, p95, p99, max. */
export const row = (name: string, s: Summary) =>
  `  ${name.padEnd(44)}${String(s.n).padStart(6)}${[s.p50, s.p95, s.p99, s.max].map((v) => ms(v).padStart(10)).join('')}`;

export const header = () =>
  `  ${''.padEnd(44)}${'n'.padStart(6)}${['p50', 'p95', 'p99', 'max'].map((h) => h.padStart(10)).join('')}`;

/** `count` connections to the database `db` is connected to (the SQL floors' parallel clients). */
export async function connections(db: Client, count: number, name: string): Promise<Client[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const c = new Client({
        host: db.host,
        port: db.port,
        user: db.user,
        database: db.database,
        password: (db as unknown as { password?: string }).password,
        application_name: name,
      });
      await c.connect();
      return c;
    }),
  );
}

export async function dropScratch(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  await admin
    .query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    .catch((e: Error) => console.log(`! ${e.message}`));
  await admin.end();
}
