import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { from, switchMap, type Observable } from 'rxjs';
import { ACCESS_RULE, type AccessRule } from '@kc/auth';
import { currentContext } from '@kc/observability';
import { ClientAdmission } from '../../application/identity/client-admission';
import { EdgeCredentials } from '../../application/identity/edge-credentials';
import { withRetryAfter } from './retry-after.interceptor';

/** After the guard: admits the request of a client (revoked, scope, per-client limit — see ClientAdmission). */
@Injectable()
export class ClientLimitsInterceptor implements NestInterceptor {
  constructor(
    private readonly admission: ClientAdmission,
    private readonly edge: EdgeCredentials,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const principal = currentContext()?.principal;
    if (context.getType() !== 'http' || !principal) return next.handle();
    const http = context.switchToHttp();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const external = this.edge.externalClientOf(http.getRequest<Request>());
    return from(this.admission.admit(principal, external, rule?.scope)).pipe(
      withRetryAfter(http.getResponse<Response>()),
      switchMap(() => next.handle()),
    );
  }
}
