import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';

export interface Answer<T = unknown> {
  status: number;
  body: T;
  /** From writing the request to the end of the answer. */
  ms: number;
}

export interface Call {
  token?: string;
  body?: unknown;
  idempotencyKey?: string;
}

/**
 * Requests through one connection pool of at most `sockets` keep-alive sockets: every call is a client of its
 * own (own token, own Idempotency-Key), the pool only bounds how many are on the wire at once.
 */
export class HttpPool {
  private readonly agent: HttpAgent;
  private readonly url: URL;

  constructor(baseUrl: string, sockets: number) {
    this.url = new URL(baseUrl);
    const Agent = this.url.protocol === 'https:' ? HttpsAgent : HttpAgent;
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  }

  send<T>(method: 'GET' | 'POST', path: string, call: Call = {}): Promise<Answer<T>> {
    const payload = call.body === undefined ? undefined : Buffer.from(JSON.stringify(call.body));
    const headers: Record<string, string | number> = { accept: 'application/json' };
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    if (call.token) headers['authorization'] = `Bearer ${call.token}`;
    if (call.idempotencyKey) headers['idempotency-key'] = call.idempotencyKey;
    const send = this.url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = send(
        new URL(path, this.url),
        { method, headers, agent: this.agent, timeout: 120_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const ms = performance.now() - started;
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown = text;
            try {
              body = text ? JSON.parse(text) : null;
            } catch {
              // not JSON: kept as text for the error report
            }
            resolve({ status: res.statusCode ?? 0, body: body as T, ms });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within 120 s`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** The answer's body when it has the expected status, else an error naming the problem. */
  async expect<T>(status: number, method: 'GET' | 'POST', path: string, call: Call = {}): Promise<T> {
    const answer = await this.send<T>(method, path, call);
    if (answer.status !== status)
      throw new Error(`${method} ${path} → ${answer.status} ${describe(answer.body)}`);
    return answer.body;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A problem+json answer in one line: its code and detail. */
export function describe(body: unknown): string {
  if (body && typeof body === 'object') {
    const p = body as { code?: string; detail?: string; errors?: unknown };
    return [p.code, p.detail, p.errors ? JSON.stringify(p.errors) : undefined].filter(Boolean).join(' ');
  }
  return String(body).slice(0, 200);
}

/** Runs `work` over `items` with at most `concurrency` at a time (a closed loop: each worker takes the next). */
export async function withConcurrency<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
