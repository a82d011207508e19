import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  Post,
  Req,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ALL_ROLES, Permit, Public, TokenVerifier, currentPrincipal } from '@kc/auth';
import {
  changePasswordRequest,
  loginRequest,
  refreshRequest,
  tokenRequest,
  type ChangePasswordRequest,
  type LoginRequest,
  type OAuthTokenResponse,
  type Principal,
  type RefreshRequest,
  type TokenResponse,
} from '@kc/contracts';
import { validBody } from '@kc/http';
import { AuthService } from '../../application/identity/auth.service';
import { ClientsService } from '../../application/identity/clients.service';
import { readTokenRequest } from '../../domain/identity/oauth';
import { SigningKeys } from '../../infrastructure/identity/signing-keys';
import { OAuthErrorFilter } from './oauth-error.filter';
import { ApiOAuthTokenEndpoint, ApiZodBody } from './openapi';
import { RetryAfterInterceptor } from './retry-after.interceptor';

/** Logout takes the refresh token optionally. */
const logoutRequest = refreshRequest.partial();

@ApiTags('Xác thực / Authentication')
@Controller('api/v1/auth')
@UseInterceptors(RetryAfterInterceptor)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly clients: ClientsService,
    private readonly keys: SigningKeys,
    private readonly verifier: TokenVerifier,
  ) {}

  @Get('jwks')
  @Public()
  @Header('cache-control', 'public, max-age=300')
  @ApiOperation({
    summary: 'Khóa công khai ký token / Public keys that sign access tokens (JWKS)',
    description: 'Services (and anyone) verify the gateway’s ES256 access tokens with these keys, by `kid`.',
  })
  jwks() {
    return { keys: this.keys.publicJwks };
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Đăng nhập / Log in (built-in identity provider)',
    description:
      'Returns a short-lived access token (ES256 JWT) and a refresh token (camelCase: a route for people; systems ' +
      'use the OAuth 2.0 token endpoint). Five wrong passwords for an account from one address within 15 minutes ' +
      'lock that account at that address for 15 minutes, and 100 from one address lock the address (except for ' +
      'accounts that logged in from it lately): further attempts get 429 `auth.locked` with Retry-After.',
  })
  @ApiZodBody(loginRequest)
  login(@Body(validBody(loginRequest)) body: LoginRequest): Promise<TokenResponse> {
    return this.auth.login(body);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Làm mới token / Refresh: a new access token and a new refresh token',
    description:
      'Each refresh token works once; presenting a used one again revokes all of that user’s sessions.',
  })
  @ApiZodBody(refreshRequest)
  refresh(@Body(validBody(refreshRequest)) body: RefreshRequest): Promise<TokenResponse> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('token')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @Header('pragma', 'no-cache')
  @UseFilters(OAuthErrorFilter)
  @ApiOperation({
    summary: 'Token cho hệ thống tích hợp / OAuth 2.0 token endpoint (client-credentials grant, RFC 6749)',
    description:
      'application/x-www-form-urlencoded (or JSON): grant_type=client_credentials and optionally scope ' +
      '(space-separated, a subset of the client’s scopes); the client authenticates with HTTP Basic or ' +
      'client_id and client_secret in the body. Answers `{access_token, token_type, expires_in, scope}`; ' +
      'refusals are RFC 6749 §5.2 `{error, error_description}` (400; 401 with WWW-Authenticate for a failed ' +
      'Basic authentication), not problem+json. Metadata: GET /.well-known/oauth-authorization-server.',
  })
  @ApiZodBody(tokenRequest)
  @ApiOAuthTokenEndpoint()
  token(
    @Body() body: unknown,
    @Headers('authorization') authorization?: string,
  ): Promise<OAuthTokenResponse> {
    // Parsed here rather than by validBody: its refusals must be OAuth errors, not problem+json.
    return this.clients.clientCredentials(readTokenRequest(body, authorization));
  }

  @Post('logout')
  @Permit({ roles: ALL_ROLES })
  @HttpCode(204)
  @ApiOperation({
    summary: 'Đăng xuất / Log out: revokes this access token (and the refresh token, if sent)',
  })
  @ApiZodBody(logoutRequest)
  async logout(
    @Body(validBody(logoutRequest)) body: Partial<RefreshRequest>,
    @Req() req: Request,
  ): Promise<void> {
    // The guard verified this token (an exchanged one, for API keys and external tokens); its jti is revoked.
    const token = req.headers.authorization!.replace(/^Bearer\s+/i, '');
    await this.auth.logout(await this.verifier.verify(token), body.refreshToken);
  }

  @Post('password')
  @Permit({ roles: ALL_ROLES })
  @HttpCode(204)
  @ApiOperation({
    summary: 'Đổi mật khẩu / Change password (at least 12 characters); ends the other sessions',
  })
  @ApiZodBody(changePasswordRequest)
  async changePassword(@Body(validBody(changePasswordRequest)) body: ChangePasswordRequest): Promise<void> {
    await this.auth.changePassword(currentPrincipal(), body);
  }

  @Get('me')
  @Permit({ roles: ALL_ROLES })
  @ApiOperation({ summary: 'Người đang gọi / The caller as the platform sees them (the token’s principal)' })
  me(): Principal {
    const { kind, id, name, role, provinceCode, fairIds, facilityTaxCode, roundIds, scopes, via } =
      currentPrincipal();
    return { kind, id, name, role, provinceCode, fairIds, facilityTaxCode, roundIds, scopes, via };
  }
}
