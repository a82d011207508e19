import type { Principal } from '@kc/contracts';
import type { Problem } from '@kc/http';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** One HTTP client per call (fetch): a JSON body (or a form), JSON back — or the text when it is not JSON. */
export function client(baseUrl: string) {
  return async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: {
      body?: unknown;
      token?: string;
      headers?: Record<string, string>;
      form?: Record<string, string>;
    } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
    // A server-sent event stream never ends: the status and headers are the answer.
    if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
      await res.body?.cancel();
      return { status: res.status, headers: res.headers, body: undefined as T };
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: the text as it came
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  };
}

/** What a problem+json refusal carries: any answer may be one, so a test reads `code` or `errors` as is. */
export type Refusal = Partial<Pick<Problem, 'code' | 'detail' | 'messages' | 'errors'>>;

type HeaderMap = Record<string, string>;
type Answer<T> = Promise<Reply<T & Refusal>>;

/** HTTP calls as one principal: `as(officer('40')).post(path, body, { 'idempotency-key': key })`. */
export interface Caller {
  get<T = Record<string, unknown>>(path: string, headers?: HeaderMap): Answer<T>;
  post<T = Record<string, unknown>>(path: string, body?: unknown, headers?: HeaderMap): Answer<T>;
  put<T = Record<string, unknown>>(path: string, body?: unknown, headers?: HeaderMap): Answer<T>;
  patch<T = Record<string, unknown>>(path: string, body?: unknown, headers?: HeaderMap): Answer<T>;
  delete<T = Record<string, unknown>>(path: string, headers?: HeaderMap): Answer<T>;
  /** A GET whose answer is not JSON (a workbook, an SVG, a page): the response as fetch gives it. */
  fetch(path: string, headers?: HeaderMap): Promise<Response>;
}

/**
 * Callers for a service at `baseUrl` (read per call: a service run as a process may restart on another
 * port), each principal's token minted once by `tokenFor` and reused.
 */
export function callersAt(
  baseUrl: string | (() => string),
  tokenFor: (principal: Principal) => Promise<string>,
): (principal: Principal) => Caller {
  const urlOf = typeof baseUrl === 'string' ? () => baseUrl : baseUrl;
  const tokens = new Map<string, Promise<string>>();
  return (principal) => {
    const key = JSON.stringify(principal);
    const token = () => {
      if (!tokens.has(key)) tokens.set(key, tokenFor(principal));
      return tokens.get(key)!;
    };
    const send = async <T>(method: string, path: string, body?: unknown, headers?: HeaderMap) =>
      client(urlOf())<T & Refusal>(method, path, { token: await token(), body, headers });
    return {
      get: (path, headers) => send('GET', path, undefined, headers),
      post: (path, body, headers) => send('POST', path, body, headers),
      put: (path, body, headers) => send('PUT', path, body, headers),
      patch: (path, body, headers) => send('PATCH', path, body, headers),
      delete: (path, headers) => send('DELETE', path, undefined, headers),
      fetch: async (path, headers) =>
        fetch(`${urlOf()}${path}`, { headers: { authorization: `Bearer ${await token()}`, ...headers } }),
    };
  };
}
