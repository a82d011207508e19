import type { Request, Response } from 'express';
import {
  ACCESS_COOKIE,
  accessCookie,
  REFRESH_COOKIE,
  refreshCookie,
} from '../../domain/identity/browser-session';

/** A session's tokens as the browser keeps them; a session the issuer cannot renew has no refresh token. */
export interface SessionTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken?: string;
}

export function setSessionCookies(
  req: Request,
  res: Response,
  tokens: SessionTokens,
  sessionSeconds: number,
): void {
  res.cookie(ACCESS_COOKIE, tokens.accessToken, accessCookie(tokens.expiresIn, req.secure));
  if (tokens.refreshToken) {
    res.cookie(REFRESH_COOKIE, tokens.refreshToken, refreshCookie(sessionSeconds, req.secure));
  } else {
    res.clearCookie(REFRESH_COOKIE, { ...refreshCookie(0, req.secure), maxAge: undefined });
  }
}

export function clearSessionCookies(req: Request, res: Response): void {
  res.clearCookie(ACCESS_COOKIE, { ...accessCookie(0, req.secure), maxAge: undefined });
  res.clearCookie(REFRESH_COOKIE, { ...refreshCookie(0, req.secure), maxAge: undefined });
}

export function cookie(req: Request, name: string): string | undefined {
  return (req.cookies as Record<string, string> | undefined)?.[name];
}
