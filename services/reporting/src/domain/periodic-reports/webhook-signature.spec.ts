import { signatureHeader, verifySignature } from './webhook-signature';

const secret = 'whsec_test_secret_0123456789';
const body = '{"id":"e1"}';
const t = 1_767_225_600; // 2026-01-01T00:00:00Z

describe('webhook signatures', () => {
  it('sign "<t>.<body>" with HMAC-SHA256 (checked against openssl)', () => {
    expect(signatureHeader([secret], t, body)).toBe(
      't=1767225600,v1=27955eab15f25f62b47c803163026feddea3ce454231d306f8c4c27977fafc07',
    );
  });

  it('verify within the tolerance window, either way, and not outside it', () => {
    const header = signatureHeader([secret], t, body);
    const check = (nowSeconds: number) => verifySignature({ header, body, secrets: [secret], nowSeconds });
    expect(check(t + 300)).toEqual({ ok: true, timestamp: t });
    expect(check(t - 300)).toEqual({ ok: true, timestamp: t });
    expect(check(t + 301)).toEqual({ ok: false, reason: 'outside-tolerance' });
    expect(check(t - 301)).toEqual({ ok: false, reason: 'outside-tolerance' });
  });

  it('fail when the body, the timestamp or the secret differs', () => {
    const header = signatureHeader([secret], t, body);
    const verify = (h: string, b: string, secrets = [secret]) =>
      verifySignature({ header: h, body: b, secrets, nowSeconds: t });
    expect(verify(header, '{"id":"e2"}')).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify(header.replace(`t=${t}`, `t=${t + 1}`), body)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify(header, body, ['another_secret_of_enough_length'])).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('accept any secret in force while a client rotates its secret', () => {
    const next = 'whsec_next_secret_9876543210';
    const header = signatureHeader([secret, next], t, body);
    expect(header.split(',').filter((p) => p.startsWith('v1='))).toHaveLength(2);
    expect(verifySignature({ header, body, secrets: [next], nowSeconds: t }).ok).toBe(true);
    expect(verifySignature({ header, body, secrets: [secret], nowSeconds: t }).ok).toBe(true);
  });

  it.each([
    '',
    'v1=abc',
    `t=${t}`,
    `t=abc,v1=${'0'.repeat(64)}`,
    `t=${t},t=${t},v1=${'0'.repeat(64)}`,
    `t=${t},v1=${'Z'.repeat(64)}`,
  ])('call %j malformed', (header) => {
    expect(verifySignature({ header, body, secrets: [secret], nowSeconds: t })).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('refuse to sign with a short or missing secret', () => {
    expect(() => signatureHeader([], t, body)).toThrow(RangeError);
    expect(() => signatureHeader(['short'], t, body)).toThrow(RangeError);
  });
});
