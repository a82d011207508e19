/**
 * The browser session's cookies. The access token lives in `kc_access` (every path: the pages' API calls, the
 * live stream, files); the refresh token in `kc_refresh`, sent only to the session routes. Both HttpOnly (no
 * script reads them) and SameSite=Strict (no other site's page sends them). A write authenticated by the cookie
 * must also carry `X-KC-Session: 1`, which no cross-site form can send: defence in depth against CSRF.
 */
export const ACCESS_COOKIE = 'kc_access';
export const REFRESH_COOKIE = 'kc_refresh';
export const SESSION_PATH = '/api/v1/auth/session';
export const SESSION_HEADER = 'x-kc-session';

export interface CookieSettings {
  httpOnly: true;
  sameSite: 'strict';
  secure: boolean;
  path: string;
  maxAge: number;
}

export function accessCookie(expiresInSeconds: number, secure: boolean): CookieSettings {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: expiresInSeconds * 1000 };
}

export function refreshCookie(ttlSeconds: number, secure: boolean): CookieSettings {
  return { httpOnly: true, sameSite: 'strict', secure, path: SESSION_PATH, maxAge: ttlSeconds * 1000 };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a request authenticated by the session cookie may proceed without the session header. */
export function needsSessionHeader(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}
