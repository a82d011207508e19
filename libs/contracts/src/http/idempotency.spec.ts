import { canonicalJson, isFinalAnswer, isValidIdempotencyKey, requestFingerprint } from './idempotency';

describe('Idempotency-Key', () => {
  it('accepts 1–200 visible ASCII characters as a key', () => {
    expect(isValidIdempotencyKey('a')).toBe(true);
    expect(isValidIdempotencyKey('9f1c2a34-0b7e-4c1d-9a55-2f0d1e8b7c11')).toBe(true);
    expect(isValidIdempotencyKey('x'.repeat(200))).toBe(true);
    for (const bad of ['', 'x'.repeat(201), 'has space', 'tab\there', 'khóa', 'new\nline']) {
      expect(isValidIdempotencyKey(bad)).toBe(false);
    }
  });

  it('keeps a completed write and a refusal of the request itself, never a refusal that depends on state', () => {
    expect([200, 201, 202, 400, 413, 415].every(isFinalAnswer)).toBe(true);
    expect([401, 403, 404, 409, 422, 429, 500, 502, 503, 504].some(isFinalAnswer)).toBe(false);
  });

  it('writes JSON with sorted keys at every depth, dropping undefined members', () => {
    expect(canonicalJson({ z: true, a: [1, { c: 'đ', b: null, d: undefined }] })).toBe(
      '{"a":[1,{"b":null,"c":"đ"}],"z":true}',
    );
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('fingerprints the same scope and body alike whatever the key order, and anything else apart', () => {
    const body = { year: 2026, level: 'national', budgetVnd: 1 };
    const fingerprint = requestFingerprint('user:u-1', body);
    expect(requestFingerprint('user:u-1', { budgetVnd: 1, level: 'national', year: 2026 })).toBe(fingerprint);
    expect(requestFingerprint('user:u-2', body)).not.toBe(fingerprint);
    expect(requestFingerprint('user:u-1', { ...body, budgetVnd: 2 })).not.toBe(fingerprint);
  });

  it('keeps the stored format: SHA-256 hex of the scope, a newline and the canonical body', () => {
    expect(requestFingerprint('user:u-1', { z: true, a: [1, { c: 'đ', b: null }] })).toBe(
      'ec1f630a03062d653fe06a2076b2d7d389477073677e6ade90a1c356c9516bf5',
    );
  });
});
