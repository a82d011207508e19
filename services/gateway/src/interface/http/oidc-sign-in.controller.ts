import { Controller, Header, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { identityRoutes as routes, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { OidcSignIn, SignInFailed } from '../../application/identity/oidc-sign-in.service';
import {
  OIDC_BINDING_COOKIE,
  OIDC_CALLBACK_PATH,
  PENDING_SECONDS,
  safeReturnPath,
  signInFailure,
} from '../../domain/identity/oidc-sign-in';
import { RefreshTokens } from '../../infrastructure/identity/refresh-tokens.store';
import { cookie, setSessionCookies } from './session-cookies';

/** The two legs of the browser's sign-in at the external issuer (docs/design/web-app.md). */
@Controller()
export class OidcSignInController {
  constructor(
    private readonly signIn: OidcSignIn,
    private readonly refreshTokens: RefreshTokens,
  ) {}

  @Route(routes.oidcStart)
  @Header('cache-control', 'no-store')
  async start(
    @Input() { query }: RouteInput<typeof routes.oidcStart>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { location, binding } = await this.signIn.start(safeReturnPath(query.returnTo));
    res.cookie(OIDC_BINDING_COOKIE, binding, {
      httpOnly: true,
      // The issuer's redirect back is a cross-site navigation: a Strict cookie would not come with it.
      sameSite: 'lax',
      secure: req.secure,
      path: OIDC_CALLBACK_PATH,
      maxAge: PENDING_SECONDS * 1000,
    });
    res.redirect(302, location);
  }

  @Route(routes.oidcCallback)
  @Header('cache-control', 'no-store')
  async callback(
    @Input() { query }: RouteInput<typeof routes.oidcCallback>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    res.clearCookie(OIDC_BINDING_COOKIE, { path: OIDC_CALLBACK_PATH });
    try {
      const { tokens, returnTo } = await this.signIn.finish(query, cookie(req, OIDC_BINDING_COOKIE));
      setSessionCookies(req, res, tokens, this.refreshTokens.sessionSeconds);
      res.redirect(302, returnTo);
    } catch (error) {
      // A person in a browser: the sign-in page says what went wrong, in their language.
      if (!(error instanceof SignInFailed)) throw error;
      res.redirect(302, signInFailure(error.code));
    }
  }
}
