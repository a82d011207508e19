import { Controller, Get, Header, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '@kc/auth';
import { OAUTH_GRANT_TYPES, type AuthorizationServerMetadata } from '@kc/contracts';
import { KNOWN_SCOPES } from '../../domain/identity/scopes';
import { TokenIssuer } from '../../infrastructure/identity/token-issuer';

/**
 * RFC 8414 metadata, so an OAuth 2.0 client library configures itself from the issuer. Not published as
 * /.well-known/openid-configuration: the gateway is no OpenID provider (no ID tokens, no authorization or
 * userinfo endpoint), and OIDC Discovery's required fields would describe endpoints that do not exist.
 */
@ApiTags('Xác thực / Authentication')
@Controller('.well-known')
export class OAuthMetadataController {
  constructor(private readonly issuer: TokenIssuer) {}

  @Get('oauth-authorization-server')
  @Public()
  @Header('cache-control', 'public, max-age=300')
  // Without an issuer URL the endpoints are read off the request's own origin.
  @Header('vary', 'host, x-forwarded-host, x-forwarded-proto')
  @ApiOperation({
    summary: 'Siêu dữ liệu OAuth / OAuth 2.0 authorization server metadata (RFC 8414)',
    description:
      '`issuer` equals the `iss` of the access tokens; the token endpoint takes the client-credentials grant.',
  })
  metadata(@Req() req: Request): AuthorizationServerMetadata {
    const issuer = this.issuer.issuer;
    // An issuer URL (RFC 8414 wants https in production) is where the endpoints live; a bare name is not.
    const base = /^https?:\/\//.test(issuer)
      ? issuer.replace(/\/+$/, '')
      : `${req.protocol}://${req.get('host')}`;
    return {
      issuer,
      token_endpoint: `${base}/api/v1/auth/token`,
      jwks_uri: `${base}/api/v1/auth/jwks`,
      grant_types_supported: [...OAUTH_GRANT_TYPES],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      scopes_supported: [...KNOWN_SCOPES],
      // No authorization endpoint: client credentials need none.
      response_types_supported: [],
      service_documentation: `${base}/api/docs`,
    };
  }
}
