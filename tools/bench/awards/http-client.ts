import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface Reply {
  status: number;
  /** The body as sent (UTF-8): the result document is compared byte for byte. */
  text: string;
  /** From writing the request to the end of the answer. */
  ms: number;
}

export type Method = 'GET' | 'POST' | 'PUT';

/**
 * HTTP to the gateway over at most `sockets` sockets; every call names its own token. The booth-rush pool takes
 * GET and POST only; sheets are PUT and the result document is read as text. `keepAlive: false` for the calls
 * that come after long pauses (the round's steps, the result): a kept socket the gateway closed while idle
 * would answer the next request with "socket hang up".
 */
export class GatewayClient {
  private readonly agent: Agent;
  private readonly base: URL;

  constructor(gateway: string, sockets: number, { keepAlive = true } = {}) {
    this.base = new URL(gateway);
    if (this.base.protocol !== 'http:') throw new Error(`--gateway must be an http:// address: ${gateway}`);
    this.agent = new Agent({ keepAlive, maxSockets: sockets, maxFreeSockets: sockets });
  }

  send(method: Method, path: string, call: { token?: string; body?: unknown } = {}): Promise<Reply> {
    const payload = call.body === undefined ? undefined : Buffer.from(JSON.stringify(call.body));
    const headers: Record<string, string | number> = { accept: 'application/json' };
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    if (call.token) headers['authorization'] = `Bearer ${call.token}`;
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = request(
        new URL(path, this.base),
        { method, headers, agent: this.agent, timeout: 600_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              text: Buffer.concat(chunks).toString('utf8'),
              ms: performance.now() - started,
            }),
          );
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within 600 s`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** The parsed body of an answer with the expected status, else an error naming the problem. */
  async expect<T>(
    status: number,
    method: Method,
    path: string,
    call: { token?: string; body?: unknown } = {},
  ): Promise<T> {
    const reply = await this.send(method, path, call);
    if (reply.status !== status)
      throw new Error(`${method} ${path} → ${reply.status} ${problem(reply.text)}`);
    return JSON.parse(reply.text) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A problem+json answer in one line: its code and detail. */
export function problem(text: string): string {
  try {
    const p = JSON.parse(text) as { code?: string; detail?: string; errors?: unknown };
    const fields = p.errors ? JSON.stringify(p.errors) : undefined;
    return [p.code, p.detail, fields].filter(Boolean).join(' ') || text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}
