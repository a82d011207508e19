import { Controller, Header, Inject, Req, Res, UseInterceptors } from '@nestjs/common';
import type { Request, Response } from 'express';
import { TokenVerifier } from '@kc/auth';
import {
  identityRoutes as routes,
  type BrowserSessionView,
  type RouteInput,
  type SignInOptionsView,
  type TokenResponse,
} from '@kc/contracts';
import { fieldError, Input, Route, ValidationProblem } from '@kc/http';
import { AuthService } from '../../application/identity/auth.service';
import { DEMO_SETTINGS, type DemoSettings } from '../../application/identity/demo-accounts.seeder';
import { DEFAULT_DEMO_PASSWORD } from '../../config/gateway.config';
import { OidcSignIn } from '../../application/identity/oidc-sign-in.service';
import { REFRESH_COOKIE, SESSION_HEADER } from '../../domain/identity/browser-session';
import { publicPrincipal } from '../../domain/identity/principals';
import { RefreshTokens } from '../../infrastructure/identity/refresh-tokens.store';
import { RetryAfterInterceptor } from './retry-after.interceptor';
import { clearSessionCookies, cookie, setSessionCookies } from './session-cookies';

/** A refresh without its cookie or header is a malformed request (400); a bad refresh token is a 401. */
function required(field: string, vi: string, en: string): ValidationProblem {
  return new ValidationProblem([fieldError(field, 'required', { vi, en })]);
}

/**
 * The browser's session: the same sign-in, rotation and revocation as the token routes, with the tokens kept in
 * HttpOnly cookies the page cannot read (docs/design/web-app.md).
 */
@Controller()
// A locked sign-in says when to try again, as the login route does.
@UseInterceptors(RetryAfterInterceptor)
export class SessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly refreshTokens: RefreshTokens,
    private readonly verifier: TokenVerifier,
    @Inject(DEMO_SETTINGS) private readonly demo: DemoSettings,
    private readonly oidcSignIn: OidcSignIn,
  ) {}

  @Route(routes.signInOptions)
  @Header('cache-control', 'no-cache')
  signInOptions(): SignInOptionsView {
    const name = this.oidcSignIn.displayName;
    return {
      demo: this.demo.enabled
        ? {
            usernames: ['xem', 'cuc.canbo', 'cuc.admin', 'sct.40', 'sct.01'],
            // A password of the deployment's own (DEMO_PASSWORD) is not shown; the published default is.
            password: this.demo.password === DEFAULT_DEMO_PASSWORD ? this.demo.password : null,
          }
        : null,
      oidc: name ? { name } : null,
    };
  }

  @Route(routes.session)
  @Header('cache-control', 'no-store')
  async start(
    @Input() { body }: RouteInput<typeof routes.session>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BrowserSessionView> {
    return this.open(await this.auth.login(body), req, res);
  }

  @Route(routes.sessionRefresh)
  @Header('cache-control', 'no-store')
  async refresh(
    // No body, no query: @Input refuses any.
    @Input() _input: RouteInput<typeof routes.sessionRefresh>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BrowserSessionView> {
    const refreshToken = cookie(req, REFRESH_COOKIE);
    if (!refreshToken) {
      throw required(
        `cookie.${REFRESH_COOKIE}`,
        'cần cookie phiên đăng nhập',
        'the session cookie is required',
      );
    }
    // The header no cross-site form can send: a refresh is a write.
    if (req.headers[SESSION_HEADER] !== '1') {
      throw required(`header.${SESSION_HEADER}`, 'phải là 1', 'must be 1');
    }
    return this.open(await this.auth.refresh(refreshToken), req, res);
  }

  @Route(routes.sessionEnd)
  async end(
    @Input() _input: RouteInput<typeof routes.sessionEnd>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    // The guard verified the session's access token (or a bearer token, whose own logout this also is).
    const token = req.headers.authorization!.replace(/^Bearer\s+/i, '');
    await this.auth.logout(await this.verifier.verify(token), cookie(req, REFRESH_COOKIE));
    clearSessionCookies(req, res);
  }

  private async open(tokens: TokenResponse, req: Request, res: Response): Promise<BrowserSessionView> {
    const principal = await this.verifier.verify(tokens.accessToken);
    setSessionCookies(req, res, tokens, this.refreshTokens.sessionSeconds);
    return { principal: publicPrincipal(principal), expiresAt: new Date(principal.exp * 1000).toISOString() };
  }
}
