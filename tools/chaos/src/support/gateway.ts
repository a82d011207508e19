/**
 * The chaos tests' HTTP client for the gateway, behaving as a careful real client does: every write carries an
 * Idempotency-Key and is sent again with the same key when the answer says nothing happened yet — no answer, a
 * 5xx, 429, or 409 idempotency.in-flight — until a deadline. A token refused (401) is renewed by logging in again.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export const DEMO_PASSWORD = process.env['DEMO_PASSWORD'] || 'khuyencong2026';

export function chaosEnv(name: 'KC_CHAOS_GATEWAY_URL' | 'KC_CHAOS_PG_URL' | 'KC_CHAOS_HEALTH_URLS'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tier with npx jest -c tools/chaos/jest.config.js`);
  return value;
}

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** One write as the client lived it: the final answer, how many tries it took and whether it was acknowledged. */
export interface WriteResult<T = Record<string, unknown>> {
  /** The last HTTP status, or 0 when the last try got no answer at all. */
  status: number;
  body: T | undefined;
  /** A 2xx: the platform promised the write. */
  acked: boolean;
  attempts: number;
  /** The problem code of a refusal (e.g. `project.illegal-transition`). */
  code?: string;
  startedAt: number;
  endedAt: number;
}

const REQUEST_TIMEOUT_MS = 20_000;

async function send<T>(
  method: 'GET' | 'POST',
  path: string,
  { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const res = await fetch(`${chaosEnv('KC_CHAOS_GATEWAY_URL')}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed as T };
}

/** Nothing was decided: sending the same request again (same key) is safe and may succeed. */
function isRetryable(status: number, code: string | undefined): boolean {
  return (
    status === 0 || status >= 500 || status === 429 || (status === 409 && code === 'idempotency.in-flight')
  );
}

const problemCode = (body: unknown): string | undefined =>
  body && typeof body === 'object' && 'code' in body ? String((body as { code: unknown }).code) : undefined;

/** A logged-in demo account; it logs in again when its token is refused. */
export class Session {
  private token: Promise<string> | null = null;

  constructor(readonly username: string) {}

  private login(deadline: number): Promise<string> {
    this.token ??= (async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          const reply = await send<{ accessToken?: string }>('POST', '/api/v1/auth/login', {
            body: { username: this.username, password: DEMO_PASSWORD },
          });
          if (reply.status === 200 && reply.body.accessToken) return reply.body.accessToken;
          if (!isRetryable(reply.status, problemCode(reply.body)))
            throw new Error(`login as ${this.username} → ${reply.status} ${JSON.stringify(reply.body)}`);
        } catch (error) {
          if (error instanceof Error && error.message.startsWith('login as')) throw error;
        }
        if (Date.now() > deadline)
          throw new Error(`login as ${this.username}: no answer before the deadline`);
        await sleep(backoff(attempt));
      }
    })().catch((error) => {
      this.token = null;
      throw error;
    });
    return this.token;
  }

  /** A read, retried on no answer or 5xx until the deadline. */
  async get<T = Record<string, unknown>>(path: string, deadlineMs = 60_000): Promise<Reply<T>> {
    const deadline = Date.now() + deadlineMs;
    for (let attempt = 1; ; attempt++) {
      const token = await this.login(deadline);
      try {
        const reply = await send<T>('GET', path, { headers: { authorization: `Bearer ${token}` } });
        if (reply.status === 401) this.renew(token);
        else if (!isRetryable(reply.status, problemCode(reply.body)) || Date.now() > deadline) return reply;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      await sleep(backoff(attempt));
    }
  }

  /**
   * A write with an Idempotency-Key, sent again with the same key while nothing was decided, until the
   * deadline. Resolves with the last answer; never throws for a refusal.
   */
  async write<T = Record<string, unknown>>(
    path: string,
    body: unknown,
    key: string,
    deadlineMs = 180_000,
  ): Promise<WriteResult<T>> {
    const startedAt = Date.now();
    const deadline = startedAt + deadlineMs;
    let last: Reply<T> = { status: 0, body: undefined as T };
    for (let attempt = 1; ; attempt++) {
      let token: string;
      try {
        token = await this.login(deadline);
      } catch {
        return {
          status: 0,
          body: undefined,
          acked: false,
          attempts: attempt,
          startedAt,
          endedAt: Date.now(),
        };
      }
      try {
        last = await send<T>('POST', path, {
          body,
          headers: { authorization: `Bearer ${token}`, 'idempotency-key': key },
        });
      } catch {
        last = { status: 0, body: undefined as T };
      }
      const code = problemCode(last.body);
      if (last.status === 401) this.renew(token);
      else if (!isRetryable(last.status, code) || Date.now() > deadline) {
        const acked = last.status >= 200 && last.status < 300;
        return {
          status: last.status,
          body: last.body,
          acked,
          attempts: attempt,
          code,
          startedAt,
          endedAt: Date.now(),
        };
      }
      await sleep(backoff(attempt));
    }
  }

  private renew(refused: string): void {
    void this.token
      ?.then((current) => {
        if (current === refused) this.token = null;
      })
      .catch(() => undefined);
  }
}

/** 100 ms doubling to 2 s: a client that keeps trying without hammering a recovering platform. */
function backoff(attempt: number): number {
  return Math.min(100 * 2 ** (attempt - 1), 2_000);
}

/** GET <url>/health without a token: the status, 0 when nothing answers. */
export async function healthOf(url: string): Promise<number> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(3_000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}
