/** A tiny HTTP client for the gateway of the e2e platform. */
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

export async function call<T = Record<string, unknown>>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply<T>> {
  const res = await fetch(`${gatewayUrl()}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

export const get = <T = Record<string, unknown>>(path: string, headers?: Record<string, string>) =>
  call<T>('GET', path, undefined, headers);
export const post = <T = Record<string, unknown>>(
  path: string,
  body: unknown,
  headers?: Record<string, string>,
) => call<T>('POST', path, body, headers);
