/** The cookies of a Set-Cookie list, by name: value and attributes as sent. */
export function setCookies(headers: Headers): Map<string, { value: string; attributes: string }> {
  const cookies = new Map<string, { value: string; attributes: string }>();
  for (const line of headers.getSetCookie()) {
    const [pair, ...attributes] = line.split(';').map((s) => s.trim());
    const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
    cookies.set(name, { value, attributes: attributes.join('; ') });
  }
  return cookies;
}

/** A browser's cookie jar for one site, as far as these tests need one. */
export class Browser {
  readonly jar = new Map<string, string>();
  constructor(private readonly url: string) {}

  get cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async send(
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { cookie: this.cookie, ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      // A browser would follow a redirect; the tests look at each leg.
      redirect: 'manual',
    });
    for (const [name, { value, attributes }] of setCookies(res.headers)) {
      if (/Expires=Thu, 01 Jan 1970/.test(attributes) || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
    const text = await res.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text);
    } catch {
      body = { text };
    }
    return { status: res.status, headers: res.headers, body };
  }
}
