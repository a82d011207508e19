import { problemStatuses, takesIdempotencyKey } from './openapi-problems';

describe('problem answers declared per operation', () => {
  it('gives a public read only the answers of the edge', () => {
    expect(problemStatuses('get', '/api/v1/reference/regions', true)).toEqual([400, 429, 500, 503]);
  });

  it('adds authentication, not-found and the refusals of a write', () => {
    expect(problemStatuses('post', '/api/v1/projects/{id}/contract', false)).toEqual([
      400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503,
    ]);
  });

  it('takes an Idempotency-Key on writes, never on the credential exchanges or reads', () => {
    expect(takesIdempotencyKey('post', '/api/v1/projects')).toBe(true);
    expect(takesIdempotencyKey('post', '/api/v1/auth/token')).toBe(false);
    expect(takesIdempotencyKey('get', '/api/v1/projects')).toBe(false);
  });
});
