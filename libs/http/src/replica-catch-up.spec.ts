import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConflictError, RuleViolationError, UnavailableError } from '@kc/errors';
import { runWithContext } from '@kc/observability';
import { OwnerClient, passesOn, withReplicaCatchUp } from './replica-catch-up';

const notAppraised = () =>
  new RuleViolationError(
    { vi: 'Đề án P đã gửi Bộ', en: 'Project P is submitted' },
    'decision.project-not-appraised',
    'allocations[0]',
  );
const owner = new OwnerClient('projects', 'http://127.0.0.1:9');
const alone = new OwnerClient('projects', undefined);

describe('a refusal judged on a copy of another service’s facts', () => {
  it('stands when the owner refuses too', async () => {
    let attempts = 0;
    const run = withReplicaCatchUp({
      owner,
      lagCodes: ['decision.project-not-appraised'],
      attempt: async () => {
        attempts++;
        throw notAppraised();
      },
      ownerAllows: async () => false,
    });
    await expect(run).rejects.toMatchObject({ code: 'decision.project-not-appraised' });
    expect(attempts).toBe(1);
  });

  it('is tried again until the copy catches up when the owner would allow it', async () => {
    let copyCaughtUp = false;
    let asked = 0;
    const result = await withReplicaCatchUp({
      owner,
      lagCodes: ['decision.project-not-appraised'],
      attempt: async () => {
        if (!copyCaughtUp) throw notAppraised();
        return 'decided';
      },
      ownerAllows: async () => {
        asked++;
        setImmediate(() => (copyCaughtUp = true));
        return true;
      },
    });
    expect([result, asked]).toEqual(['decided', 1]);
  });

  it('becomes a retryable 503 consistency.replica-behind when the copy does not catch up in time', async () => {
    const run = withReplicaCatchUp({
      owner,
      waitMs: 60,
      lagCodes: ['decision.project-not-appraised'],
      attempt: async () => {
        throw notAppraised();
      },
      ownerAllows: async () => true,
    });
    await expect(run).rejects.toBeInstanceOf(UnavailableError);
    await expect(run).rejects.toMatchObject({ code: 'consistency.replica-behind', field: 'allocations[0]' });
  });

  it('leaves other refusals alone, and trusts the copy when there is no owner to ask', async () => {
    const ownerAllows = jest.fn(async () => true);
    const conflict = withReplicaCatchUp({
      owner,
      lagCodes: ['decision.project-not-appraised'],
      attempt: async () => {
        throw new ConflictError({ vi: 'trùng', en: 'duplicate' }, 'decision.duplicate-number');
      },
      ownerAllows,
    });
    await expect(conflict).rejects.toMatchObject({ code: 'decision.duplicate-number' });
    const solo = withReplicaCatchUp({
      owner: alone,
      lagCodes: ['decision.project-not-appraised'],
      attempt: async () => {
        throw notAppraised();
      },
      ownerAllows,
    });
    await expect(solo).rejects.toMatchObject({ code: 'decision.project-not-appraised' });
    expect(ownerAllows).not.toHaveBeenCalled();
  });

  it('lets the copy wait only when the rule passes on the owner’s facts, whatever the copy refused', () => {
    expect(
      passesOn(() => {
        throw notAppraised();
      }),
    ).toBe(false);
    expect(passesOn(() => undefined)).toBe(true);
    // The owner refuses for another reason (e.g. a draft the copy has never seen): no wait, the refusal stands.
    expect(
      passesOn(() => {
        throw new RuleViolationError({ vi: 'khác', en: 'other' }, 'decision.over-norm', 'allocations[0]');
      }),
    ).toBe(false);
    expect(() =>
      passesOn(() => {
        throw new TypeError('a bug, not a refusal');
      }),
    ).toThrow(TypeError);
  });
});

describe('asking the owner', () => {
  let server: Server;
  let base: string;
  const seen: Record<string, string | undefined>[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({
        authorization: req.headers.authorization,
        correlation: req.headers['x-correlation-id'] as string,
      });
      const status = req.url === '/known' ? 200 : req.url === '/broken' ? 500 : 404;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ url: req.url }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('asks as the caller and tells a missing record from a failing owner', async () => {
    const client = new OwnerClient('plans', base);
    await runWithContext(
      { correlationId: 'c-7', causationId: null, actor: null, accessToken: 'a.b.c' },
      async () => {
        expect(await client.get('/known')).toEqual({ url: '/known' });
        expect(await client.get('/missing')).toBeUndefined();
        await expect(client.get('/broken')).rejects.toMatchObject({ code: 'consistency.owner-unreachable' });
      },
    );
    expect(seen[0]).toEqual({ authorization: 'Bearer a.b.c', correlation: 'c-7' });
    await expect(new OwnerClient('plans', 'http://127.0.0.1:9').get('/x')).rejects.toBeInstanceOf(
      UnavailableError,
    );
  });
});
