import { HttpException, Logger } from '@nestjs/common';
import { problemOf, type Problem } from '@kc/http';
import { currentContext } from '@kc/observability';

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
  body: string;
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

/**
 * The one way the gateway talks to a service: forwards method, path, JSON body and the correlation,
 * content-type, idempotency, authorization, forwarded-for and user-agent headers, and hands back status and
 * body untouched (as text with `send`, as bytes with `download`). No answer within the timeout is a 504
 * problem, no connection a 502; both name the service and keep its address out of the answer.
 */
export class UpstreamClient {
  private readonly log = new Logger('UpstreamClient');

  constructor(private readonly options: UpstreamOptions) {}

  async send(service: Upstream, request: UpstreamRequest): Promise<UpstreamResponse> {
    const response = await this.call(service, request, 'application/json');
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      location: response.headers.get('location'),
      retryAfter: response.headers.get('retry-after'),
      body: await this.guard(service, request, () => response.text()),
    };
  }

  /** A file (an .xlsx export, the floor plan): its bytes and own headers untouched, where `send` would decode text. */
  async download(service: Upstream, request: UpstreamRequest): Promise<UpstreamDownload> {
    const response = await this.call(service, request, '*/*');
    const headers = FILE_HEADERS.flatMap((name) => {
      const value = response.headers.get(name);
      return value === null ? [] : [[name, value] as const];
    });
    return {
      status: response.status,
      headers: Object.fromEntries(headers),
      body: await this.guard(service, request, async () => Buffer.from(await response.arrayBuffer())),
    };
  }

  private async call(service: Upstream, request: UpstreamRequest, accept: string): Promise<Response> {
    const headers: Record<string, string> = { accept };
    const correlationId = currentContext()?.correlationId;
    if (correlationId) headers['x-correlation-id'] = correlationId;
    if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
    if (request.authorization) headers['authorization'] = request.authorization;
    if (request.forwardedFor) headers['x-forwarded-for'] = request.forwardedFor;
    if (request.userAgent) headers['user-agent'] = request.userAgent;
    if (request.ifNoneMatch) headers['if-none-match'] = request.ifNoneMatch;
    const hasBody = request.body !== undefined;
    // The body was parsed at the edge and is sent on re-serialised: UTF-8 JSON, whatever the client's encoding.
    if (hasBody) headers['content-type'] = 'application/json';
    return this.guard(service, request, () =>
      fetch(new URL(request.path, this.options.baseUrls[service]), {
        method: request.method,
        headers,
        body: hasBody ? JSON.stringify(request.body) : undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      }),
    );
  }

  /** Runs one step of the exchange; a failure (no connection, timeout, cut body) becomes the 502/504 problem. */
  private async guard<T>(service: Upstream, request: UpstreamRequest, step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      const cause = (error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      this.log.warn({ msg: 'upstream call failed', upstream: service, path: request.path, timedOut, cause });
      throw upstreamProblem(service, timedOut);
    }
  }
}
