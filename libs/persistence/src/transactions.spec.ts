import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './transactions';

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
