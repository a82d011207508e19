import { Client, type QueryResult, type QueryResultRow } from 'pg';

/** A service's own database as a test reads it behind the service's back (rows, events in the outbox). */
export interface TestDatabase {
  /** Rows are typed by the caller; untyped, as loose as pg's own. */
  query<R extends QueryResultRow = QueryResultRow>(text: string, params?: unknown[]): Promise<QueryResult<R>>;
  rows<R = QueryResultRow>(text: string, params?: unknown[]): Promise<R[]>;
}

export interface ConnectedDatabase extends TestDatabase {
  close(): Promise<void>;
}

export async function connectDatabase(url: string): Promise<ConnectedDatabase> {
  const db = new Client({ connectionString: url });
  await db.connect();
  return {
    query: (text, params) => db.query(text, params),
    rows: async (text, params) => (await db.query(text, params)).rows,
    close: () => db.end(),
  };
}

/** A handle for a database connected later (in a beforeAll): each call goes to the one `current` gives. */
export function deferredDatabase(current: () => TestDatabase): TestDatabase {
  return {
    query: (text, params) => current().query(text, params),
    rows: (text, params) => current().rows(text, params),
  };
}
