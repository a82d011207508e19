import type { IncomingHttpHeaders } from 'node:http';
import { HttpException, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Pool, type Dispatcher } from 'undici';
import { problemOf, type Problem } from '@kc/http';
import { CORRELATION_HEADER, currentContext } from '@kc/observability';

export const UPSTREAMS = ['plans', 'projects', 'clusters', 'trade-fairs', 'awards', 'reporting'] as const;
export type Upstream = (typeof UPSTREAMS)[number];

export interface UpstreamRequest {
  method: string;
  /** Path and query string: services expose the same /api/v1/... paths as the gateway. */
  path: string;
  /** The JSON body as received, or undefined for none. */
  body?: unknown;
  idempotencyKey?: string;
  /** `Bearer <internal token>`: the token the gateway verified, so the service can check the caller again. */
  authorization?: string;
  /** The client's address (the gateway is the edge: one entry) and user agent, for the services' audit. */
  forwardedFor?: string;
  userAgent?: string;
  /** A file's validator the client holds: the service answers 304 if it still stands. */
  ifNoneMatch?: string;
}

export interface UpstreamResponse {
  status: number;
  contentType: string | null;
  location: string | null;
  /** A retryable refusal (503) says when to try again. */
  retryAfter: string | null;
  /** The service replayed the answer its own Idempotency-Key record holds (header idempotent-replayed). */
  replayed?: boolean;
  body: string;
  /**
   * An answer the edge keeps: its validator (a client holding it gets 304), and its body encoded once, as is and
   * gzipped (a 40 kB conference view is 5 kB on a hall's Wi-Fi).
   */
  kept?: { etag: string; bytes: Buffer; gzipped: Buffer };
}

/**
 * The headers of a file answer that belong to the service, not the edge: its type and name, its validator and
 * caching rule (the live floor plan is polled with If-None-Match), and a page's own content security policy.
 */
export const FILE_HEADERS = [
  'content-type',
  'content-disposition',
  'etag',
  'cache-control',
  'vary',
  'content-security-policy',
] as const;

export interface UpstreamDownload {
  status: number;
  headers: Partial<Record<(typeof FILE_HEADERS)[number], string>>;
  body: Buffer;
}

export interface UpstreamOptions {
  baseUrls: Record<Upstream, string>;
  timeoutMs: number;
}

function upstreamProblem(service: Upstream, timedOut: boolean): HttpException {
  const status = timedOut ? 504 : 502;
  const problem: Problem & { service: Upstream } = {
    ...problemOf({
      status,
      code: timedOut ? 'upstream.timeout' : 'upstream.unavailable',
      slug: timedOut ? 'upstream-timeout' : 'upstream-unavailable',
      messages: timedOut
        ? {
            vi: `Dịch vụ ${service} không trả lời kịp.`,
            en: `The ${service} service did not answer in time.`,
          }
        : {
            vi: `Không kết nối được dịch vụ ${service}.`,
            en: `The ${service} service could not be reached.`,
          },
    }),
    service,
  };
  return new HttpException(problem, status);
}

/** Connections kept open to each service, reused across requests: a booth rush queues past this many. */
const CONNECTIONS_PER_UPSTREAM = 64;

/** A response header as one value (a repeated one joined, as fetch's `Headers.get` would). */
function headerOf(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? null);
}

/**
 * The one way the gateway talks to a service: forwards method, path, JSON body and the correlation,
 * content-type, idempotency, authorization, forwarded-for and user-agent headers over a keep-alive connection
 * pool per service, and hands back status and body untouched (as text with `send`, as bytes with `download`);
 * redirects are handed back, never followed. No answer (headers and body) within the timeout is a 504 problem,
 * no connection a 502; both name the service and keep its address out of the answer.
 */
export class UpstreamClient implements OnApplicationShutdown {
  private readonly log = new Logger('UpstreamClient');
  /** One pool per origin: services sharing an address (as in tests) share its connections. */
  private readonly pools = new Map<string, Pool>();
  private readonly poolOf = {} as Record<Upstream, Pool>;

  constructor(private readonly options: UpstreamOptions) {
    for (const service of UPSTREAMS) {
      const origin = new URL(options.baseUrls[service]).origin;
      const pool = this.pools.get(origin) ?? new Pool(origin, { connections: CONNECTIONS_PER_UPSTREAM });
      this.pools.set(origin, pool);
      this.poolOf[service] = pool;
    }
  }

  send(service: Upstream, request: UpstreamRequest): Promise<UpstreamResponse> {
    return this.exchange(service, request, 'application/json', async ({ statusCode, headers, body }) => ({
      status: statusCode,
      contentType: headerOf(headers, 'content-type'),
      location: headerOf(headers, 'location'),
      retryAfter: headerOf(headers, 'retry-after'),
      replayed: headerOf(headers, 'idempotent-replayed') === 'true',
      body: await body.text(),
    }));
  }

  /** A file (an .xlsx export, the floor plan): its bytes and own headers untouched, where `send` would decode text. */
  download(service: Upstream, request: UpstreamRequest): Promise<UpstreamDownload> {
    return this.exchange(service, request, '*/*', async ({ statusCode, headers, body }) => ({
      status: statusCode,
      headers: Object.fromEntries(
        FILE_HEADERS.flatMap((name) => {
          const value = headerOf(headers, name);
          return value === null ? [] : [[name, value] as const];
        }),
      ),
      body: Buffer.from(await body.arrayBuffer()),
    }));
  }

  /** Waits for requests still under way (each bounded by the timeout), then closes the connections. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.close()));
  }

  /**
   * Sends the request and reads the answer under one deadline; a failure (no connection, timeout, cut body)
   * becomes the 502/504 problem.
   */
  private async exchange<T>(
    service: Upstream,
    request: UpstreamRequest,
    accept: string,
    read: (response: Dispatcher.ResponseData) => Promise<T>,
  ): Promise<T> {
    const headers: Record<string, string> = { accept };
    const correlationId = currentContext()?.correlationId;
    if (correlationId) headers[CORRELATION_HEADER] = correlationId;
    if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
    if (request.authorization) headers['authorization'] = request.authorization;
    if (request.forwardedFor) headers['x-forwarded-for'] = request.forwardedFor;
    if (request.userAgent) headers['user-agent'] = request.userAgent;
    if (request.ifNoneMatch) headers['if-none-match'] = request.ifNoneMatch;
    const hasBody = request.body !== undefined;
    // The body was parsed at the edge and is sent on re-serialised: UTF-8 JSON, whatever the client's encoding.
    if (hasBody) headers['content-type'] = 'application/json';
    // A timer cleared on completion, not AbortSignal.timeout: that one stays armed for the whole timeout.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.options.timeoutMs);
    try {
      const response = await this.poolOf[service].request({
        method: request.method,
        path: request.path,
        headers,
        body: hasBody ? JSON.stringify(request.body) : undefined,
        signal: deadline.signal,
      });
      return await read(response);
    } catch (error) {
      const timedOut = deadline.signal.aborted;
      const { code, message } = error as { code?: unknown; message?: string };
      const cause = typeof code === 'string' ? code : message;
      this.log.warn({ msg: 'upstream call failed', upstream: service, path: request.path, timedOut, cause });
      throw upstreamProblem(service, timedOut);
    } finally {
      clearTimeout(timer);
    }
  }
}
