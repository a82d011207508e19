import { DataSource } from 'typeorm';
import { createScratchDatabase } from '@kc/testing';
import { MessagingTables1763900000000 } from '../../src';

/** A scratch database with the outbox/inbox tables and a projection that counts how often each event applied. */
export async function scratchMessagingDatabase(
  name: string,
): Promise<{ url: string; dataSource: DataSource }> {
  const url = await createScratchDatabase(name);
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: [MessagingTables1763900000000],
    migrationsRun: true,
  });
  await dataSource.initialize();
  await dataSource.query(`CREATE TABLE applied (aggregate_id text PRIMARY KEY, times int NOT NULL)`);
  return { url, dataSource };
}

/** A projection write that would show a duplicate: it counts applications instead of overwriting. */
export const countApplication = `INSERT INTO applied (aggregate_id, times) VALUES ($1, 1)
  ON CONFLICT (aggregate_id) DO UPDATE SET times = applied.times + 1`;
