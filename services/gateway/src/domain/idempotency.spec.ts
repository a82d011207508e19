import { decide, fingerprintOf, type IdempotencyRecord } from './idempotency';

const request = {
  method: 'POST',
  path: '/api/v1/plans',
  body: { year: 2026, level: 'national', budgetVnd: 1 },
};
const fingerprint = fingerprintOf(request);
const completed: IdempotencyRecord = {
  state: 'completed',
  fingerprint,
  status: 201,
  contentType: 'application/json',
  location: null,
  body: '{}',
};
const inFlight: IdempotencyRecord = { state: 'in-flight', fingerprint, token: 't-1' };

describe('idempotency decisions', () => {
  it('proceeds when nothing is stored under the key', () => {
    expect(decide(null, fingerprint)).toBe('proceed');
  });

  it('replays a completed request sent again with the same body', () => {
    expect(decide(completed, fingerprint)).toBe('replay');
  });

  it('reports a conflict while the same request is still in flight', () => {
    expect(decide(inFlight, fingerprint)).toBe('in-flight');
  });

  it('refuses a key reused with a different body, whether completed or in flight', () => {
    const other = fingerprintOf({ ...request, body: { ...request.body, budgetVnd: 2 } });
    expect(decide(completed, other)).toBe('mismatch');
    expect(decide(inFlight, other)).toBe('mismatch');
  });

  it('treats the same body with its keys in another order as the same request', () => {
    const reordered = {
      method: 'post',
      path: '/api/v1/plans',
      body: { budgetVnd: 1, level: 'national', year: 2026 },
    };
    expect(fingerprintOf(reordered)).toBe(fingerprint);
  });

  it('treats a key reused on another route as a different request', () => {
    expect(fingerprintOf({ ...request, path: '/api/v1/clusters' })).not.toBe(fingerprint);
  });
});
