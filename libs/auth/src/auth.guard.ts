import { Inject, Injectable, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ForbiddenError, UnauthenticatedError } from '@kc/errors';
import { actorOf, currentContext } from '@kc/observability';
import { ACCESS_RULE, PUBLIC_ROUTE, permits, type AccessRule } from './access-rule';
import { TokenVerifier } from './token-verifier';

/**
 * At the public edge, credentials other than an internal token (an API key, an external issuer's token) are
 * exchanged for an internal token before it is verified. Only the gateway provides one (AuthOptions.exchange).
 */
export interface CredentialExchange {
  /** The internal token standing for the request's credentials, or undefined to use its bearer token as is. */
  internalTokenFor(req: Request): Promise<string | undefined>;
}
export const CREDENTIAL_EXCHANGE = Symbol('CREDENTIAL_EXCHANGE');

function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = header?.match(/^Bearer\s+([\w-]+\.[\w-]+\.[\w-]+)$/i);
  return match?.[1];
}

/**
 * Checks every HTTP route: a public route passes; any other needs a valid bearer token whose principal the
 * route's rule permits. A route without a rule is refused, so a forgotten rule fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Optional() @Inject(CREDENTIAL_EXCHANGE) private readonly exchange?: CredentialExchange,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const req = context.switchToHttp().getRequest<Request>();
    const token = (await this.exchange?.internalTokenFor(req)) ?? bearerToken(req);
    if (!token)
      throw new UnauthenticatedError(
        { vi: 'Cần có mã truy cập (bearer access token)', en: 'a bearer access token is required' },
        'auth.missing-token',
      );
    const principal = await this.verifier.verify(token);
    const store = currentContext();
    if (store) {
      store.principal = principal;
      store.accessToken = token;
      store.actor = actorOf(principal);
    }

    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, targets);
    if (!rule)
      throw new ForbiddenError(
        { vi: 'Đường dẫn này chưa khai báo quy tắc truy cập', en: 'this route declares no access rule' },
        'auth.no-rule',
      );
    if (!permits(rule, principal)) {
      throw new ForbiddenError(
        {
          vi: `Vai trò ${principal.role} không được phép ${req.method} ${req.route?.path ?? req.path}`,
          en: `role ${principal.role} may not ${req.method} ${req.route?.path ?? req.path}`,
        },
        'auth.forbidden',
      );
    }
    return true;
  }
}
