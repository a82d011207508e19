/**
 * The one way the app talks to the gateway: same-origin fetch with the session cookies (never a token in
 * script reach), problem+json refusals as ApiError, and one silent session refresh when the access cookie
 * has expired. Writes carry X-KC-Session, which the gateway requires of cookie-authenticated writes (CSRF).
 */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  /** The refusal in each language (the platform's problem+json carries both). */
  messages?: { vi: string; en: string };
  /** Each refusal of a field: `message` is `vi / en`, `messages` the same in each language. */
  errors?: { field?: string; rule?: string; message?: string; messages?: { vi: string; en: string } }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    /** From Retry-After on a 429 (e.g. a locked sign-in): when to try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

/** Fired when the session is gone for good (refresh refused): the shell shows the sign-in page. */
export const SIGNED_OUT_EVENT = 'kc:signed-out';

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time, whoever hits the expiry first: each refresh token works once. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= fetch('/api/v1/auth/session/refresh', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'x-kc-session': '1' },
  })
    .then((res) => res.ok)
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

async function send(path: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('accept', headers.get('accept') ?? 'application/json');
  if (init.method && init.method !== 'GET') headers.set('x-kc-session', '1');
  return fetch(path, { ...init, headers, credentials: 'same-origin' });
}

async function problemOf(res: Response): Promise<Problem> {
  try {
    return { status: res.status, ...((await res.json()) as Partial<Problem>) };
  } catch {
    return { status: res.status, title: res.statusText };
  }
}

/** The raw response of an API call (files), refreshing the session once on 401. */
export async function apiResponse(path: string, init: RequestInit = {}): Promise<Response> {
  let res = await send(path, init);
  if (res.status === 401 && !path.startsWith('/api/v1/auth/session')) {
    if (await refreshSession()) res = await send(path, init);
    if (res.status === 401) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  }
  if (!res.ok) {
    const retryAfter = Number(res.headers.get('retry-after'));
    throw new ApiError(
      res.status,
      await problemOf(res),
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  return res;
}

/** GET (or another method with a JSON body) answered with JSON; 204 gives undefined. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await apiResponse(path, {
    method: init.method ?? 'GET',
    ...(init.body === undefined
      ? {}
      : { body: JSON.stringify(init.body), headers: { 'content-type': 'application/json' } }),
  });
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** A query string from the defined values only. */
export function query(values: Record<string, string | number | boolean | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
