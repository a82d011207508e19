import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { from, switchMap, type Observable } from 'rxjs';
import { ACCESS_RULE, type AccessRule } from '@kc/auth';
import { ForbiddenError, UnauthenticatedError } from '@kc/errors';
import { currentContext } from '@kc/observability';
import { ClientDirectory } from '../../application/identity/client-directory';
import { EdgeCredentials } from '../../application/identity/edge-credentials';
import { ExternalClientsService } from '../../application/identity/external-clients.service';
import { TooManyRequestsError } from '../../application/too-many-requests';
import { RateLimiter } from '../../infrastructure/identity/rate-limiter.store';

/**
 * After the guard: a request of an API client, or one carrying a token of the external issuer, is refused if
 * its client was revoked (or, external, never registered), or if it went past the client's own per-minute
 * limit (429 with Retry-After). An external token must also grant the route's scope: the guard judges a
 * person by role alone, and such a person acts through a client that may have been granted less.
 */
@Injectable()
export class ClientLimitsInterceptor implements NestInterceptor {
  constructor(
    private readonly directory: ClientDirectory,
    private readonly externalClients: ExternalClientsService,
    private readonly edge: EdgeCredentials,
    private readonly limiter: RateLimiter,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const principal = currentContext()?.principal;
    if (context.getType() !== 'http' || !principal) return next.handle();
    const http = context.switchToHttp();
    const external = this.edge.externalClientOf(http.getRequest<Request>());
    if (principal.kind !== 'client' && external === undefined) return next.handle();

    const check = async () => {
      const client =
        external === undefined
          ? await this.apiClient(principal.id)
          : await this.externalClient(external, principal.scopes, context);
      const verdict = await this.limiter.hit(client.key, client.rateLimitPerMinute);
      if (!verdict.allowed) {
        http.getResponse<Response>().setHeader('retry-after', String(verdict.retryAfterSeconds));
        throw new TooManyRequestsError(
          'rate.client-limit',
          {
            vi: `Ứng dụng ${external === undefined ? 'API' : 'bên ngoài'} này chỉ được gửi ${client.rateLimitPerMinute} yêu cầu mỗi phút.`,
            en: `This ${external === undefined ? 'API' : 'external'} client may make ${client.rateLimitPerMinute} requests a minute.`,
          },
          verdict.retryAfterSeconds,
        );
      }
    };
    return from(check()).pipe(switchMap(() => next.handle()));
  }

  private async apiClient(id: string) {
    const client = await this.directory.byId(id);
    if (!client || client.revokedAt !== null) {
      throw new UnauthenticatedError(
        { vi: 'Ứng dụng API này đã bị thu hồi', en: 'this API client was revoked' },
        'auth.client-revoked',
      );
    }
    return { key: `client:${client.id}`, rateLimitPerMinute: client.rateLimitPerMinute };
  }

  private async externalClient(clientId: string, scopes: string[], context: ExecutionContext) {
    const client = await this.externalClients.byId(clientId);
    if (!client || client.revokedAt !== null) {
      throw new UnauthenticatedError(
        client
          ? {
              vi: `Ứng dụng ${clientId} của nhà cung cấp định danh đã bị thu hồi tại đây`,
              en: `the identity provider's client ${clientId} was revoked here`,
            }
          : {
              vi: `Ứng dụng ${clientId} của nhà cung cấp định danh chưa được đăng ký tại đây`,
              en: `the identity provider's client ${clientId} is not registered here`,
            },
        'auth.client-revoked',
      );
    }
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule?.scope && !scopes.includes(rule.scope)) {
      throw new ForbiddenError(
        {
          vi: `Mã định danh không cấp phạm vi ${rule.scope}`,
          en: `the identity token does not grant the scope ${rule.scope}`,
        },
        'auth.forbidden',
      );
    }
    return { key: `external:${clientId}`, rateLimitPerMinute: client.rateLimitPerMinute };
  }
}
