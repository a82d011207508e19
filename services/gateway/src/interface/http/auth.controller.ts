import { Body, Controller, Header, Headers, Req, UseFilters, UseInterceptors } from '@nestjs/common';
import type { Request } from 'express';
import { TokenVerifier, currentPrincipal } from '@kc/auth';
import {
  identityRoutes as routes,
  type JwksView,
  type OAuthTokenResponse,
  type Principal,
  type RouteInput,
  type TokenResponse,
} from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { AuthService } from '../../application/identity/auth.service';
import { ClientsService } from '../../application/identity/clients.service';
import { readTokenRequest } from '../../domain/identity/oauth';
import { publicPrincipal } from '../../domain/identity/principals';
import { SigningKeys } from '../../infrastructure/identity/signing-keys';
import { OAuthErrorFilter } from './oauth-error.filter';
import { RetryAfterInterceptor } from './retry-after.interceptor';

@Controller()
@UseInterceptors(RetryAfterInterceptor)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly clients: ClientsService,
    private readonly keys: SigningKeys,
    private readonly verifier: TokenVerifier,
  ) {}

  @Route(routes.jwks)
  @Header('cache-control', 'public, max-age=300')
  jwks(): JwksView {
    return { keys: this.keys.publicJwks };
  }

  @Route(routes.login)
  @Header('cache-control', 'no-store')
  login(@Input() { body }: RouteInput<typeof routes.login>): Promise<TokenResponse> {
    return this.auth.login(body);
  }

  @Route(routes.refresh)
  @Header('cache-control', 'no-store')
  refresh(@Input() { body }: RouteInput<typeof routes.refresh>): Promise<TokenResponse> {
    return this.auth.refresh(body.refreshToken);
  }

  @Route(routes.token)
  @Header('cache-control', 'no-store')
  @Header('pragma', 'no-cache')
  @UseFilters(OAuthErrorFilter)
  token(
    @Body() body: unknown,
    @Headers('authorization') authorization?: string,
  ): Promise<OAuthTokenResponse> {
    // Parsed here rather than by @Input (the entry's rawBody): its refusals must be OAuth errors, not problem+json.
    return this.clients.clientCredentials(readTokenRequest(body, authorization));
  }

  @Route(routes.logout)
  async logout(@Input() { body }: RouteInput<typeof routes.logout>, @Req() req: Request): Promise<void> {
    // The guard verified this token (an exchanged one, for API keys and external tokens); its jti is revoked.
    const token = req.headers.authorization!.replace(/^Bearer\s+/i, '');
    await this.auth.logout(await this.verifier.verify(token), body.refreshToken);
  }

  @Route(routes.changePassword)
  async changePassword(@Input() { body }: RouteInput<typeof routes.changePassword>): Promise<void> {
    await this.auth.changePassword(currentPrincipal(), body);
  }

  @Route(routes.me)
  me(): Principal {
    return publicPrincipal(currentPrincipal());
  }
}
