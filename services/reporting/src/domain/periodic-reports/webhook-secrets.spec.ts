import { signatureHeader, verifySignature } from './webhook-signature';
import {
  rotateSecrets,
  SECRET_OVERLAP_SECONDS,
  secretsInForce,
  type SigningSecrets,
} from './webhook-secrets';

const old = 'old_secret_0123456789abcdef0123456789';
const fresh = 'new_secret_0123456789abcdef0123456789';
const t0 = Date.UTC(2026, 3, 8, 2, 0, 0);
const body = '{"id":"e1"}';

describe('webhook secret rotation', () => {
  it('signs with the new secret and the old one during the overlap, then with the new one only', () => {
    const rotated = rotateSecrets({ current: old, previous: null }, fresh, t0);
    expect(rotated).toEqual({ current: fresh, previous: { secret: old, expiresAtMs: t0 + 86_400_000 } });
    expect(secretsInForce(rotated, t0)).toEqual([fresh, old]);
    expect(secretsInForce(rotated, t0 + SECRET_OVERLAP_SECONDS * 1000 - 1)).toEqual([fresh, old]);
    expect(secretsInForce(rotated, t0 + SECRET_OVERLAP_SECONDS * 1000)).toEqual([fresh]);
  });

  it('lets a receiver holding either secret verify a delivery signed in the overlap', () => {
    const secrets = secretsInForce(
      rotateSecrets({ current: old, previous: null }, fresh, t0),
      t0 + 3_600_000,
    );
    const seconds = (t0 + 3_600_000) / 1000;
    const header = signatureHeader(secrets, seconds, body);
    for (const held of [[old], [fresh]]) {
      expect(verifySignature({ header, body, secrets: held, nowSeconds: seconds })).toEqual({
        ok: true,
        timestamp: seconds,
      });
    }
  });

  it('keeps at most two secrets: a second rotation in the overlap retires the oldest at once', () => {
    const third = 'third_secret_0123456789abcdef012345';
    const once = rotateSecrets({ current: old, previous: null }, fresh, t0);
    const twice = rotateSecrets(once, third, t0 + 60_000);
    expect(secretsInForce(twice, t0 + 60_000)).toEqual([third, fresh]);
  });

  it('retires the old secret at once with an overlap of 0 (a leaked secret)', () => {
    const rotated = rotateSecrets({ current: old, previous: null }, fresh, t0, 0);
    expect(rotated.previous).toBeNull();
    expect(secretsInForce(rotated, t0)).toEqual([fresh]);
  });

  it('refuses an overlap beyond a day, a fractional one, and a secret used before', () => {
    const secrets: SigningSecrets = { current: old, previous: null };
    expect(() => rotateSecrets(secrets, fresh, t0, SECRET_OVERLAP_SECONDS + 1)).toThrow(RangeError);
    expect(() => rotateSecrets(secrets, fresh, t0, 1.5)).toThrow(RangeError);
    expect(() => rotateSecrets(secrets, fresh, t0, -1)).toThrow(RangeError);
    expect(() => rotateSecrets(secrets, old, t0)).toThrow(/not used before/);
    const once = rotateSecrets(secrets, fresh, t0);
    expect(() => rotateSecrets(once, old, t0)).toThrow(/not used before/);
  });
});
