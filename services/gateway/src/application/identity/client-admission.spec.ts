import type { Principal } from '@kc/contracts';
import { ForbiddenError, UnauthenticatedError } from '@kc/errors';
import { rateVerdict } from '../../domain/rate-limit';
import { TooManyRequestsError } from '../too-many-requests';
import {
  ClientAdmission,
  type ClientLookup,
  type RegisteredClient,
  type RequestCounter,
} from './client-admission';

/** Per-minute counts in memory, judged by the same rule as the Redis counters. */
class CountingLimiter implements RequestCounter {
  readonly counts = new Map<string, number>();
  async hit(caller: string, limit: number) {
    const count = (this.counts.get(caller) ?? 0) + 1;
    this.counts.set(caller, count);
    return rateVerdict(count, limit, Date.now());
  }
}

const lookup = (clients: Record<string, RegisteredClient>): ClientLookup => ({
  byId: async (id) => clients[id] ?? null,
});

const principal = (kind: Principal['kind'], id: string, scopes: string[] = []): Principal => ({
  kind,
  id,
  name: id,
  role: 'viewer',
  scopes,
});

describe('client admission', () => {
  let limiter: CountingLimiter;
  let admission: ClientAdmission;

  beforeEach(() => {
    limiter = new CountingLimiter();
    admission = new ClientAdmission(
      lookup({
        'cong-du-lieu': { revokedAt: null, rateLimitPerMinute: 2 },
        'cong-cu': { revokedAt: new Date(), rateLimitPerMinute: 100 },
      }),
      lookup({
        'cong-so-nghe-an': { revokedAt: null, rateLimitPerMinute: 2 },
        'cong-cu': { revokedAt: new Date(), rateLimitPerMinute: 100 },
      }),
      limiter,
    );
  });

  it('leaves a person signed in here to the guard: nothing looked up, nothing counted', async () => {
    await admission.admit(principal('user', 'nguyen.van.a'), undefined, 'projects:write');
    expect(limiter.counts.size).toBe(0);
  });

  it('admits an API client up to its own limit, then refuses with 429 and when to come back', async () => {
    const client = principal('client', 'cong-du-lieu');
    await admission.admit(client, undefined);
    await admission.admit(client, undefined);
    const refusal = await admission.admit(client, undefined).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(TooManyRequestsError);
    const { code, retryAfterSeconds } = refusal as TooManyRequestsError;
    expect(code).toBe('rate.client-limit');
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((refusal as TooManyRequestsError).getResponse()).toMatchObject({
      status: 429,
      messages: {
        vi: 'Ứng dụng API này chỉ được gửi 2 yêu cầu mỗi phút.',
        en: 'This API client may make 2 requests a minute.',
      },
    });
  });

  it('refuses a revoked or unknown API client (401) without counting it', async () => {
    for (const id of ['cong-cu', 'khong-co']) {
      await expect(admission.admit(principal('client', id), undefined)).rejects.toMatchObject({
        constructor: UnauthenticatedError,
        code: 'auth.client-revoked',
      });
    }
    expect(limiter.counts.size).toBe(0);
  });

  it('refuses an external client that is not registered here, or was revoked here (401)', async () => {
    const person = principal('user', 'nguyen.van.a', ['clusters:read']);
    await expect(admission.admit(person, 'ung-dung-la', 'clusters:read')).rejects.toMatchObject({
      constructor: UnauthenticatedError,
      code: 'auth.client-revoked',
      messages: { en: "the identity provider's client ung-dung-la is not registered here" },
    });
    // Revoked outranks a missing scope: the client may not act here at all.
    await expect(admission.admit(person, 'cong-cu', 'projects:write')).rejects.toMatchObject({
      constructor: UnauthenticatedError,
      messages: { en: "the identity provider's client cong-cu was revoked here" },
    });
  });

  it("refuses an external token that does not grant the route's scope (403), uncounted", async () => {
    const person = principal('user', 'nguyen.van.a', ['projects:read']);
    await admission.admit(person, 'cong-so-nghe-an', 'projects:read');
    await admission.admit(person, 'cong-so-nghe-an', undefined);
    await expect(admission.admit(person, 'cong-so-nghe-an', 'projects:write')).rejects.toMatchObject({
      constructor: ForbiddenError,
      code: 'auth.forbidden',
      messages: { en: 'the identity token does not grant the scope projects:write' },
    });
    expect(limiter.counts.get('external:cong-so-nghe-an')).toBe(2);
  });

  it('limits an external client on its own count, whoever signs in through it', async () => {
    await admission.admit(principal('user', 'nguyen.van.a'), 'cong-so-nghe-an');
    await admission.admit(principal('user', 'tran.thi.b'), 'cong-so-nghe-an');
    const refusal = await admission
      .admit(principal('user', 'le.van.c'), 'cong-so-nghe-an')
      .catch((error: unknown) => error);
    expect((refusal as TooManyRequestsError).getResponse()).toMatchObject({
      code: 'rate.client-limit',
      messages: {
        vi: 'Ứng dụng bên ngoài này chỉ được gửi 2 yêu cầu mỗi phút.',
        en: 'This external client may make 2 requests a minute.',
      },
    });
    expect([...limiter.counts]).toEqual([['external:cong-so-nghe-an', 3]]);
  });
});
