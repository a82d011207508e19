import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, exportPKCS8, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import {
  redisRevocationList,
  REVOCATIONS_COMPLETE_KEY,
  revokedClientKey,
  TokenVerifier,
  type RevocationList,
} from '@kc/auth';
import { INTERNAL_AUDIENCE, revokedTokenKey, type Principal } from '@kc/contracts';
import { UnauthenticatedError } from '@kc/errors';
import { SigningKeys } from './signing-keys';
import { TokenIssuer } from './token-issuer';

const officer: Principal = {
  kind: 'user',
  id: '6f1c2a34-0b7e-4c1d-9a55-2f0d1e8b7c11',
  name: 'sct.40',
  role: 'province-officer',
  provinceCode: '40',
  scopes: ['projects:write'],
};

const newKeys = async (kid?: string) =>
  SigningKeys.fromPem(
    await exportPKCS8((await generateKeyPair('ES256', { extractable: true })).privateKey),
    kid,
  );

const nothingRevoked: RevocationList = { isRevoked: async () => false };

async function refusal(verifier: TokenVerifier, token: string): Promise<string> {
  try {
    await verifier.verify(token);
  } catch (error) {
    expect(error).toBeInstanceOf(UnauthenticatedError);
    return (error as UnauthenticatedError).code;
  }
  throw new Error('the token was accepted');
}

describe('access tokens: signing and verifying', () => {
  let keys: SigningKeys;
  let issuer: TokenIssuer;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    keys = await newKeys();
    issuer = new TokenIssuer(keys, 'kc-gateway', 900);
    verifier = new TokenVerifier(keys.keySource, 'kc-gateway', nothingRevoked);
  });

  it('round-trips the principal, with a jti, an expiry and the key id in the header', async () => {
    const issued = await issuer.issue(officer);
    const verified = await verifier.verify(issued.token);
    expect(verified).toEqual({ ...officer, jti: issued.jti, exp: issued.expiresAt });
    expect(issued.expiresAt - Math.floor(Date.now() / 1000)).toBeGreaterThan(890);
    const header = JSON.parse(Buffer.from(issued.token.split('.')[0], 'base64url').toString());
    expect(header).toMatchObject({ alg: 'ES256', kid: keys.kid });
  });

  it('reads a PEM key from the environment, with escaped newlines and a chosen key id', async () => {
    const pem = await exportPKCS8((await generateKeyPair('ES256', { extractable: true })).privateKey);
    const fromEnv = await SigningKeys.fromPem(pem.replace(/\n/g, '\\n'), 'prod-2026');
    expect(fromEnv.kid).toBe('prod-2026');
    const token = (await new TokenIssuer(fromEnv, 'kc-gateway', 60).issue(officer)).token;
    const envVerifier = new TokenVerifier(fromEnv.keySource, 'kc-gateway', nothingRevoked);
    await expect(envVerifier.verify(token)).resolves.toMatchObject({ name: 'sct.40' });
  });

  it('publishes the public key only, with kid, alg and use', () => {
    expect(keys.publicJwks).toEqual([
      expect.objectContaining({ kty: 'EC', crv: 'P-256', kid: keys.kid, alg: 'ES256', use: 'sig' }),
    ]);
    expect(keys.publicJwks[0]).not.toHaveProperty('d');
  });

  it('refuses a token signed by another key, even one claiming our key id', async () => {
    const other = await newKeys(keys.kid);
    const forged = await new TokenIssuer(other, 'kc-gateway', 900).issue({
      ...officer,
      role: 'central-admin',
    });
    expect(await refusal(verifier, forged.token)).toBe('auth.invalid-token');
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const [header, payload, signature] = (await issuer.issue(officer)).token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    claims.kc.role = 'central-admin';
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect(await refusal(verifier, tampered)).toBe('auth.invalid-token');
  });

  it('refuses an expired token', async () => {
    const expired = await issuer.issue(officer, -5);
    expect(await refusal(verifier, expired.token)).toBe('auth.invalid-token');
    await expect(verifier.verify(expired.token)).rejects.toThrow('expired');
  });

  it('refuses a token for another audience or from another issuer', async () => {
    const sign = (issuerName: string, audience: string) =>
      new SignJWT({ kc: officer })
        .setProtectedHeader({ alg: 'ES256', kid: keys.kid })
        .setIssuer(issuerName)
        .setAudience(audience)
        .setJti(randomUUID())
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(keys.privateKey);
    expect(await refusal(verifier, await sign('kc-gateway', 'someone-else'))).toBe('auth.invalid-token');
    expect(await refusal(verifier, await sign('evil-issuer', INTERNAL_AUDIENCE))).toBe('auth.invalid-token');
  });

  it('refuses an unsigned token (alg none) and an HMAC token keyed with the public key', async () => {
    const unsigned = new UnsecuredJWT({ kc: officer })
      .setIssuer('kc-gateway')
      .setAudience(INTERNAL_AUDIENCE)
      .setJti(randomUUID())
      .setExpirationTime('5m')
      .encode();
    expect(await refusal(verifier, unsigned)).toBe('auth.invalid-token');
    const hmac = await new SignJWT({ kc: officer })
      .setProtectedHeader({ alg: 'HS256', kid: keys.kid })
      .setIssuer('kc-gateway')
      .setAudience(INTERNAL_AUDIENCE)
      .setJti(randomUUID())
      .setExpirationTime('5m')
      .sign(Buffer.from(JSON.stringify(keys.publicJwks[0])));
    expect(await refusal(verifier, hmac)).toBe('auth.invalid-token');
  });

  it('refuses a revoked token (logout) and every token of a revoked API client', async () => {
    const marked = new Set<string>([REVOCATIONS_COMPLETE_KEY]);
    const redis = { mGet: async (names: string[]) => names.map((n) => (marked.has(n) ? '1' : null)) };
    const checking = new TokenVerifier(keys.keySource, 'kc-gateway', redisRevocationList(redis));

    const person = await issuer.issue(officer);
    await checking.verify(person.token);
    marked.add(revokedTokenKey(person.jti));
    expect(await refusal(checking, person.token)).toBe('auth.revoked-token');

    const clientId = randomUUID();
    const system = await issuer.issue({
      kind: 'client',
      id: clientId,
      name: 'HT Nghệ An',
      role: 'province-officer',
      provinceCode: '40',
      scopes: ['projects:write'],
    });
    await checking.verify(system.token);
    marked.add(revokedClientKey(clientId));
    expect(await refusal(checking, system.token)).toBe('auth.revoked-token');
  });

  it('accepts a token of a previously stored key as long as the key is published', async () => {
    const [old, current] = [await newKeys('k-old'), await newKeys('k-new')];
    const both = new TokenVerifier(
      createLocalJWKSet({ keys: [...old.publicJwks, ...current.publicJwks] }),
      'kc-gateway',
      nothingRevoked,
    );
    const token = (await new TokenIssuer(old, 'kc-gateway', 60).issue(officer)).token;
    await expect(both.verify(token)).resolves.toMatchObject({ name: 'sct.40' });
  });
});
