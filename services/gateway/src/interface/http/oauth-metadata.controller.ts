import { Controller, Header, Req } from '@nestjs/common';
import type { Request } from 'express';
import {
  identityRoutes as routes,
  OAUTH_CLIENT_AUTH_METHODS,
  OAUTH_GRANT_TYPES,
  type AuthorizationServerMetadata,
} from '@kc/contracts';
import { Route } from '@kc/http';
import { KNOWN_SCOPES } from '../../domain/identity/scopes';
import { TokenIssuer } from '../../infrastructure/identity/token-issuer';

/**
 * RFC 8414 metadata, so an OAuth 2.0 client library configures itself from the issuer. Not published as
 * /.well-known/openid-configuration: the gateway is no OpenID provider (no ID tokens, no authorization or
 * userinfo endpoint), and OIDC Discovery's required fields would describe endpoints that do not exist.
 */
@Controller()
export class OAuthMetadataController {
  constructor(private readonly issuer: TokenIssuer) {}

  @Route(routes.oauthMetadata)
  @Header('cache-control', 'public, max-age=300')
  // Without an issuer URL the endpoints are read off the request's own origin.
  @Header('vary', 'host, x-forwarded-host, x-forwarded-proto')
  metadata(@Req() req: Request): AuthorizationServerMetadata {
    const issuer = this.issuer.issuer;
    // An issuer URL (RFC 8414 wants https in production) is where the endpoints live; a bare name is not.
    const base = /^https?:\/\//.test(issuer)
      ? issuer.replace(/\/+$/, '')
      : `${req.protocol}://${req.get('host')}`;
    return {
      issuer,
      token_endpoint: `${base}${routes.token.path}`,
      jwks_uri: `${base}${routes.jwks.path}`,
      grant_types_supported: [...OAUTH_GRANT_TYPES],
      token_endpoint_auth_methods_supported: [...OAUTH_CLIENT_AUTH_METHODS],
      scopes_supported: [...KNOWN_SCOPES],
      // No authorization endpoint: client credentials need none.
      response_types_supported: [],
      service_documentation: `${base}/api/docs`,
    };
  }
}
