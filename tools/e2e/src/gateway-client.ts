/** A tiny HTTP client for the gateway of the e2e platform, anonymous or logged in as a demo account. */
export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export const gatewayUrl = () => {
  const url = process.env['KC_E2E_GATEWAY_URL'];
  if (!url)
    throw new Error('run e2e tests with `npx jest -c tools/e2e/jest.config.js` (it starts the platform)');
  return url;
};

/** The gateway itself, not the conformance proxy: for requests hostile at the HTTP level, sent byte for byte. */
export const directGatewayUrl = () => process.env['KC_E2E_DIRECT_GATEWAY_URL'] ?? gatewayUrl();

export const DEMO_PASSWORD = process.env['DEMO_PASSWORD'] || 'khuyencong2026';

export async function call<T = Record<string, unknown>>(
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply<T>> {
  const res = await fetch(url.startsWith('http') ? url : `${gatewayUrl()}${url}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}

export interface Session {
  token: string;
  get<T = Record<string, unknown>>(path: string, headers?: Record<string, string>): Promise<Reply<T>>;
  post<T = Record<string, unknown>>(
    path: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<Reply<T>>;
}

export function withToken(token: string): Session {
  const auth = (headers: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...headers });
  return {
    token,
    get: (path, headers) => call('GET', path, undefined, auth(headers)),
    post: (path, body, headers) => call('POST', path, body, auth(headers)),
  };
}

const sessions = new Map<string, Promise<Session>>();

/** A logged-in session of a demo account (one login per account per test file). */
export function as(username: string): Promise<Session> {
  if (!sessions.has(username)) {
    sessions.set(
      username,
      call<{ accessToken: string }>('POST', '/api/v1/auth/login', { username, password: DEMO_PASSWORD }).then(
        (reply) => {
          if (reply.status !== 200)
            throw new Error(`login as ${username} → ${reply.status} ${JSON.stringify(reply.body)}`);
          return withToken(reply.body.accessToken);
        },
      ),
    );
  }
  return sessions.get(username)!;
}

export const anonymous = {
  get: <T = Record<string, unknown>>(path: string, headers?: Record<string, string>) =>
    call<T>('GET', path, undefined, headers),
  post: <T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>) =>
    call<T>('POST', path, body, headers),
};
