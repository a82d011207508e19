import { Body, Controller, Get, Header, HttpCode, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ALL_ROLES, Permit, Public, TokenVerifier, currentPrincipal } from '@kc/auth';
import {
  changePasswordRequest,
  clientCredentialsRequest,
  loginRequest,
  refreshRequest,
  type ChangePasswordRequest,
  type ClientCredentialsRequest,
  type LoginRequest,
  type Principal,
  type RefreshRequest,
  type TokenResponse,
} from '@kc/contracts';
import { validBody } from '@kc/http';
import { AuthService } from '../../application/identity/auth.service';
import { ClientsService } from '../../application/identity/clients.service';
import { SigningKeys } from '../../infrastructure/identity/signing-keys';
import { ApiZodBody } from './openapi';
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
      'Returns a short-lived access token (ES256 JWT) and a refresh token. Five wrong passwords within 15 minutes ' +
      'lock the account for 15 minutes: further attempts get 429 `auth.locked` with Retry-After.',
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
  @ApiOperation({
    summary: 'Token cho hệ thống tích hợp / OAuth2 client-credentials grant',
    description:
      'JSON or application/x-www-form-urlencoded: grant_type=client_credentials, client_id, client_secret and ' +
      'optionally scope (space-separated, a subset of the client’s scopes).',
  })
  @ApiZodBody(clientCredentialsRequest)
  token(@Body(validBody(clientCredentialsRequest)) body: ClientCredentialsRequest): Promise<TokenResponse> {
    return this.clients.clientCredentials(body);
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
    const { kind, id, name, role, provinceCode, fairIds, facilityTaxCode, roundIds, scopes } =
      currentPrincipal();
    return { kind, id, name, role, provinceCode, fairIds, facilityTaxCode, roundIds, scopes };
  }
}
