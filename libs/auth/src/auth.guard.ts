import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ForbiddenError, UnauthenticatedError } from '@kc/errors';
import { actorOf, currentContext } from '@kc/observability';
import { ACCESS_RULE, PUBLIC_ROUTE, permits, type AccessRule } from './access-rule';
import { TokenVerifier } from './token-verifier';

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
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const req = context.switchToHttp().getRequest<Request>();
    const token = bearerToken(req);
    if (!token) throw new UnauthenticatedError('a bearer access token is required', 'auth.missing-token');
    const principal = await this.verifier.verify(token);
    const store = currentContext();
    if (store) {
      store.principal = principal;
      store.actor = actorOf(principal);
    }

    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, targets);
    if (!rule) throw new ForbiddenError('this route declares no access rule', 'auth.no-rule');
    if (!permits(rule, principal)) {
      throw new ForbiddenError(`role ${principal.role} may not ${req.method} ${req.route?.path ?? req.path}`, 'auth.forbidden');
    }
    return true;
  }
}
