import { QueryFailedError, type EntityManager } from 'typeorm';
import { isDatabaseUnavailable, sql } from './transactions';

const pgError = (code: string, message = 'pg error') => Object.assign(new Error(message), { code });
const failedQuery = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection (server down)', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset connection', pgError('ECONNRESET')],
    ['an administrator shutdown of the session (restart)', failedQuery(pgError('57P01'))],
    ['a server still starting up', pgError('57P03', 'the database system is starting up')],
    ['a connection exception', failedQuery(pgError('08006'))],
    ['too many connections', pgError('53300')],
    [
      'a database closed to connections',
      pgError('55000', 'database "kc_plans" is not currently accepting connections'),
    ],
    ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
    ['no connection from the pool in time', new Error('timeout exceeded when trying to connect')],
  ])('is true for %s', (_, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ['a unique violation', failedQuery(pgError('23505'))],
    ['a check violation', failedQuery(pgError('23514'))],
    ['a deadlock (retried by inTransaction, not waited for)', failedQuery(pgError('40P01'))],
    ['a syntax error', failedQuery(pgError('42601'))],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
  ])('is false for %s', (_, error) => expect(isDatabaseUnavailable(error)).toBe(false));
});

describe('sql', () => {
  const runner = (isTransactionActive: boolean) => ({
    isTransactionActive,
    query: jest.fn(async () => ({ records: [{ id: 'b-1' }], raw: [[{ id: 'b-1' }], 1] })),
    release: jest.fn(),
  });
  const managerOf = (queryRunner: ReturnType<typeof runner> | undefined, pooled = runner(false)) =>
    ({ queryRunner, connection: { createQueryRunner: () => pooled } }) as unknown as EntityManager;

  it("answers the rows, RETURNING of an UPDATE included, in the manager's transaction", async () => {
    const inTx = runner(true);
    const rows = await sql(managerOf(inTx), 'UPDATE booth SET x = $1 RETURNING id', [1], {
      inTransaction: true,
    });
    expect(rows).toEqual([{ id: 'b-1' }]);
    expect(inTx.query).toHaveBeenCalledWith('UPDATE booth SET x = $1 RETURNING id', [1], true);
    expect(inTx.release).not.toHaveBeenCalled();
  });

  it('runs on a pooled connection, released after, when the manager has no transaction', async () => {
    const pooled = runner(false);
    expect(await sql(managerOf(undefined, pooled), 'SELECT id FROM booth')).toEqual([{ id: 'b-1' }]);
    expect(pooled.release).toHaveBeenCalledTimes(1);
  });

  it('refuses a statement that needs the transaction when there is none, before running it', async () => {
    const pooled = runner(false);
    await expect(
      sql(managerOf(undefined, pooled), 'SELECT 1 FOR UPDATE', [], { inTransaction: true }),
    ).rejects.toThrow('this statement runs only inside a transaction');
    const idle = runner(false);
    await expect(sql(managerOf(idle), 'SELECT 1 FOR UPDATE', [], { inTransaction: true })).rejects.toThrow();
    expect([pooled.query, idle.query].every((q) => q.mock.calls.length === 0)).toBe(true);
  });
});
