import { revokedTokenKey, type Principal } from '@kc/contracts';
import { UnavailableError } from '@kc/errors';
import { redisRevocationList, REVOCATIONS_COMPLETE_KEY, revokedClientKey } from './token-verifier';

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
