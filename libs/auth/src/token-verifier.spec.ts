import { generateKeyPair, SignJWT } from 'jose';
import { INTERNAL_AUDIENCE, PRINCIPAL_CLAIM, revokedTokenKey, type Principal } from '@kc/contracts';
import { UnavailableError } from '@kc/errors';
import {
  redisRevocationList,
  REVOCATIONS_COMPLETE_KEY,
  revokedClientKey,
  TokenVerifier,
} from './token-verifier';

const person: Principal = { kind: 'user', id: 'u1', name: 'xem', role: 'viewer', scopes: [] };
const system: Principal = { kind: 'client', id: 'c1', name: 'HT', role: 'viewer', scopes: [] };

/** A Redis holding exactly these keys. */
const redisWith = (...keys: string[]) => {
  const asked: string[][] = [];
  return {
    asked,
    mGet: async (names: string[]) => {
      asked.push(names);
      return names.map((name) => (keys.includes(name) ? '1' : null));
    },
  };
};

describe('revocation list in Redis', () => {
  it('asks for the completeness sentinel and the markers in one command', async () => {
    const redis = redisWith(REVOCATIONS_COMPLETE_KEY);
    await expect(redisRevocationList(redis).isRevoked('j1', system)).resolves.toBe(false);
    expect(redis.asked).toEqual([[REVOCATIONS_COMPLETE_KEY, revokedTokenKey('j1'), revokedClientKey('c1')]]);
  });

  it('finds a revoked token, and every token of a revoked client', async () => {
    const list = redisRevocationList(
      redisWith(REVOCATIONS_COMPLETE_KEY, revokedTokenKey('j1'), revokedClientKey('c1')),
    );
    await expect(list.isRevoked('j1', person)).resolves.toBe(true);
    await expect(list.isRevoked('j2', system)).resolves.toBe(true);
    await expect(list.isRevoked('j2', person)).resolves.toBe(false);
  });

  it('fails closed (503) while the markers are not known to be complete, as after a flush', async () => {
    const flushed = redisRevocationList(redisWith());
    const refusal = flushed.isRevoked('j2', person);
    await expect(refusal).rejects.toBeInstanceOf(UnavailableError);
    await expect(refusal).rejects.toMatchObject({ code: 'auth.revocations-unavailable' });
  });

  it('fails closed (503) when Redis does not answer', async () => {
    const down = redisRevocationList({ mGet: () => Promise.reject(new Error('ECONNREFUSED')) });
    await expect(down.isRevoked('j1', person)).rejects.toMatchObject({
      code: 'auth.revocations-unavailable',
    });
  });
});

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

describe('token verification', () => {
  const issuer = 'kc-gateway';
  let privateKey: KeyPair['privateKey'];
  let publicKey: KeyPair['publicKey'];
  let now: number;
  const revoked = new Set<string>();
  const revocations = { isRevoked: async (jti: string) => revoked.has(jti) };

  beforeAll(async () => {
    ({ privateKey, publicKey } = await generateKeyPair('ES256'));
  });
  beforeEach(() => {
    now = Date.UTC(2026, 11, 6, 9);
    revoked.clear();
  });

  const tokenFor = (jti: string, lifetimeSeconds: number) =>
    new SignJWT({ [PRINCIPAL_CLAIM]: person })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(issuer)
      .setAudience(INTERNAL_AUDIENCE)
      .setJti(jti)
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.floor(now / 1000) + lifetimeSeconds)
      .sign(privateKey);

  /** Counts the signature checks: each asks the key source once. */
  const verifierCounting = () => {
    const lookups = { n: 0 };
    const keys = async () => (lookups.n++, publicKey);
    return { lookups, verifier: new TokenVerifier(keys, issuer, revocations, () => now) };
  };

  it('checks a presented token’s signature once, and its revocation every time', async () => {
    const { lookups, verifier } = verifierCounting();
    const token = await tokenFor('j1', 900);
    await expect(verifier.verify(token)).resolves.toMatchObject({ id: 'u1', jti: 'j1' });
    await verifier.verify(token);
    expect(lookups.n).toBe(1);
    revoked.add('j1');
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'auth.revoked-token' });
  });

  it('checks the signature again after a minute, and refuses the token once it has expired', async () => {
    const { lookups, verifier } = verifierCounting();
    const token = await tokenFor('j2', 90);
    await verifier.verify(token);
    now += 61_000;
    await verifier.verify(token);
    expect(lookups.n).toBe(2);
    now += 30_000;
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'auth.invalid-token' });
  });

  it('refuses a token signed by another key without remembering anything', async () => {
    const { verifier } = verifierCounting();
    const other = await generateKeyPair('ES256');
    const forged = await new SignJWT({ [PRINCIPAL_CLAIM]: person })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(issuer)
      .setAudience(INTERNAL_AUDIENCE)
      .setJti('j3')
      .setExpirationTime('15m')
      .sign(other.privateKey);
    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: 'auth.invalid-token' });
    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: 'auth.invalid-token' });
  });
});
