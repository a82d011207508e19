import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { OAuthErrorResponse } from '@kc/contracts';
import { OAuthError, TOKEN_ENDPOINT_CHALLENGE } from '../../domain/identity/oauth';

/** Answers the token endpoint's refusals as RFC 6749 §5.2 says; anything else goes on to the problem filter. */
@Catch(OAuthError)
export class OAuthErrorFilter implements ExceptionFilter<OAuthError> {
  catch(error: OAuthError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body: OAuthErrorResponse = { error: error.error, error_description: error.description };
    if (error.challenge) res.setHeader('www-authenticate', TOKEN_ENDPOINT_CHALLENGE);
    res
      .status(error.status)
      .setHeader('cache-control', 'no-store')
      .setHeader('pragma', 'no-cache')
      .json(body);
  }
}
