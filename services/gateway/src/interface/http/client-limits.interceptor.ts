import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { from, switchMap, type Observable } from 'rxjs';
import { UnauthenticatedError } from '@kc/errors';
import { currentContext } from '@kc/observability';
import { ClientDirectory } from '../../application/identity/client-directory';
import { TooManyRequestsError } from '../../application/too-many-requests';
import { RateLimiter } from '../../infrastructure/identity/rate-limiter.store';

/**
 * After the guard: a request of an API client is refused if the client was revoked (even with a token issued
 * before), or if it went past the client's own per-minute limit (429 with Retry-After).
 */
@Injectable()
export class ClientLimitsInterceptor implements NestInterceptor {
  constructor(
    private readonly directory: ClientDirectory,
    private readonly limiter: RateLimiter,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const principal = currentContext()?.principal;
    if (context.getType() !== 'http' || principal?.kind !== 'client') return next.handle();
    const check = async () => {
      const client = await this.directory.byId(principal.id);
      if (!client || client.revokedAt !== null) {
        throw new UnauthenticatedError('this API client was revoked', 'auth.client-revoked');
      }
      const verdict = await this.limiter.hit(`client:${client.id}`, client.rateLimitPerMinute);
      if (!verdict.allowed) {
        context
          .switchToHttp()
          .getResponse<Response>()
          .setHeader('retry-after', String(verdict.retryAfterSeconds));
        throw new TooManyRequestsError(
          'rate.client-limit',
          `This API client may make ${client.rateLimitPerMinute} requests a minute.`,
          verdict.retryAfterSeconds,
        );
      }
    };
    return from(check()).pipe(switchMap(() => next.handle()));
  }
}
